/**
 * sortPaced gives exactly Array.prototype.sort's order (stable: equal keys keep their input order)
 * for sizes around its run length, and pauses between its steps (so a caller's event loop turns).
 */
import { describe, expect, it } from 'vitest';
import { RUN, sortPaced } from '../../shared/paced-sort';

describe('sortPaced', () => {
  it('sorts like Array.sort, keeping equal keys in input order, at every size around a run', async () => {
    for (const n of [0, 1, 7, RUN - 1, RUN, RUN + 1, 3 * RUN + 17, 9 * RUN]) {
      // Few distinct keys, so most comparisons are ties: an unstable merge would reorder them.
      const items = Array.from({ length: n }, (_v, i) => ({ key: `d${(i * 7919 + 13) % 40}`, at: i }));
      const cmp = (a: { key: string }, b: { key: string }): number => a.key.localeCompare(b.key);
      const before = items.map((x) => x.at);
      const sorted = await sortPaced(items, cmp, async () => undefined);
      expect(sorted.map((x) => x.at)).toEqual([...items].sort(cmp).map((x) => x.at));
      expect(items.map((x) => x.at)).toEqual(before); // the input is left as it was
    }
  });

  it('pauses after every run sorted and every run of items merged', async () => {
    let pauses = 0;
    const items = Array.from({ length: 4 * RUN }, (_v, i) => (i * 7919) % (4 * RUN));
    const sorted = await sortPaced(items, (a, b) => a - b, async () => void pauses++);
    expect(sorted).toEqual(Array.from({ length: 4 * RUN }, (_v, i) => i));
    // 4 runs sorted; then a pause every RUN items merged while both halves have items (the last
    // items, copied once one half is used up, need none): 2 merges of 2 runs (1 each), 1 of 4 runs (3).
    expect(pauses).toBe(4 + 2 * 1 + 3);
  });

  it('stops when a pause throws (a cancelled export)', async () => {
    let pauses = 0;
    const stop = async (): Promise<void> => {
      if (++pauses === 2) throw new Error('cancelled');
    };
    await expect(sortPaced(Array.from({ length: 3 * RUN }, (_v, i) => -i), (a, b) => a - b, stop)).rejects.toThrow('cancelled');
    expect(pauses).toBe(2);
  });
});
