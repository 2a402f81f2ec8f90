/**
 * What the search box understands (tester F-SEARCH-2: operators were dropped silently), read into a
 * safe SQLite FTS5 MATCH expression plus notes on anything that was not read as typed. Isomorphic:
 * the data service builds its query with it (service/projections/fts-query.ts) and the header
 * search shows the same notes (renderer/src/shell/global-search.tsx), so both read a query alike.
 *
 * Understood, as in most search boxes:
 * - words: every word must match, each as a prefix (`pango` finds "pangolin");
 * - `"exact phrase"`: the words in this order, whole;
 * - `a OR b` (upper case): either; it binds the terms on each side (`ivory Lagos OR Lomé` = ivory
 *   and (Lagos or Lomé));
 * - `-word`, `-"a phrase"` or `NOT word`: leave out what matches (needs at least one other term);
 * - `AND` (upper case): the default, accepted and ignored.
 * Not understood, and said so in {@link ParsedSearch.notes}: `field:value` (searched as the value
 * alone), an unclosed quote (the rest read as words), an OR without a term on each side (ignored),
 * only exclusions (nothing searched), more than {@link MAX_SEARCH_TERMS} terms (the first kept).
 * FTS5 syntax typed by the user never reaches FTS5: every term is quoted, so no input can make a
 * syntax error or run a column filter, NEAR or a `^` initial-token query.
 */

/** Most terms (words and phrases) searched; more are dropped with a note. */
export const MAX_SEARCH_TERMS = 12;

/** Something in the query that was not read as typed (the renderer words it from the catalogue). */
export type SearchNote =
  | { kind: 'field'; field: string }
  | { kind: 'unclosed-quote' }
  | { kind: 'dangling-or' }
  | { kind: 'only-exclusions' }
  | { kind: 'too-many' };

/** A query as read. */
export interface ParsedSearch {
  /** The FTS5 MATCH expression, or null when nothing can be searched. */
  match: string | null;
  /** What was not read as typed, in the order met (each kind at most once, except fields). */
  notes: SearchNote[];
  /** True when the query used an operator that was understood (phrase, OR, exclusion). */
  usedOperators: boolean;
}

/** One searchable term: FTS5 text already quoted. */
type Term = string;

/** The words of `s` as the index tokenises them (letters and digits), NFKC-normalised. */
function words(s: string): string[] {
  return s
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

const quote = (w: string): string => `"${w.replace(/"/g, '""')}"`;

/** Raw pieces of the query: quoted phrases and whitespace-separated chunks, with a leading '-' kept. */
function scan(text: string, notes: SearchNote[]): { text: string; phrase: boolean; minus: boolean }[] {
  const out: { text: string; phrase: boolean; minus: boolean }[] = [];
  const s = text.normalize('NFKC').replace(/[“”„]/g, '"');
  let i = 0;
  while (i < s.length) {
    while (i < s.length && /\s/.test(s[i]!)) i++;
    if (i >= s.length) break;
    let minus = false;
    if (s[i] === '-' && i + 1 < s.length && !/\s/.test(s[i + 1]!)) {
      minus = true;
      i++;
    }
    if (s[i] === '"') {
      const end = s.indexOf('"', i + 1);
      if (end < 0) {
        notes.push({ kind: 'unclosed-quote' });
        for (const w of s.slice(i + 1).split(/\s+/).filter(Boolean)) out.push({ text: w, phrase: false, minus: false });
        break;
      }
      out.push({ text: s.slice(i + 1, end), phrase: true, minus });
      i = end + 1;
      continue;
    }
    let j = i;
    while (j < s.length && !/\s/.test(s[j]!) && s[j] !== '"') j++;
    out.push({ text: s.slice(i, j), phrase: false, minus });
    i = j;
  }
  return out;
}

/**
 * Reads what a user typed in a search box.
 * @returns the FTS5 expression (null when nothing is searchable) and the notes; never throws.
 */
export function parseSearchQuery(text: string): ParsedSearch {
  const notes: SearchNote[] = [];
  let usedOperators = false;
  // Items: each an OR-group of terms (one term when no OR); exclusions apart.
  const items: Term[][] = [];
  const excluded: Term[] = [];
  let pendingOr = false;
  let pendingNot = false;
  let count = 0;
  let tooMany = false;
  const note = (n: SearchNote): void => {
    if (n.kind === 'field' || !notes.some((x) => x.kind === n.kind)) notes.push(n);
  };
  const add = (terms: Term[], minus: boolean): void => {
    if (!terms.length) return;
    if (count + terms.length > MAX_SEARCH_TERMS) {
      tooMany = true;
      return;
    }
    count += terms.length;
    if (minus) {
      usedOperators = true;
      excluded.push(...terms);
      if (pendingOr) note({ kind: 'dangling-or' });
      pendingOr = false;
      return;
    }
    if (pendingOr && items.length && terms.length === 1) {
      items[items.length - 1]!.push(terms[0]!);
      usedOperators = true;
    } else {
      if (pendingOr) note({ kind: 'dangling-or' });
      for (const t of terms) items.push([t]);
    }
    pendingOr = false;
  };
  for (const piece of scan(text, notes)) {
    const minus: boolean = piece.minus || pendingNot;
    pendingNot = false;
    if (piece.phrase) {
      const ws = words(piece.text);
      if (ws.length) usedOperators = true;
      add(ws.length ? [quote(ws.join(' '))] : [], minus);
      continue;
    }
    if (!piece.minus && piece.text === 'OR') {
      if (!items.length || pendingOr) note({ kind: 'dangling-or' });
      pendingOr = items.length > 0;
      continue;
    }
    if (!piece.minus && piece.text === 'AND') continue;
    if (!piece.minus && piece.text === 'NOT') {
      pendingNot = true;
      continue;
    }
    let body = piece.text;
    let fieldMinus = false;
    const field = /^([\p{L}_]+):(.*)$/u.exec(body);
    if (field) {
      note({ kind: 'field', field: field[1]! });
      // `field:"a phrase"` scans as `field:` then the phrase: the name alone is not a term, and the
      // NOT before it carries over to the phrase. `field:-word` excludes the word (tester G-SRCH-1).
      if (field[2] === '') {
        pendingNot = minus;
        continue;
      }
      fieldMinus = field[2]!.startsWith('-') && field[2]!.length > 1;
      body = fieldMinus ? field[2]!.slice(1) : field[2]!;
    }
    add(words(body).map((w) => `${quote(w)}*`), minus || fieldMinus);
  }
  if (pendingOr) note({ kind: 'dangling-or' });
  if (pendingNot) note({ kind: 'dangling-or' });
  if (tooMany) note({ kind: 'too-many' });
  if (!items.length) {
    if (excluded.length) note({ kind: 'only-exclusions' });
    return { match: null, notes, usedOperators };
  }
  // Explicit AND: FTS5 allows an implicit AND only between two phrases, not next to a parenthesis.
  const positive = items.map((g) => (g.length > 1 ? `(${g.join(' OR ')})` : g[0]!)).join(' AND ');
  const match = excluded.length ? `(${positive}) NOT (${excluded.join(' OR ')})` : positive;
  return { match, notes, usedOperators };
}
