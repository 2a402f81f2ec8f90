/**
 * The search box's reading of a query (shared/search/search-query.ts; tester F-SEARCH-2): the FTS5
 * expression for each understood operator, run against a real FTS5 table to show which rows it
 * finds, the notes for what is not understood, and no FTS5 syntax error for any input (property
 * test, fixed seed).
 */
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_SEARCH_TERMS, parseSearchQuery } from '../../../shared/search/search-query';

const db = new Database(':memory:');
db.exec("CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2')");
const rows = [
  ['1', 'pangolin scales Lagos'],
  ['2', 'ivory tusks Lagos'],
  ['3', 'ivory tusks Lomé'],
  ['4', 'rosewood logs Mombasa'],
  ['5', 'frozen beef declared, pangolin scales hidden'],
];
for (const [id, body] of rows) db.prepare('INSERT INTO t (title, body) VALUES (?, ?)').run(id, body);
afterAll(() => db.close());

/** The ids of the rows `text` finds. */
function found(text: string): string[] {
  const q = parseSearchQuery(text).match;
  if (!q) return [];
  return (db.prepare('SELECT title FROM t WHERE t MATCH ? ORDER BY title').pluck().all(q) as string[]);
}

describe('parseSearchQuery', () => {
  it('reads plain words as prefixes that must all match, with no note', () => {
    expect(parseSearchQuery('pango Lag')).toEqual({ match: '"pango"* AND "Lag"*', notes: [], usedOperators: false });
    expect(found('pango Lag')).toEqual(['1']);
    expect(found('ivory')).toEqual(['2', '3']);
  });

  it('reads "quoted phrases" whole and in order', () => {
    expect(parseSearchQuery('"pangolin scales" hidden').match).toBe('"pangolin scales" AND "hidden"*');
    expect(found('"pangolin scales"')).toEqual(['1', '5']);
    expect(found('"scales pangolin"')).toEqual([]);
    expect(found('“tusks Lomé”')).toEqual(['3']);
  });

  it('reads OR between two terms, binding them before the other words', () => {
    expect(parseSearchQuery('ivory Lagos OR Lomé').match).toBe('"ivory"* AND ("Lagos"* OR "Lomé"*)');
    expect(found('ivory Lagos OR Lomé')).toEqual(['2', '3']);
    expect(found('rosewood OR pangolin')).toEqual(['1', '4', '5']);
    expect(parseSearchQuery('a OR b').usedOperators).toBe(true);
    // Lower-case "or" is a word.
    expect(parseSearchQuery('ivory or').match).toBe('"ivory"* AND "or"*');
  });

  it('reads -word, -"phrase" and NOT word as exclusions', () => {
    expect(parseSearchQuery('pangolin -beef').match).toBe('("pangolin"*) NOT ("beef"*)');
    expect(found('pangolin -beef')).toEqual(['1']);
    expect(found('ivory NOT Lomé')).toEqual(['2']);
    expect(found('scales -"frozen beef"')).toEqual(['1']);
    // A hyphen inside a word is not an exclusion.
    expect(parseSearchQuery('co-op').match).toBe('"co"* AND "op"*');
  });

  it('says what it did not read as typed: a field, an unclosed quote, a lone OR, only exclusions, too many terms', () => {
    expect(parseSearchQuery('commodity:ivory')).toEqual({ match: '"ivory"*', notes: [{ kind: 'field', field: 'commodity' }], usedOperators: false });
    // A field before a phrase, or before an exclusion, keeps the phrase and the exclusion (tester G-SRCH-1).
    expect(parseSearchQuery('commodity:"pangolin scales"')).toEqual({ match: '"pangolin scales"', notes: [{ kind: 'field', field: 'commodity' }], usedOperators: true });
    expect(parseSearchQuery('pangolin commodity:-ivory')).toEqual({ match: '("pangolin"*) NOT ("ivory"*)', notes: [{ kind: 'field', field: 'commodity' }], usedOperators: true });
    expect(parseSearchQuery('pangolin -commodity:"raw ivory"')).toEqual({ match: '("pangolin"*) NOT ("raw ivory")', notes: [{ kind: 'field', field: 'commodity' }], usedOperators: true });
    expect(parseSearchQuery('commodity:')).toEqual({ match: null, notes: [{ kind: 'field', field: 'commodity' }], usedOperators: false });
    expect(found('commodity:ivory')).toEqual(['2', '3']);
    expect(parseSearchQuery('"pangolin scales')).toEqual({ match: '"pangolin"* AND "scales"*', notes: [{ kind: 'unclosed-quote' }], usedOperators: false });
    expect(parseSearchQuery('OR ivory').notes).toEqual([{ kind: 'dangling-or' }]);
    expect(parseSearchQuery('ivory OR').notes).toEqual([{ kind: 'dangling-or' }]);
    expect(parseSearchQuery('ivory OR').match).toBe('"ivory"*');
    expect(parseSearchQuery('-ivory')).toEqual({ match: null, notes: [{ kind: 'only-exclusions' }], usedOperators: true });
    const many = Array.from({ length: MAX_SEARCH_TERMS + 3 }, (_, i) => `w${i}`).join(' ');
    const p = parseSearchQuery(many);
    expect(p.notes).toEqual([{ kind: 'too-many' }]);
    expect(p.match?.split(' AND ').length).toBe(MAX_SEARCH_TERMS);
  });

  it('never gives FTS5 a syntax error, whatever is typed (fixed seed)', () => {
    const piece = fc.constantFrom('"', '-', 'OR', 'AND', 'NOT', 'NEAR(', '*', '^', ':', 'title:', '(', ')', '""', 'ivory', 'Lagos', ' ', '  ', 'é', '-"');
    let searched = 0;
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 4 })), { maxLength: 12 }), (parts) => {
        const q = parseSearchQuery(parts.join(' ')).match;
        if (q === null) return;
        searched++;
        db.prepare('SELECT count(*) FROM t WHERE t MATCH ?').pluck().get(q);
      }),
      { seed: 20261207, numRuns: 2000 },
    );
    expect(searched).toBeGreaterThan(1000);
  });
});
