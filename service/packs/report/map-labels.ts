/**
 * Where the seizure map prints the row numbers beside its dots, so that no two labels overlap
 * and no label covers a dot (tester F-PACK-5: seizures at one port printed their numbers on top
 * of each other). Dots closer than {@link GROUP_PX} share one label ("3, 7–9"); each label tries
 * eight directions around its dot, near first, then further out with a leader line; a label that
 * finds no free room is not printed and its rows are returned, so the caption can say so. Boxes
 * are estimated from the print font (DejaVu Sans Bold, 11 px: digits 0.70 em). Pure.
 */

/** Dots whose centres are closer than this (SVG px) are one place and get one label. */
export const GROUP_PX = 6;
/** The label font size (SVG px); the map's stylesheet uses the same. */
export const LABEL_PX = 11;
/** Radius of a dot (SVG px). */
export const DOT_R = 4.5;

/** An axis-aligned box in SVG px. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A dot to label: its position and table row. */
export interface Dot {
  x: number;
  y: number;
  row: number;
}

/** One printed label: its text, box (the text starts at `x + PAD`, baseline at `baseline`), and the leader line's ends when it stands off. */
export interface PlacedLabel {
  text: string;
  box: Box;
  baseline: number;
  leader: [number, number, number, number] | null;
}

/** What {@link layoutLabels} decided. */
export interface LabelLayout {
  labels: PlacedLabel[];
  /** Rows whose label found no free room, ascending. */
  unlabelled: number[];
}

const PAD = 2;
const DIRECTIONS: readonly [number, number][] = [
  [1, -1],
  [1, 1],
  [-1, -1],
  [-1, 1],
  [1, 0],
  [-1, 0],
  [0, -1],
  [0, 1],
];
const DISTANCES = [3, 12, 24, 38, 54];

/** Rows as printed: ascending, runs of three or more as "7–9": `[9, 3, 7, 8]` → "3, 7–9". */
export function rowsText(rows: readonly number[]): string {
  const r = [...new Set(rows)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < r.length; ) {
    let j = i;
    while (j + 1 < r.length && r[j + 1] === r[j]! + 1) j++;
    out.push(j - i >= 2 ? `${r[i]}–${r[j]}` : r.slice(i, j + 1).join(', '));
    i = j + 1;
  }
  return out.join(', ');
}

/** The estimated width of `text` in the label font (SVG px), halo padding included. */
export function labelWidth(text: string): number {
  let w = 0;
  for (const c of text) w += /[0-9]/.test(c) ? 0.7 * LABEL_PX : c === ' ' ? 0.35 * LABEL_PX : 0.5 * LABEL_PX;
  return w + 2 * PAD;
}

/** True when `a` and `b` overlap (touching edges do not). */
export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** Groups dots closer than {@link GROUP_PX} (single link, in row order): each group's centre and rows. */
export function groupDots(dots: readonly Dot[]): { x: number; y: number; rows: number[] }[] {
  const groups: { xs: number[]; ys: number[]; rows: number[] }[] = [];
  for (const d of [...dots].sort((a, b) => a.row - b.row)) {
    const g = groups.find((g) => g.xs.some((x, i) => Math.hypot(x - d.x, g.ys[i]! - d.y) < GROUP_PX));
    if (g) {
      g.xs.push(d.x);
      g.ys.push(d.y);
      g.rows.push(d.row);
    } else groups.push({ xs: [d.x], ys: [d.y], rows: [d.row] });
  }
  const mean = (v: number[]): number => v.reduce((a, b) => a + b, 0) / v.length;
  return groups.map((g) => ({ x: mean(g.xs), y: mean(g.ys), rows: g.rows }));
}

/**
 * Lays out one label per group of `dots` inside `width` × `height`, avoiding every dot, every
 * other label and the `reserved` boxes (e.g. the attribution line).
 */
export function layoutLabels(dots: readonly Dot[], width: number, height: number, reserved: readonly Box[] = []): LabelLayout {
  const taken: Box[] = [...reserved, ...dots.map((d) => ({ x: d.x - DOT_R, y: d.y - DOT_R, w: 2 * DOT_R, h: 2 * DOT_R }))];
  const labels: PlacedLabel[] = [];
  const unlabelled: number[] = [];
  const h = LABEL_PX + 2 * PAD;
  for (const g of groupDots(dots)) {
    const text = rowsText(g.rows);
    const w = labelWidth(text);
    const found = candidates(g.x, g.y, w, h).find(({ box: b }) => b.x >= 0 && b.y >= 0 && b.x + b.w <= width && b.y + b.h <= height && !taken.some((t) => overlaps(t, b)));
    if (!found) {
      unlabelled.push(...g.rows);
      continue;
    }
    const spot = found.box;
    taken.push(spot);
    labels.push({ text, box: spot, baseline: spot.y + h - PAD - 0.2 * LABEL_PX, leader: found.near ? null : leaderOf(g.x, g.y, spot) });
  }
  return { labels, unlabelled: unlabelled.sort((a, b) => a - b) };
}

/** Candidate boxes around (x, y), nearest first: each direction at each distance beyond the dot; `near` for the first ring (no leader line). */
function candidates(x: number, y: number, w: number, h: number): { box: Box; near: boolean }[] {
  const out: { box: Box; near: boolean }[] = [];
  for (const [i, d] of DISTANCES.entries()) {
    for (const [dx, dy] of DIRECTIONS) {
      const r = DOT_R + d;
      const bx = dx > 0 ? x + r : dx < 0 ? x - r - w : x - w / 2;
      const by = dy > 0 ? y + r : dy < 0 ? y - r - h : y - h / 2;
      out.push({ box: { x: bx, y: by, w, h }, near: i === 0 });
    }
  }
  return out;
}

/** A line from the dot's edge to the nearest point of a box that stands off. */
function leaderOf(x: number, y: number, b: Box): [number, number, number, number] {
  const nx = Math.max(b.x, Math.min(x, b.x + b.w));
  const ny = Math.max(b.y, Math.min(y, b.y + b.h));
  const dist = Math.hypot(nx - x, ny - y);
  const k = DOT_R / dist;
  return [x + (nx - x) * k, y + (ny - y) * k, nx, ny];
}
