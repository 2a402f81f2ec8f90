/**
 * The blob-store contract (node/blobs/blob-store.ts) run over both implementations: the
 * filesystem store and the relay's PostgreSQL store (with 4 KiB chunks here, so a few hundred
 * KiB cross many chunk boundaries). Resumable writes in parts, a wrong offset, a cut connection,
 * wrong bytes, sizes past the total or the limit, ranged reads across chunks. Then what only the
 * shared store promises: an upload begun through one relay process's store is resumed through
 * another's, and two processes appending at the same offset cannot both succeed.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BlobStore } from '../../../node/blobs/blob-store';
import { FsBlobStore } from '../../../node/blobs/fs-blob-store';
import { PgBlobStore } from '../../../relay/blobs/pg-blob-store';
import { NestError } from '../../../shared/errors';
import { reportMissingServers, startPostgres, type PgCluster } from '../support/servers';

const MAX = 10 * 1024 * 1024;
const missing = reportMissingServers('blob-store.test.ts', { redis: false });
let cluster: PgCluster;
const dirs: string[] = [];
const pgStores: PgBlobStore[] = [];

beforeAll(async () => {
  if (!missing) cluster = await startPostgres();
}, 60_000);
afterAll(async () => {
  for (const s of pgStores) await s.close();
  await cluster?.stop();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function bytes(n: number, seed = 1): Buffer {
  const b = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    b[i] = x >> 16;
  }
  return b;
}
const sha = (b: Buffer): string => crypto.createHash('sha256').update(b).digest('hex');

/** A source delivering `b` in pieces of `piece` bytes. */
function pieces(b: Buffer, piece = 1500): Readable {
  const out: Buffer[] = [];
  for (let i = 0; i < b.length; i += piece) out.push(b.subarray(i, i + piece));
  return Readable.from(out);
}

/** A source that delivers `b` and then fails like a dropped connection. */
function cut(b: Buffer): Readable {
  return Readable.from(
    (async function* () {
      yield b;
      await new Promise((r) => setTimeout(r, 20));
      throw Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
    })(),
  );
}

async function readAll(s: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of s) parts.push(Buffer.from(c as Buffer));
  return Buffer.concat(parts);
}

async function refusal(p: Promise<unknown>): Promise<{ code: string; id: string | undefined; values: unknown }> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(NestError);
  const e = err as NestError;
  return { code: e.code, id: e.messageRef?.id, values: e.messageRef?.values };
}

const fsStore = async (): Promise<BlobStore> => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'nest-bs-'));
  dirs.push(d);
  return new FsBlobStore(d, { maxBytes: MAX });
};
const pgStore = async (): Promise<BlobStore> => {
  const s = await PgBlobStore.open(await cluster.freshDatabase(), { maxBytes: MAX, chunkBytes: 4096 });
  pgStores.push(s);
  return s;
};
/** The PostgreSQL store runs only where PostgreSQL is installed (the message above says why not). */
const implementations: [string, () => Promise<BlobStore>][] = missing
  ? [['FsBlobStore', fsStore]]
  : [
      ['FsBlobStore', fsStore],
      ['PgBlobStore', pgStore],
    ];

