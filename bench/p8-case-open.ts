/**
 * Benchmark P8 (issue 11 "Done when"): opening a 100,000-seizure case to its first table page and
 * its map in headless Chromium (`/usr/bin/chromium` through playwright-core), against opening a
 * 1,000-seizure case, in the real app: the data service and the browser-mode host run in this
 * process on a temporary data folder, the built renderer (`npm run build:renderer`) is the page.
 *
 * Workload: one workspace with two cases written through the real typed views and projected by the
 * real Projector (the workspace runtime's observers), not through the UI: the small case holds
 * P8_SMALL (1,000) seizures in its case doc; the large one P8_SEIZURES (100,000): 1,000 in its
 * case doc (the inline limit) and the rest in volume docs of 5,000 (`VolumeDoc.insertSeizures`),
 * listed in the case doc. Every seizure is mapped (deterministic generator).
 * - table: a full page load of the case's seizure tab until its first row is drawn;
 * - map: then a click on the Map tab until the first marker or cluster is drawn;
 * - ratio = (table + map) at 100k ÷ at 1k, the median of 3 pairs alternating which goes first.
 *   Goal <= 2. The parts' ratios (table alone, map alone) are printed too.
 *
 * `runP8()` returns printable lines starting with "P8 "; `npx tsx bench/p8-case-open.ts` prints them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { DataService } from '../service/data-service';
import { startBrowserHost } from '../service/entries/browser-host';
import { DataClient } from '../renderer/src/data/client';
import { createLogger } from '../node/log';
import { appPath } from '../node/store/app-root';
import { newCaseFields } from '../shared/domain/case';
import { fillCase } from './p8-workload';
import { transportPair } from '../test/helpers/transport-pair';
import { fmt } from './stats';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const INLINE = 1000;
const VOLUME = 5000;

/** Opens the case's seizure tab in a fresh page load and then its map; ms to the first row and to the first marker. */
async function openCase(page: Page, origin: string, wsId: string, caseId: string, round: number): Promise<{ table: number; map: number }> {
  const t0 = Date.now();
  await page.goto(`${origin}/?p8=${round}#/w/${wsId}/c/${caseId}/seizures`);
  await page.locator('table.seizure-table tbody tr[data-seizure-id]').first().waitFor({ timeout: 300_000 });
  const t1 = Date.now();
  await page.locator('#case-tab-map').click({ timeout: 300_000 });
  await page.locator('.seizure-marker, .map-cluster').first().waitFor({ timeout: 300_000 });
  return { table: t1 - t0, map: Date.now() - t1 };
}

/** Runs P8 and returns its lines. */
export async function runP8(): Promise<string[]> {
  const big = Number(process.env.P8_SEIZURES ?? 100_000);
  const small = Number(process.env.P8_SMALL ?? 1000);
  const rendererDir = appPath('dist', 'renderer');
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) return ['P8 skipped: the renderer is not built (npm run build:renderer)'];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nest-p8-'));
  const logger = createLogger('bench', 'error');
  let service = DataService.open({ dataDir, mode: 'browser', logger });
  const [a, b] = transportPair();
  service.connect(a);
  const client = new DataClient(b);
  let browser: Awaited<ReturnType<typeof chromium.launch>> | null = null;
  let host: Awaited<ReturnType<typeof startBrowserHost>> | null = null;
  try {
    const me = await client.call('identity.create', { name: 'Bench', agency: 'NEST', role: 'admin' });
    const summary = await client.call('workspaces.create', { name: 'P8', casePrefix: 'NEST', reportingCurrency: 'USD' });
    const ws = service.workspace(summary.id);
    const smallCase = (await client.call('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-01-01'), title: 'Small case' } })).id;
    const bigCase = (await client.call('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-01-01'), title: 'National register' } })).id;
    const g0 = Date.now();
    fillCase(ws, smallCase, small, me.memberId, 1);
    fillCase(ws, bigCase, big, me.memberId, 2);
    const generated = Date.now() - g0;
    const counts = [smallCase, bigCase].map((id) => ws.store.projections.getCase(id).seizureCount);
    if (counts[0] !== small || counts[1] !== big) throw new Error(`P8: the projection holds ${counts.join(' and ')} seizures, not ${small} and ${big}`);
    // Measured as a user opens the app: a fresh data service on the written folder (not the one
    // still compacting the docs it just wrote, which shares this process's event loop).
    service.close();
    service = DataService.open({ dataDir, mode: 'browser', logger });

    host = await startBrowserHost({ service, rendererDir, logger });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(host.url); // the token goes to sessionStorage; later loads keep it
    await openCase(page, host.origin, ws.id, smallCase, 0); // warm the browser's code cache
    const ratios: number[] = [];
    const tableRatios: number[] = [];
    const mapRatios: number[] = [];
    const runs: string[] = [];
    for (let i = 0; i < 3; i++) {
      const order = i % 2 === 0 ? [bigCase, smallCase] : [smallCase, bigCase];
      const ms = new Map<string, { table: number; map: number }>();
      for (const id of order) ms.set(id, await openCase(page, host.origin, ws.id, id, i + 1));
      const l = ms.get(bigCase)!;
      const s = ms.get(smallCase)!;
      ratios.push((l.table + l.map) / (s.table + s.map));
      tableRatios.push(l.table / s.table);
      mapRatios.push(l.map / s.map);
      runs.push(`table ${l.table} vs ${s.table} ms, map ${l.map} vs ${s.map} ms`);
    }
    const median = (xs: number[]): number => [...xs].sort((x, y) => x - y)[1]!;
    const ratio = median(ratios);
    return [
      `P8 case-open ratio=${fmt(ratio)} (goal <= 2) ${ratio <= 2 ? 'PASS' : 'FAIL'}: first table page and map of a ${big.toLocaleString('en')}-seizure case (${Math.ceil(Math.max(0, big - INLINE) / VOLUME)} volume docs) ÷ of a ${small.toLocaleString('en')}-seizure case`,
      `P8 parts: table first page ratio=${fmt(median(tableRatios))}, map first markers ratio=${fmt(median(mapRatios))} (medians)`,
      `P8 runs (${big.toLocaleString('en')} vs ${small.toLocaleString('en')}): ${runs.join(' | ')}`,
      `P8 workload written and projected in ${fmt(generated / 1000, 1)} s; load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`,
    ];
  } finally {
    await browser?.close();
    await host?.close();
    service.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  void runP8().then((lines) => console.log(lines.join('\n')));
}
