/**
 * The part writer (node/blobs/part-writer.ts): appends what it is given, reports the file's
 * length after each completed write, refuses a chunk past its limit without writing any of it,
 * and when its source fails part-way it has reported exactly the length the file has.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { drainInto, PartWriter } from '../../../node/blobs/part-writer';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nest-partw-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function pieces(b: Buffer, piece: number): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < b.length; i += piece) out.push(b.subarray(i, i + piece));
  return out;
}

describe('PartWriter', () => {
  it('appends after what the file holds and reports each new length', async () => {
    const file = path.join(dir, 'part');
    fs.writeFileSync(file, Buffer.from('head'));
    const data = crypto.randomBytes(1_000_000);
    const fd = fs.openSync(file, 'a');
    const lengths: number[] = [];
    const w = new PartWriter({ fd, start: 4, limit: 4 + data.length, onWritten: (n) => lengths.push(n), highWaterMark: 100_000 });
    await pipeline(Readable.from(pieces(data, 65_536)), w);
    fs.closeSync(fd);
    expect(fs.readFileSync(file).equals(Buffer.concat([Buffer.from('head'), data]))).toBe(true);
    expect(lengths.at(-1)).toBe(4 + data.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
    expect(w.written).toBe(4 + data.length);
  });

  it('refuses a chunk past the limit and writes none of it', async () => {
    const file = path.join(dir, 'part');
    const fd = fs.openSync(file, 'a');
    const w = new PartWriter({ fd, start: 0, limit: 150, onWritten: () => undefined });
    await expect(pipeline(Readable.from([Buffer.alloc(100, 1), Buffer.alloc(100, 2)]), w)).rejects.toMatchObject({ code: 'too-large' });
    fs.closeSync(fd);
    expect(fs.statSync(file).size).toBe(100);
  });

  it('a source cut part-way leaves the file exactly as long as the last length reported', async () => {
    const file = path.join(dir, 'part');
    const fd = fs.openSync(file, 'a');
    let last = 0;
    const w = new PartWriter({ fd, start: 0, limit: 10_000_000, onWritten: (n) => (last = n) });
    const source = Readable.from(
      (async function* () {
        for (let i = 0; i < 40; i++) yield crypto.randomBytes(65_536);
        throw Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
      })(),
    );
    await expect(pipeline(source, w)).rejects.toThrow('aborted');
    await w.idle();
    expect(fs.fstatSync(fd).size).toBe(last);
    expect(last).toBeGreaterThan(0);
    fs.closeSync(fd);
  });

  it('drainInto: a source cut part-way still gets everything it delivered written, and resolves', async () => {
    const file = path.join(dir, 'part');
    const fd = fs.openSync(file, 'a');
    const data = crypto.randomBytes(40 * 65_536);
    const w = new PartWriter({ fd, start: 0, limit: 10_000_000, onWritten: () => undefined, highWaterMark: 8 * 1024 * 1024 });
    const source = Readable.from(
      (async function* () {
        for (const p of pieces(data, 65_536)) yield p;
        throw Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
      })(),
    );
    await drainInto(source, w);
    fs.closeSync(fd);
    expect(fs.readFileSync(file).equals(data)).toBe(true);
  });
});
