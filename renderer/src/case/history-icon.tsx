/**
 * The "history" glyph (a clock with a turning arrow) of the field history button, drawn like the
 * icons of ui/icons.tsx (24-unit grid, 2 px stroke, currentColor) so it sits beside them.
 */
import type { ReactNode } from 'react';

/** The history icon, `size` px square. */
export function HistoryIcon(props: { size?: number }): ReactNode {
  const size = props.size ?? 13;
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="M3 12a9 9 0 1 0 3-6.7" />
      <path d="M3 4v5h5" />
      <path d="M12 7v5l3 2" />
    </svg>
  );
}
