/**
 * The one shape of a problem found in a row of an imported file (seizures, price references, ECB
 * rate files): where it is (`line`, `column`), what was written (`value`), why it was refused
 * (`reason`) and, when there is one, what to do about it (`fix`). Each importer reports these; the
 * RPC and UI shapes derive from it.
 */

/** A refused cell or row. */
export interface Rejection {
  /** 1-based physical line of the file where the row starts (the header is line 1). */
  readonly line: number;
  /** The column as written in the file's header; 'row' for the whole row, 'file' for the whole file. */
  readonly column: string;
  /** The cell as written ('' when the problem is the row or the file). */
  readonly value: string;
  /** Why it was refused, as a clause for a sentence. */
  readonly reason: string;
  /** What would make the row acceptable, when the reader can tell. */
  readonly fix?: string;
}

/** A rejection of a whole row (value ''). */
export function rowRejection(line: number, reason: string, fix?: string): Rejection {
  return { line, column: 'row', value: '', reason, ...(fix ? { fix } : {}) };
}

/** The reason followed by the fix, when there is one: "…; close the quote and import again". */
export function reasonWithFix(r: Rejection): string {
  return r.fix ? `${r.reason}; ${r.fix}` : r.reason;
}

/**
 * One sentence naming up to `shown` rejections with their line and column, and how many more there
 * are, e.g. `line 2, Date: "x" is not a date; line 5, USD: … (and 3 more)`.
 * @param cap when the list was cut at this many, the sentence says so.
 */
export function describeRejections(rejections: readonly Rejection[], shown = 3, cap?: number): string {
  const text = rejections.slice(0, shown).map((r) => `line ${r.line}, ${r.column}: ${reasonWithFix(r)}`);
  const more = rejections.length > shown ? ` (and ${rejections.length - shown} more${cap !== undefined && rejections.length >= cap ? `; the list stops at ${cap}` : ''})` : '';
  return `${text.join('; ')}${more}`;
}
