/**
 * Flush-behind (node/blobs/flush-behind.ts): nothing is flushed until the threshold is passed, then
 * one background flush at a time, `idle()` waiting for it; a flush on a file closed meanwhile fails
 * quietly (the commit's fsync is what makes a blob durable). The bytes written are unchanged.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FlushBehind } from '../../../node/blobs/flush-behind';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nest-flush-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('FlushBehind', () => {
  it('starts a flush only past the threshold, one at a time, and idle() waits for it', async () => {
    const file = path.join(dir, 'part');
    const fd = fs.openSync(file, 'w');
    const fb = new FlushBehind(fd, 1000);
    fs.writeSync(fd, Buffer.alloc(600, 1));
    fb.wrote(600);
    expect(fb.flushing).toBe(false); // under the threshold
    fs.writeSync(fd, Buffer.alloc(600, 2));
    fb.wrote(600);
    expect(fb.flushing).toBe(true);
    const running = fb.idle();
    fb.wrote(5000); // while one runs, no second starts
    expect(fb.idle()).toBe(running);
    await running;
    expect(fb.flushing).toBe(false);
    fb.wrote(1); // the 5000 bytes written during the flush count toward the next one
    expect(fb.flushing).toBe(true);
    await fb.idle();
    fs.closeSync(fd);
    const bytes = fs.readFileSync(file);
    expect(bytes.length).toBe(1200);
    expect(bytes[0]).toBe(1);
    expect(bytes[1199]).toBe(2);
  });

  it('a flush of a file closed meanwhile does not throw', async () => {
    const fd = fs.openSync(path.join(dir, 'gone'), 'w');
    const fb = new FlushBehind(fd, 1);
    fs.closeSync(fd);
    fb.wrote(10);
    await expect(fb.idle()).resolves.toBeUndefined();
  });
});
