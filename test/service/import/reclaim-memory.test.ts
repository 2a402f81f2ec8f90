import { describe, expect, it } from 'vitest';
import { reclaimMemory } from '../../../service/import/reclaim-memory';

describe('reclaimMemory', () => {
  it('runs a full collection: an object no longer reachable is freed at once', async () => {
    // Made in a function so that nothing here keeps it reachable.
    const ref = ((): WeakRef<{ rows: number[] }> => new WeakRef({ rows: Array.from({ length: 200_000 }, (_, i) => i) }))();
    // A WeakRef's target is kept to the end of the job that made it: collect in a later one.
    await new Promise((resolve) => setImmediate(resolve));
    reclaimMemory();
    expect(ref.deref()).toBeUndefined();
  });
});