describe.each(implementations)('blob-store contract: %s', (_name, make) => {
  it('knows nothing of a hash it never received', async () => {
    const s = await make();
    const h = sha(bytes(10));
    expect(await s.has(h)).toBe(false);
    expect(await s.size(h)).toBeNull();
    expect(await s.received(h)).toBe(0);
    expect((await refusal(Promise.resolve().then(() => s.read(h)))).code).toBe('not-found');
    await s.ping();
  });

  it('stores an upload sent in three parts and reads back the whole and any range', async () => {
    const s = await make();
    const b = bytes(300_001, 7);
    const h = sha(b);
    const cuts = [0, 100_000, 250_000, b.length];
    for (let i = 0; i < 3; i++) {
      const r = await s.writeResumable(h, cuts[i]!, b.length, pieces(b.subarray(cuts[i], cuts[i + 1])));
      expect(r).toEqual({ received: cuts[i + 1], complete: i === 2 });
      expect(await s.received(h)).toBe(cuts[i + 1]);
      expect(await s.has(h)).toBe(i === 2);
    }
    expect(await s.size(h)).toBe(b.length);
    expect(sha(await readAll(await s.read(h)))).toBe(h);
    for (const [a, z] of [
      [0, 0],
      [4095, 4096],
      [4000, 20_000],
      [99_999, 100_000],
      [123_457, 300_000],
      [300_000, 300_000],
    ] as const) {
      expect((await readAll(await s.read(h, a, z))).equals(b.subarray(a, z + 1))).toBe(true);
    }
    // The same blob again: answered as stored, nothing rewritten.
    expect(await s.writeResumable(h, 0, b.length, pieces(b))).toEqual({ received: b.length, complete: true });
  });

  it('refuses a part that does not continue where the held part ends, saying where that is', async () => {
    const s = await make();
    const b = bytes(20_000, 3);
    const h = sha(b);
    await s.writeResumable(h, 0, b.length, pieces(b.subarray(0, 5000)));
    const e = await refusal(s.writeResumable(h, 6000, b.length, pieces(b.subarray(6000))));
    expect(e).toMatchObject({ code: 'validation', id: 'blob.bad-range', values: { offset: 5000 } });
    expect(await s.received(h)).toBe(5000);
    expect(await s.writeResumable(h, 5000, b.length, pieces(b.subarray(5000)))).toEqual({ received: b.length, complete: true });
  });

  it('keeps what a cut connection delivered, and the upload resumes from there', async () => {
    const s = await make();
    const b = bytes(50_000, 5);
    const h = sha(b);
    const r = await s.writeResumable(h, 0, b.length, cut(b.subarray(0, 30_000)));
    expect(r.complete).toBe(false);
    expect(r.received).toBeLessThanOrEqual(30_000);
    expect(await s.received(h)).toBe(r.received);
    expect(await s.writeResumable(h, r.received, b.length, pieces(b.subarray(r.received)))).toEqual({ received: b.length, complete: true });
    expect((await readAll(await s.read(h))).equals(b)).toBe(true);
  });

  it('refuses completed bytes that do not hash to the name and drops them', async () => {
    const s = await make();
    const b = bytes(40_000, 9);
    const h = sha(b);
    const bad = Buffer.from(b);
    bad[33_333] ^= 0xff;
    expect(await refusal(s.writeResumable(h, 0, b.length, pieces(bad)))).toMatchObject({ code: 'validation', id: 'blob.hash-mismatch' });
    expect(await s.has(h)).toBe(false);
    expect(await s.received(h)).toBe(0);
    expect(await s.writeResumable(h, 0, b.length, pieces(b))).toEqual({ received: b.length, complete: true });
  });

  it('refuses bytes past the announced total and a total past the limit', async () => {
    const s = await make();
    const b = bytes(10_000, 11);
    const h = sha(b);
    expect((await refusal(s.writeResumable(h, 0, 8000, pieces(b)))).code).toBe('too-large');
    expect(await s.has(h)).toBe(false);
    expect((await refusal(s.writeResumable(sha(bytes(1, 2)), 0, MAX + 1, pieces(bytes(1))))).code).toBe('too-large');
  });

  it('stores the empty file', async () => {
    const s = await make();
    const h = sha(Buffer.alloc(0));
    expect(await s.writeResumable(h, 0, 0, Readable.from([]))).toEqual({ received: 0, complete: true });
    expect(await s.size(h)).toBe(0);
  });
});

