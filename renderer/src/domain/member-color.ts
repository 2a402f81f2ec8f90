/**
 * Stable avatar colours for members: a member id always maps to the same colour of a small,
 * accessible palette (white initials on each colour meet WCAG AA for normal text, 4.5:1).
 */

/** Avatar colours; each has at least 4.5:1 contrast with white text (WCAG AA), checked by test/e2e/palette.spec.ts. */
export const MEMBER_COLORS = ['#1a56b0', '#2e7d32', '#b3261e', '#7b4bb7', '#00796b', '#a8481a', '#ad1457', '#455a64', '#5d4037', '#3949ab'] as const;

/** The colour (#rrggbb) of member `id`. */
export function memberColor(id: string): string {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0;
  return MEMBER_COLORS[h % MEMBER_COLORS.length]!;
}

/** Up to two initials of a display name, e.g. "Siti Rahman" → "SR". */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (!parts.length) return '?';
  const first = parts[0]![0] ?? '';
  const last = parts.length > 1 ? (parts[parts.length - 1]![0] ?? '') : '';
  return (first + last).toUpperCase();
}
