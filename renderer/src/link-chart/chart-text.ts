/**
 * Legibility of the link chart: how long a label may be on the canvas, how big each kind of node
 * is, and the label font size at a zoom. Cytoscape scales text with the zoom, so a chart fitted to
 * its canvas (zoom 0.4 for forty nodes) drew 11 px labels at about 4 px; here the font grows as
 * the chart zooms out so labels stay at least {@link MIN_SCREEN_PX} on screen, up to a cap beyond
 * which they would cover their neighbours (then the member zooms in). Pure functions, no DOM.
 */

/** Smallest label size on screen, CSS pixels (WCAG's comfortable minimum for short labels). */
export const MIN_SCREEN_PX = 12;
/** Label size at zoom 1 and above, chart pixels. */
export const BASE_FONT = 12;
/** Largest label size in chart pixels (at very low zoom the labels would overlap). */
export const MAX_FONT = 30;

/**
 * The label font size in chart pixels at `zoom` (Cytoscape's zoom factor, > 0): BASE_FONT when
 * that is readable, else what shows MIN_SCREEN_PX on screen, at most MAX_FONT. Edges use `base` 10.
 */
export function labelFontSize(zoom: number, base = BASE_FONT): number {
  if (!(zoom > 0)) return base;
  return Math.round(Math.min(MAX_FONT, Math.max(base, MIN_SCREEN_PX / zoom)) * 10) / 10;
}

/** Characters of a label line shown on the canvas before an ellipsis. */
export const MAX_LINE = 24;

/**
 * `label` as the canvas shows it: at most `lines` lines (first ones kept), each at most `max`
 * characters, cut at the last space when there is one in the second half, ending with "…". The
 * full label stays in the chart's text list and tooltips.
 */
export function shortLabel(label: string, max = MAX_LINE, lines = 2): string {
  const cut = (line: string): string => {
    const chars = [...line.trim()];
    if (chars.length <= max) return chars.join('');
    const head = chars.slice(0, max - 1).join('');
    // The head ends a word when the next character is a space; else back to the last space.
    const space = chars[max - 1] === ' ' ? head.length : head.lastIndexOf(' ');
    return `${(space >= max / 2 ? head.slice(0, space) : head).trimEnd()}…`;
  };
  const all = label.split('\n');
  const kept = all.slice(0, lines).map(cut);
  if (all.length > lines && !kept[lines - 1]!.endsWith('…')) kept[lines - 1] = `${kept[lines - 1]}…`;
  return kept.join('\n');
}

/** Node diameter by kind, chart pixels: the people and companies investigated stand out; identifiers (phones, addresses) are smaller. */
export const NODE_SIZE: Readonly<Record<string, number>> = {
  person: 40,
  organisation: 44,
  vessel: 44,
  vehicle: 34,
  aircraft: 38,
  'bank-account': 32,
  'crypto-wallet': 32,
  phone: 28,
  email: 28,
  address: 30,
  seizure: 36,
  case: 48,
};

/** The diameter of a node of `kind` (unknown kinds: 34). */
export function nodeSize(kind: string): number {
  return NODE_SIZE[kind] ?? 34;
}
