/**
 * Where each node of a case's link chart sits (`chartLayout`: Y.Map<nodeId, {x, y}>, chart
 * pixels at zoom 1). Kept in the case doc rather than in one machine's settings so the layout is
 * the same for every member and on every machine — an analyst arranges the chart once and the
 * team briefs from the same picture — and survives a reinstall. Each node is its own key, so two
 * members dragging different nodes at once both keep their move. Not audited: a position is
 * presentation, not evidence (the write is still attributed by its transaction origin).
 */
import type * as Y from 'yjs';
import type { Writer } from './records';
import { jsonEqual } from './records';
import type { Tx } from './case-seizures';

/** A node position in chart pixels. */
export interface ChartPosition {
  x: number;
  y: number;
}

/** The stored positions, by node id; values that are not finite {x, y} are left out (a buggy peer). */
export function readChartLayout(map: Y.Map<unknown>): Record<string, ChartPosition> {
  const out: Record<string, ChartPosition> = {};
  map.forEach((v, k) => {
    const p = v as { x?: unknown; y?: unknown } | null;
    if (p && typeof p === 'object' && Number.isFinite(p.x) && Number.isFinite(p.y)) out[k] = { x: p.x as number, y: p.y as number };
  });
  return out;
}

/**
 * Stores `positions` (rounded to whole pixels), writing only those that changed, in one
 * transaction. Returns how many were written.
 */
export function saveChartLayout(map: Y.Map<unknown>, tx: Tx, positions: Record<string, ChartPosition>, w: Writer): number {
  const changed: [string, ChartPosition][] = [];
  for (const [id, p] of Object.entries(positions)) {
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
    const r = { x: Math.round(p.x), y: Math.round(p.y) };
    if (!jsonEqual(map.get(id), r)) changed.push([id, r]);
  }
  if (changed.length) tx(w, () => changed.forEach(([id, p]) => map.set(id, p)));
  return changed.length;
}
