/**
 * The filesystem blob store: intake's hash equals `sha256sum`'s, files land at
 * `sha256/ab/cdef…` with mode 0600, the size limit refuses without keeping anything, a tampered
 * or vanished blob is detected, and resumable writes continue after a cut and refuse wrong bytes —
 * hashed as the bytes arrive: across parts and cuts in one process, and from the part on disk
 * after a restart (so bytes changed there meanwhile are caught), one write of a hash at a time.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FsBlobStore } from '../../../node/blobs/fs-blob-store';
import { NestError } from '../../../shared/errors';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nest-blobs-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function bytes(n: number, seed = 1): Buffer {
  const b = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    b[i] = x >> 16;
  }
  return b;
}

describe('FsBlobStore', () => {
  it('intake hashes like sha256sum, stores at sha256/ab/cdef… with mode 0600, reports progress', async () => {
    const src = path.join(dir, 'photo.bin');
    fs.writeFileSync(src, bytes(3 * 1024 * 1024 + 17));
    const expected = execFileSync('sha256sum', [src], { encoding: 'utf8' }).split(' ')[0];
    const store = new FsBlobStore(path.join(dir, 'blobs'), { maxBytes: 2 * 1024 ** 3 });
    const seen: number[] = [];
    const r = await store.intake(fs.createReadStream(src), (n) => seen.push(n));
    expect(r.hash).toBe(expected);
    expect(r.size).toBe(3 * 1024 * 1024 + 17);
    expect(seen.at(-1)).toBe(r.size);
    expect(seen.length).toBeGreaterThan(1);
    const stored = path.join(dir, 'blobs', 'sha256', r.hash.slice(0, 2), r.hash.slice(2));
    expect(store.pathOf(r.hash)).toBe(stored);
    expect(fs.readFileSync(stored).equals(fs.readFileSync(src))).toBe(true);
    expect(fs.statSync(stored).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(path.join(dir, 'blobs', 'tmp'))).toEqual([]);
    expect(Buffer.from(r.head).equals(fs.readFileSync(src).subarray(0, 16))).toBe(true);
  });

  it('the same bytes twice are stored once', async () => {
    const store = new FsBlobStore(dir, { maxBytes: 1000 });
    const a = await store.intake(Readable.from([Buffer.from('evidence')]));
    const b = await store.intake(Readable.from([Buffer.from('evid'), Buffer.from('ence')]));
    expect(a.hash).toBe(b.hash);
    expect(a.hash).toBe(crypto.createHash('sha256').update('evidence').digest('hex'));
    expect(fs.readdirSync(path.join(dir, 'sha256', a.hash.slice(0, 2)))).toEqual([a.hash.slice(2)]);
  });

  it('refuses a file over the limit and keeps nothing', async () => {
    const store = new FsBlobStore(dir, { maxBytes: 100 });
    await expect(store.intake(Readable.from([bytes(60), bytes(60)]))).rejects.toMatchObject({ code: 'too-large' });
    expect(fs.existsSync(path.join(dir, 'sha256'))).toBe(false);
    expect(fs.readdirSync(path.join(dir, 'tmp'))).toEqual([]);
    const ok = await store.intake(Readable.from([bytes(100)]));
    expect(ok.size).toBe(100);
  });

  it('check finds a tampered and a vanished blob', async () => {
    const store = new FsBlobStore(dir, { maxBytes: 10_000 });
    const a = await store.intake(Readable.from([bytes(5000, 1)]));
    const b = await store.intake(Readable.from([bytes(5000, 2)]));
    expect(await store.check(a.hash)).toBe('ok');
    const file = store.pathOf(a.hash);
    fs.chmodSync(file, 0o600);
    const content = fs.readFileSync(file);
    content[2500] = content[2500]! ^ 1;
    fs.writeFileSync(file, content);
    expect(await store.check(a.hash)).toBe('changed');
    fs.rmSync(store.pathOf(b.hash));
    expect(await store.check(b.hash)).toBe('missing');
  });

  it('refuses a malformed hash instead of building a path from it', () => {
    const store = new FsBlobStore(dir, { maxBytes: 10 });
    expect(() => store.pathOf('../../etc/passwd')).toThrow(NestError);
    expect(() => store.pathOf('A'.repeat(64))).toThrow(NestError);
  });

  it('a resumable write cut half-way continues from what was received and completes with the right hash', async () => {
    const store = new FsBlobStore(dir, { maxBytes: 1 << 20 });
    const data = bytes(200_000, 7);
    const hash = crypto.createHash('sha256').update(data).digest('hex');
    const first = await store.writeResumable(hash, 0, data.length, Readable.from([data.subarray(0, 100_000)]));
    expect(first).toEqual({ received: 100_000, complete: false });
    expect(store.has(hash)).toBe(false);
    expect(store.received(hash)).toBe(100_000);
    await expect(store.writeResumable(hash, 0, data.length, Readable.from([data]))).rejects.toMatchObject({ messageRef: { id: 'blob.bad-range' } });
    const second = await store.writeResumable(hash, 100_000, data.length, Readable.from([data.subarray(100_000)]));
    expect(second).toEqual({ received: 200_000, complete: true });
    expect(fs.readFileSync(store.pathOf(hash)).equals(data)).toBe(true);
  });

  it('a resumable write whose bytes do not match the hash is refused and dropped', async () => {
    const store = new FsBlobStore(dir, { maxBytes: 1 << 20 });
    const data = bytes(1000, 3);
    const hash = crypto.createHash('sha256').update(data).digest('hex');
    const bad = Buffer.from(data);
    bad[10] = bad[10]! ^ 0xff;
    await expect(store.writeResumable(hash, 0, bad.length, Readable.from([bad]))).rejects.toMatchObject({ messageRef: { id: 'blob.hash-mismatch' } });
    expect(store.has(hash)).toBe(false);
    expect(store.received(hash)).toBe(0);
  });
  it('wrong bytes in a later part are refused though the earlier parts were right (the running hash covers every part)', async () => {
    const store = new FsBlobStore(dir, { maxBytes: 1 << 20 });
    const data = bytes(300_000, 11);
    const hash = crypto.createHash('sha256').update(data).digest('hex');
    expect(await store.writeResumable(hash, 0, data.length, Readable.from([data.subarray(0, 100_000)]))).toEqual({ received: 100_000, complete: false });
    expect(await store.writeResumable(hash, 100_000, data.length, Readable.from([data.subarray(100_000, 200_000)]))).toEqual({ received: 200_000, complete: false });
    const bad = Buffer.from(data.subarray(200_000));
    bad[99_999] = bad[99_999]! ^ 1; // the very last byte
    await expect(store.writeResumable(hash, 200_000, data.length, Readable.from([bad]))).rejects.toMatchObject({ messageRef: { id: 'blob.hash-mismatch' } });
    expect(store.has(hash)).toBe(false);
    expect(store.received(hash)).toBe(0);
    // Sent again from the start, right this time: stored.
    expect(await store.writeResumable(hash, 0, data.length, Readable.from([data.subarray(0, 150_000), data.subarray(150_000)]))).toEqual({ received: data.length, complete: true });
    expect(await store.check(hash)).toBe('ok');
  });

  it('after a restart the part on disk is hashed before appending: a part changed meanwhile is refused, an intact one completes', async () => {
    const data = bytes(250_000, 5);
    const hash = crypto.createHash('sha256').update(data).digest('hex');
    const before = new FsBlobStore(dir, { maxBytes: 1 << 20 });
    await before.writeResumable(hash, 0, data.length, Readable.from([data.subarray(0, 120_000)]));
    // A new process on the same folder: it never saw those bytes arrive.
    const after = new FsBlobStore(dir, { maxBytes: 1 << 20 });
    expect(after.received(hash)).toBe(120_000);
    expect(await after.writeResumable(hash, 120_000, data.length, Readable.from([data.subarray(120_000)]))).toEqual({ received: data.length, complete: true });
    expect(fs.readFileSync(after.pathOf(hash)).equals(data)).toBe(true);

    const other = bytes(250_000, 6);
    const otherHash = crypto.createHash('sha256').update(other).digest('hex');
    await before.writeResumable(otherHash, 0, other.length, Readable.from([other.subarray(0, 120_000)]));
    const part = path.join(dir, 'partial', otherHash);
    const held = fs.readFileSync(part);
    held[500] = held[500]! ^ 0x80; // changed on disk while no process ran
    fs.writeFileSync(part, held);
    const restarted = new FsBlobStore(dir, { maxBytes: 1 << 20 });
    await expect(restarted.writeResumable(otherHash, 120_000, other.length, Readable.from([other.subarray(120_000)]))).rejects.toMatchObject({ messageRef: { id: 'blob.hash-mismatch' } });
    expect(restarted.has(otherHash)).toBe(false);
    expect(fs.existsSync(part)).toBe(false);
  });

  it('a write cut part-way keeps what reached the disk; the resume in the same process completes with the right hash', async () => {
    const store = new FsBlobStore(dir, { maxBytes: 1 << 20 });
    const data = bytes(200_000, 9);
    const hash = crypto.createHash('sha256').update(data).digest('hex');
    const cut = Readable.from(
      (async function* () {
        yield data.subarray(0, 70_000);
        yield data.subarray(70_000, 90_000);
        throw Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
      })(),
    );
    const first = await store.writeResumable(hash, 0, data.length, cut);
    expect(first.complete).toBe(false);
    expect(first.received).toBe(store.received(hash));
    expect(fs.readFileSync(path.join(dir, 'partial', hash)).equals(data.subarray(0, first.received))).toBe(true);
    expect(await store.writeResumable(hash, first.received, data.length, Readable.from([data.subarray(first.received)]))).toEqual({ received: data.length, complete: true });
    expect(fs.readFileSync(store.pathOf(hash)).equals(data)).toBe(true);
  });

  it('two writes of one hash at once run one after the other: the second is told where the part now ends', async () => {
    const store = new FsBlobStore(dir, { maxBytes: 1 << 20 });
    const data = bytes(100_000, 21);
    const hash = crypto.createHash('sha256').update(data).digest('hex');
    const half = (): Readable => Readable.from([data.subarray(0, 25_000), data.subarray(25_000, 50_000)]);
    const [a, b] = await Promise.allSettled([store.writeResumable(hash, 0, data.length, half()), store.writeResumable(hash, 0, data.length, half())]);
    expect(a).toEqual({ status: 'fulfilled', value: { received: 50_000, complete: false } });
    expect(b.status).toBe('rejected');
    expect((b as PromiseRejectedResult).reason).toMatchObject({ messageRef: { id: 'blob.bad-range', values: { offset: 50_000 } } });
    expect(await store.writeResumable(hash, 50_000, data.length, Readable.from([data.subarray(50_000)]))).toEqual({ received: data.length, complete: true });
    expect(await store.check(hash)).toBe('ok');
  });
});
