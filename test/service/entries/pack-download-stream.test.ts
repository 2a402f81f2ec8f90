/**
 * Browser mode streams a staged pack to the browser's download manager instead of buffering it:
 * a 256 MiB staged file is downloaded through a single-use ticket from a real browser host while
 * the process's resident memory is sampled; the bytes arrive whole (SHA-256 compared) and the
 * peak RSS growth stays far below the file's size (printed). The host and the reading client share
 * this process, so the bound covers both.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../node/log';
import { startBrowserHost, type BrowserHost } from '../../../service/entries/browser-host';
import { newStagedPack, recordStagedOwner } from '../../../service/packs/pack-staging';
import { mintTicket } from '../../../service/packs/pack-tickets';
import { startService, type Harness } from '../../helpers/service';
import { tempDir } from '../../helpers/temp-dir';

const MIB = 1024 * 1024;
const SIZE_MIB = 256;

let h: Harness;
let host: BrowserHost;
beforeAll(async () => {
  h = startService();
  const rendererDir = tempDir('nest-renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>NEST</title>');
  host = await startBrowserHost({ service: h.service, rendererDir, logger: createLogger('test', 'silent') });
});
afterAll(async () => {
  await host?.close();
  h?.close();
});

describe('staged pack download', () => {
  it(`streams ${SIZE_MIB} MiB with bounded memory`, async () => {
    const owner = { workspaceId: '00000000-0000-4000-8000-0000000000a1', memberId: 'member-ada' };
    const { id, file } = newStagedPack(h.dataDir);
    // 256 MiB of distinct 1 MiB blocks (a counter in each), written in chunks: never whole in memory here either.
    const expected = createHash('sha256');
    const fd = fs.openSync(file, 'w');
    const block = Buffer.alloc(MIB, 0x5a);
    for (let i = 0; i < SIZE_MIB; i++) {
      block.writeUInt32BE(i, 0);
      fs.writeSync(fd, block);
      expected.update(block);
    }
    fs.closeSync(fd);
    recordStagedOwner(h.dataDir, id, { ...owner, fileName: 'big-pack.zip' });
    const { ticket } = mintTicket(h.dataDir, id, owner, Date.now());

    global.gc?.();
    const base = process.memoryUsage().rss;
    let peak = base;
    const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    const got = createHash('sha256');
    let bytes = 0;
    try {
      const res = await fetch(`${host.origin}/packs/download/${id}?t=${ticket}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-length')).toBe(String(SIZE_MIB * MIB));
      const reader = res.body!.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        got.update(value);
        bytes += value.length;
        peak = Math.max(peak, process.memoryUsage().rss);
      }
    } finally {
      clearInterval(sample);
    }
    const growthMiB = (peak - base) / MIB;
    process.stdout.write(`pack download: ${SIZE_MIB} MiB streamed, peak RSS +${growthMiB.toFixed(1)} MiB (base ${(base / MIB).toFixed(0)} MiB)\n`);
    expect(bytes).toBe(SIZE_MIB * MIB);
    expect(got.digest('hex')).toBe(expected.digest('hex'));
    // Buffering the pack would add ≥ 256 MiB; streaming stays at a few chunks (plus GC slack on a loaded machine; measured +55 MiB).
    expect(growthMiB).toBeLessThan(128);
    fs.rmSync(file);
  }, 180_000);
});
