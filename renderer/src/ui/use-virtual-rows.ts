/**
 * Virtual scrolling of a table (ui/data-table.tsx `virtual`): from the scroll container's scroll
 * position and height and the rendered rows' measured height, which rows of `rowCount` are in
 * view (with `overscan` rows either side), and the spacer heights standing for the others. Only
 * these rows are rendered, so a 100,000-row table costs what a 60-row one does.
 */
import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { VirtualWindow } from './data-table';

/** The tallest view the window is computed for, px (a 4K portrait screen). */
const MAX_VIEW_PX = 4000;

/** Options of {@link useVirtualRows}. */
export interface VirtualRowsOptions {
  /** Rows in all. */
  rowCount: number;
  /** The row height assumed before one is measured, px (default 44). */
  estimate?: number;
  /** Rows rendered beyond each edge of the view (default 12). */
  overscan?: number;
  /** The view's height assumed while the container has none (not laid out yet, or a test DOM), px (default 800). */
  fallbackHeight?: number;
}

/** What {@link useVirtualRows} returns. */
export interface VirtualRows {
  /** Rows `start` (inclusive) … `end` (exclusive) are to be rendered. */
  start: number;
  end: number;
  /** The table's `virtual` prop for rows `start`…`end`. */
  window: VirtualWindow;
  /** The measured (or estimated) row height, px. */
  rowHeight: number;
  /** The scroll container (DataTable `scrollRef`). */
  ref: RefObject<HTMLDivElement | null>;
  /** DataTable `onScroll`. */
  onScroll: () => void;
  /** Scrolls to the top (a new sort or filter). */
  toTop: () => void;
}

/** The window of rows in view of a virtually scrolled table. */
export function useVirtualRows(opts: VirtualRowsOptions): VirtualRows {
  const { rowCount, estimate = 44, overscan = 12, fallbackHeight = 800 } = opts;
  const ref = useRef<HTMLDivElement | null>(null);
  const [view, setView] = useState({ top: 0, height: 0 });
  const [rowHeight, setRowHeight] = useState(estimate);
  const onScroll = useCallback(() => {
    const el = ref.current;
    if (el) setView((v) => (v.top === el.scrollTop && v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight }));
  }, []);
  // Measure after each render: the view's height and the rendered rows' mean height.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (el.clientHeight !== view.height) setView({ top: el.scrollTop, height: el.clientHeight });
    const rows = el.querySelectorAll<HTMLTableRowElement>('tbody tr:not(.virtual-pad)');
    if (rows.length) {
      const first = rows[0]!.getBoundingClientRect();
      const last = rows[rows.length - 1]!.getBoundingClientRect();
      const h = (last.bottom - first.top) / rows.length;
      if (h > 0 && Math.abs(h - rowHeight) > 0.5) setRowHeight(h);
    }
  });
  // A container that is not height-limited (no CSS yet) would hold every row "in view": never render more than a screenful's worth.
  const height = Math.min(view.height || fallbackHeight, MAX_VIEW_PX);
  const start = Math.max(0, Math.min(rowCount, Math.floor(view.top / rowHeight) - overscan));
  const end = Math.max(start, Math.min(rowCount, Math.ceil((view.top + height) / rowHeight) + overscan));
  const toTop = useCallback(() => {
    if (ref.current) ref.current.scrollTop = 0;
    setView((v) => ({ ...v, top: 0 }));
  }, []);
  return { start, end, rowHeight, window: { firstIndex: start, rowCount, padTop: start * rowHeight, padBottom: (rowCount - end) * rowHeight }, ref, onScroll, toTop };
}
