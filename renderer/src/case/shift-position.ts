/**
 * Text helpers for the shared summary, where two people may type at once:
 * - {@link shiftPosition} keeps a caret in place when the text around it changes remotely;
 * - {@link rebaseEdit} applies a local keystroke to the *current* shared text, so an edit typed
 *   against a text that changed meanwhile (a remote insert not yet on screen) never undoes the
 *   other person's change.
 */

/** The one changed span between two texts: common prefix length, and where the change ends in each. */
function changedSpan(a: string, b: string): { start: number; endA: number; endB: number } {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  return { start, endA, endB };
}

/** Where position `pos` of `before` lands in `after`, given one changed span (common prefix and suffix kept). */
export function shiftPosition(before: string, after: string, pos: number): number {
  const { start, endA: endBefore, endB: endAfter } = changedSpan(before, after);
  if (pos <= start) return pos;
  if (pos >= endBefore) return pos + (endAfter - endBefore);
  return endAfter;
}

/**
 * Applies the edit that turned `before` into `typed` to `current` (which may hold changes made
 * elsewhere since `before` was shown). Returns the new text and the caret after the edit.
 */
export function rebaseEdit(before: string, typed: string, current: string): { text: string; caret: number } {
  const { start, endA: endBefore, endB: endTyped } = changedSpan(before, typed);
  if (current === before) return { text: typed, caret: endTyped };
  const inserted = typed.slice(start, endTyped);
  const from = shiftPosition(before, current, start);
  const to = Math.max(from, shiftPosition(before, current, endBefore));
  return { text: current.slice(0, from) + inserted + current.slice(to), caret: from + inserted.length };
}
