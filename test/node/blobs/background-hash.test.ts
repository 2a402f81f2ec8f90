/**
 * The background hash (node/blobs/background-hash.ts): a file hashed by the worker as it grows
 * equals `sha256sum` of it, whatever the steps it was fed in; several hashes run side by side; a
 * hash fed past the file's end fails its digest instead of answering a wrong one.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackgroundHash, FEED_BYTES } from '../../../node/blobs/background-hash';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nest-bghash-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const sha = (b: Buffer): string => crypto.createHash('sha256').update(b).digest('hex');

describe('BackgroundHash', () => {
  it('hashes a file written in steps like sha256sum, steps smaller and larger than a feed', async () => {
    const data = crypto.randomBytes(2 * FEED_BYTES + 12_345);
    const file = path.join(dir, 'part');
    const fd = fs.openSync(file, 'a');
    const h = new BackgroundHash(file);
    for (const to of [1, 1000, FEED_BYTES - 1, FEED_BYTES + 7, 2 * FEED_BYTES + 12_000, data.length]) {
      fs.writeSync(fd, data.subarray(fs.fstatSync(fd).size, to));
      h.feed(to);
      expect(h.bytes).toBe(to);
    }
    fs.closeSync(fd);
    expect(await h.digest()).toBe(sha(data));
  });

  it('keeps several hashes apart and hashes only the bytes it was told of', async () => {
    const a = crypto.randomBytes(300_000);
    const b = crypto.randomBytes(5_000_000);
    fs.writeFileSync(path.join(dir, 'a'), a);
    fs.writeFileSync(path.join(dir, 'b'), b);
    const ha = new BackgroundHash(path.join(dir, 'a'));
    const hb = new BackgroundHash(path.join(dir, 'b'));
    ha.feed(100_000);
    hb.feed(b.length);
    ha.feed(200_000);
    expect(await Promise.all([ha.digest(), hb.digest()])).toEqual([sha(a.subarray(0, 200_000)), sha(b)]);
    const empty = new BackgroundHash(path.join(dir, 'a'));
    expect(await empty.digest()).toBe(sha(Buffer.alloc(0)));
  });

  it('fails the digest when the file is shorter than what it was fed, and refuses to go back', async () => {
    fs.writeFileSync(path.join(dir, 'short'), Buffer.alloc(1000, 1));
    const h = new BackgroundHash(path.join(dir, 'short'));
    h.feed(5000);
    expect(() => h.feed(10)).toThrow(/went back/);
    await expect(h.digest()).rejects.toThrow(/ends at 1000/);
    await expect(h.digest()).rejects.toThrow(/already ended/);
  });
});
