/**
 * Search snippets from the data service mark each match with two control characters
 * (SNIPPET_MARK_START / SNIPPET_MARK_END, FTS5 snippet()), which cannot occur in stored text, so
 * brackets in the text itself stay text; this turns one into parts the UI renders.
 */
import { SNIPPET_MARK_END, SNIPPET_MARK_START } from '../../../shared/rpc/snippet-marks';

const MARKED = new RegExp(`${SNIPPET_MARK_START}([^${SNIPPET_MARK_END}]*)${SNIPPET_MARK_END}`, 'g');

/** Splits a marked snippet into plain and highlighted parts. */
export function snippetParts(snippet: string): { text: string; hit: boolean }[] {
  const out: { text: string; hit: boolean }[] = [];
  const re = new RegExp(MARKED.source, 'g');
  let last = 0;
  for (let m = re.exec(snippet); m; m = re.exec(snippet)) {
    if (m.index > last) out.push({ text: snippet.slice(last, m.index), hit: false });
    out.push({ text: m[1] ?? '', hit: true });
    last = m.index + m[0].length;
  }
  if (last < snippet.length) out.push({ text: snippet.slice(last), hit: false });
  return out;
}

/**
 * Shortens the text before the first match to at most `lead` characters (cut at a word, with
 * "…"), so that the highlight stays visible in a one-line snippet.
 */
export function focusSnippet(parts: { text: string; hit: boolean }[], lead = 28): { text: string; hit: boolean }[] {
  const first = parts[0];
  if (!first || first.hit || first.text.length <= lead) return parts;
  const tail = first.text.slice(-lead);
  const cut = tail.indexOf(' ');
  const text = `…${cut >= 0 && cut < tail.length - 1 ? tail.slice(cut + 1) : tail}`;
  return [{ text, hit: false }, ...parts.slice(1)];
}
