/**
 * The blob transfer queue: never more than `concurrency` transfers at once, one per key, a
 * retryable failure retried with backoff until it succeeds, a refusal failed at once, and `stop()`
 * aborting the running transfers and failing the queued ones. Also the download policy.
 */
import { describe, expect, it } from 'vitest';
import { downloadsEagerly, EAGER_IMAGE_BYTES, isKeptOffline, setKeptOffline } from '../../../service/blob-sync/download-policy';
import { TransferError } from '../../../service/blob-sync/transfer-error';
import { TransferQueue } from '../../../service/blob-sync/transfer-queue';

const tick = (ms = 5): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('TransferQueue', () => {
  it('runs at most `concurrency` jobs at once and each key once', async () => {
    const q = new TransferQueue({ concurrency: 2 });
    let running = 0;
    let most = 0;
    let runs = 0;
    const job = async (): Promise<void> => {
      runs++;
      most = Math.max(most, ++running);
      await tick(20);
      running--;
    };
    await Promise.all([q.run('a', job), q.run('b', job), q.run('c', job), q.run('d', job), q.run('e', job), q.run('a', job)]);
    expect(most).toBe(2);
    expect(runs).toBe(5); // the second 'a' joined the first
  });

  it('retries a retryable failure with growing backoff, and fails a refusal at once', async () => {
    const q = new TransferQueue({ backoffMs: 10, attempts: 5 });
    let n = 0;
    const at: number[] = [];
    const retries: number[] = [];
    await q.run(
      'x',
      async () => {
        at.push(Date.now());
        if (++n < 4) throw TransferError.unreachable(new Error('ECONNRESET'));
      },
      (_e, attempt) => retries.push(attempt),
    );
    expect(n).toBe(4);
    expect(retries).toEqual([1, 2, 3]);
    expect(at[3]! - at[2]!).toBeGreaterThanOrEqual(at[1]! - at[0]!); // 40 ms after 10 ms
    let m = 0;
    const refused = q.run('y', async () => {
      m++;
      throw TransferError.fromStatus(403, { reason: 'no-case-access' });
    });
    await expect(refused).rejects.toMatchObject({ retryable: false, reason: { id: 'file.sync.no-case-access' } });
    expect(m).toBe(1);
    const gaveUp = new TransferQueue({ backoffMs: 1, attempts: 3 });
    let k = 0;
    const cutEveryTime = async (): Promise<void> => {
      k++;
      throw TransferError.retry('cut');
    };
    await expect(gaveUp.run('z', cutEveryTime)).rejects.toMatchObject({ retryable: true });
    expect(k).toBe(3);
  });

  it('stop() aborts the running job, fails the queued ones, and refuses new ones', async () => {
    const q = new TransferQueue({ concurrency: 1 });
    let aborted = false;
    const running = q.run('a', (signal) => new Promise<void>((_r, reject) => signal.addEventListener('abort', () => ((aborted = true), reject(new Error('aborted'))))));
    const queued = q.run('b', async () => undefined);
    await tick();
    await q.stop();
    expect(aborted).toBe(true);
    await expect(running).rejects.toMatchObject({ aborted: true });
    await expect(queued).rejects.toMatchObject({ aborted: true });
    await expect(q.run('c', async () => undefined)).rejects.toMatchObject({ aborted: true });
  });
});

describe('download policy', () => {
  it('downloads everything kept offline, else only images up to the thumbnail limit', () => {
    expect(downloadsEagerly({ mediaType: 'application/pdf', size: 10 }, true)).toBe(true);
    expect(downloadsEagerly({ mediaType: 'application/pdf', size: 10 }, false)).toBe(false);
    expect(downloadsEagerly({ mediaType: 'image/png', size: EAGER_IMAGE_BYTES }, false)).toBe(true);
    expect(downloadsEagerly({ mediaType: 'image/png', size: EAGER_IMAGE_BYTES + 1 }, false)).toBe(false);
  });

  it('keeps "keep offline" as a local setting of case ids', () => {
    const m = new Map<string, unknown>();
    const s = { getSetting: <T,>(k: string, fb: T): T => (m.has(k) ? (m.get(k) as T) : fb), setSetting: (k: string, v: unknown) => void m.set(k, v) };
    setKeptOffline(s, 'c2', true);
    setKeptOffline(s, 'c1', true);
    expect(m.get('keepOffline')).toEqual(['c1', 'c2']);
    setKeptOffline(s, 'c2', false);
    expect([isKeptOffline(s, 'c1'), isKeptOffline(s, 'c2')]).toEqual([true, false]);
  });
});
