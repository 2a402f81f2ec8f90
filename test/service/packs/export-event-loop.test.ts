/**
 * A pack export must not starve the data service's event loop: in browser mode the same loop
 * answers the page's websocket (pings, sync frames), and a loop blocked for seconds is what a page
 * sees as a dropped connection. The report printer's driver is loaded first, as browser mode's
 * entry does when it starts serving (loading it blocks the loop 1.2–2.9 s, once per process). Exports the demo case with a 64 MiB exhibit (report.pdf printed
 * by Chromium, Bates stamping, hashing, ZIP) while `perf_hooks.monitorEventLoopDelay` samples the
 * loop, prints the max and p99 delay and each gap over 50 ms, and asserts the max stays under 2 s (a
 * bound that holds on a loaded 2-core machine; docs/case-packs.md has the numbers).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preparePdfPrinter } from '../../../service/packs/pdf/printer-registry';
import { startService, type Harness } from '../../helpers/service';
import { tempDir } from '../../helpers/temp-dir';

const MIB = 1024 * 1024;

let h: Harness;
beforeAll(async () => {
  h = startService();
  // As browser mode's entry (serve-cli.ts) does when it starts serving: the driver's load is one long synchronous step.
  await preparePdfPrinter();
});
afterAll(() => h?.close());

describe('pack export and the event loop', () => {
  it('keeps the event loop responsive while exporting a case with a 64 MiB exhibit', async () => {
    const c = h.client();
    await c.call('identity.create', { name: 'Bo Tan', agency: 'National Parks Board', role: 'investigator' });
    const demo = await c.call('workspaces.openDemo', {});
    const [first] = await c.call('cases.list', { workspaceId: demo.id });
    const big = path.join(tempDir('nest-big-exhibit-'), 'cctv-export.bin');
    const fd = fs.openSync(big, 'w');
    for (let i = 0; i < 64; i++) fs.writeSync(fd, randomBytes(MIB));
    fs.closeSync(fd);
    await h.mainClient().call('files.addFromPath', { workspaceId: demo.id, caseId: first!.id, path: big });

    const gaps: { at: number; ms: number }[] = [];
    const t0 = performance.now();
    let last = t0;
    const tick = setInterval(() => {
      const now = performance.now();
      if (now - last > 60) gaps.push({ at: Math.round(last - t0), ms: Math.round(now - last - 10) });
      last = now;
    }, 10);
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const r = await c.call('packs.export', { workspaceId: demo.id, caseId: first!.id, handlingConfirmed: true });
    delay.disable();
    clearInterval(tick);
    const maxMs = delay.max / 1e6;
    process.stdout.write(
      `pack export (${(r.counts.zipBytes / MIB).toFixed(1)} MiB, ${r.counts.files} files) in ${Math.round(performance.now() - t0)} ms: event-loop delay max ${maxMs.toFixed(0)} ms, p99 ${(delay.percentile(99) / 1e6).toFixed(0)} ms, mean ${(delay.mean / 1e6).toFixed(1)} ms; gaps > 50 ms: ${JSON.stringify(gaps)}\n`,
    );
    expect(r.counts.zipBytes).toBeGreaterThan(64 * MIB);
    // Measured after the fix: max 908 ms (p99 51 ms) under load ~25; before it, 2,940 ms. 1 s is too
    // close to be robust here, so the bound catches seconds-long stalls, not every slow step.
    expect(maxMs).toBeLessThan(2000);
  }, 300_000);
});
