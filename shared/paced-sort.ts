/**
 * A stable sort that pauses while it works, for arrays large enough that one `Array.sort` would
 * hold the event loop (100,000 seizures compared with `localeCompare`: seconds on a loaded
 * machine). Runs of {@link RUN} items are sorted with `Array.sort`, then merged pairwise; `pause`
 * is awaited after every run and every {@link RUN} items merged. Gives exactly the order
 * `[...items].sort(cmp)` gives (both are stable).
 */

/** Items sorted or merged between two pauses. */
export const RUN = 2000;

/**
 * `items` sorted by `cmp` into a new array (`items` is left as it was).
 * @param pause awaited between steps (whatever it throws, e.g. a cancelled export, ends the sort).
 */
export async function sortPaced<T>(items: readonly T[], cmp: (a: T, b: T) => number, pause: () => Promise<void>): Promise<T[]> {
  let runs: T[][] = [];
  for (let i = 0; i < items.length; i += RUN) {
    runs.push(items.slice(i, i + RUN).sort(cmp));
    await pause();
  }
  if (!runs.length) return [];
  while (runs.length > 1) {
    const next: T[][] = [];
    for (let i = 0; i < runs.length; i += 2) next.push(runs[i + 1] ? await merge(runs[i]!, runs[i + 1]!, cmp, pause) : runs[i]!);
    runs = next;
  }
  return runs[0]!;
}

/** `a` and `b` (each sorted) merged, `a`'s item first on a tie (stable). */
async function merge<T>(a: T[], b: T[], cmp: (x: T, y: T) => number, pause: () => Promise<void>): Promise<T[]> {
  const out: T[] = new Array<T>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    out[k++] = cmp(b[j]!, a[i]!) < 0 ? b[j++]! : a[i++]!;
    if (k % RUN === 0) await pause();
  }
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}
