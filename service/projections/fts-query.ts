/**
 * Turns what a user types into a safe SQLite FTS5 query: each word becomes a quoted prefix term
 * ("pango"* matches "pangolin"), all terms must match. FTS5 operators typed by the user are
 * treated as words, so no input can produce an FTS5 syntax error.
 */

/** The FTS5 MATCH expression for `text`, or null when it has no searchable word. */
export function ftsQuery(text: string): string | null {
  const words = text
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 12);
  if (!words.length) return null;
  return words.map((w) => `"${w.replace(/"/g, '""')}"*`).join(' ');
}
