/**
 * Turns what a user types into a safe SQLite FTS5 query. The reading (prefix words, "phrases",
 * OR, -exclusions; every term quoted, so no input can produce an FTS5 syntax error) is
 * shared/search/search-query.ts, which the header search also uses to say what it did not read
 * as typed.
 */
import { parseSearchQuery } from '../../shared/search/search-query';

/** The FTS5 MATCH expression for `text`, or null when it has no searchable term. */
export function ftsQuery(text: string): string | null {
  return parseSearchQuery(text).match;
}
