/**
 * The markers around matches in search snippets (`search.query`): two control characters that
 * cannot occur in stored text, so brackets and other punctuation in the text stay text.
 */

/** Marks the start of a match in a search snippet. */
export const SNIPPET_MARK_START = '\u0002';
/** Marks the end of a match in a search snippet. */
export const SNIPPET_MARK_END = '\u0003';