describe.skipIf(missing !== null)('PgBlobStore shared by several relay processes', () => {
  it('an upload begun through one process is resumed through another and read through a third', async () => {
    const url = await cluster.freshDatabase();
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => PgBlobStore.open(url, { maxBytes: MAX, chunkBytes: 8192 })));
    pgStores.push(a!, b!, c!);
    const file = bytes(100_000, 13);
    const h = sha(file);
    expect(await a!.writeResumable(h, 0, file.length, pieces(file.subarray(0, 50_000)))).toEqual({ received: 50_000, complete: false });
    expect(await b!.received(h)).toBe(50_000);
    expect(await b!.writeResumable(h, 50_000, file.length, pieces(file.subarray(50_000)))).toEqual({ received: file.length, complete: true });
    expect(await c!.has(h)).toBe(true);
    expect((await readAll(await c!.read(h, 49_000, 51_999))).equals(file.subarray(49_000, 52_000))).toBe(true);
  });

  it('two processes appending at the same offset: one part is kept, the other refused, the blob stays right', async () => {
    const url = await cluster.freshDatabase();
    const [a, b] = await Promise.all([1, 2].map(() => PgBlobStore.open(url, { maxBytes: MAX, chunkBytes: 4096 })));
    pgStores.push(a!, b!);
    const file = bytes(64_000, 17);
    const h = sha(file);
    const results = await Promise.allSettled([a!.writeResumable(h, 0, file.length, pieces(file, 512)), b!.writeResumable(h, 0, file.length, pieces(file, 512))]);
    const refused = results.filter((r) => r.status === 'rejected');
    // Both may start at 0; the row lock lets only one continue past any given offset.
    for (const r of refused) expect((r as PromiseRejectedResult).reason).toMatchObject({ messageRef: { id: 'blob.bad-range' } });
    const held = await a!.received(h);
    if (!(await a!.has(h))) await a!.writeResumable(h, held, file.length, pieces(file.subarray(held)));
    expect(await b!.has(h)).toBe(true);
    expect((await readAll(await b!.read(h))).equals(file)).toBe(true);
  });

  it('an upload of N requests hashes each byte once (O(N)), however many requests it takes', async () => {
    const url = await cluster.freshDatabase();
    for (const n of [1, 10, 40]) {
      const s = await PgBlobStore.open(url, { maxBytes: MAX, chunkBytes: 4096 });
      pgStores.push(s);
      const file = bytes(200_000, 100 + n);
      const h = sha(file);
      const step = Math.ceil(file.length / n);
      for (let at = 0; at < file.length; at += step) {
        const r = await s.writeResumable(h, at, file.length, pieces(file.subarray(at, at + step)));
        expect(r.complete).toBe(at + step >= file.length);
      }
      // Re-hashing the held part per request would be sum(k * step) = ~n/2 times the file.
      expect(s.hashedBytes).toBe(file.length);
      expect((await readAll(await s.read(h))).equals(file)).toBe(true);
    }
  });

  it('a cut upload resumes with the right hash: through the same process without re-reading, through another reading the held part once', async () => {
    const url = await cluster.freshDatabase();
    const [a, b] = await Promise.all([1, 2].map(() => PgBlobStore.open(url, { maxBytes: MAX, chunkBytes: 4096 })));
    pgStores.push(a!, b!);
    const file = bytes(120_000, 21);
    const h = sha(file);
    const first = await a!.writeResumable(h, 0, file.length, cut(file.subarray(0, 60_000)));
    expect(first.complete).toBe(false);
    expect(first.received).toBeGreaterThan(0);
    expect(await a!.received(h)).toBe(first.received);
    const second = await a!.writeResumable(h, first.received, file.length, cut(file.subarray(first.received, 90_000)));
    expect(second.complete).toBe(false);
    expect(a!.hashedBytes).toBe(second.received);
    // The rest through another process: it reads back and hashes what is held, once.
    expect(await b!.writeResumable(h, second.received, file.length, pieces(file.subarray(second.received)))).toEqual({ received: file.length, complete: true });
    expect(b!.hashedBytes).toBe(file.length);
    expect((await readAll(await a!.read(h))).equals(file)).toBe(true);
  });

  it('a part dropped and sent again through another process is re-hashed, not continued with the stale state', async () => {
    const url = await cluster.freshDatabase();
    const [a, b] = await Promise.all([1, 2].map(() => PgBlobStore.open(url, { maxBytes: MAX, chunkBytes: 4096 })));
    pgStores.push(a!, b!);
    const file = bytes(50_000, 23);
    const h = sha(file);
    const wrong = Buffer.from(file);
    wrong[100] ^= 0xff;
    // a holds a running hash of 20,000 wrong bytes; b completes them, they are refused and dropped.
    await a!.writeResumable(h, 0, file.length, pieces(wrong.subarray(0, 20_000)));
    await expect(b!.writeResumable(h, 20_000, file.length, pieces(wrong.subarray(20_000)))).rejects.toMatchObject({ messageRef: { id: 'blob.hash-mismatch' } });
    // The right bytes, up to the same length, through b; then a continues at that length.
    await b!.writeResumable(h, 0, file.length, pieces(file.subarray(0, 20_000)));
    const before = a!.hashedBytes;
    expect(await a!.writeResumable(h, 20_000, file.length, pieces(file.subarray(20_000)))).toEqual({ received: file.length, complete: true });
    expect(a!.hashedBytes - before).toBe(file.length);
  });
});
