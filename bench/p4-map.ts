/**
 * Benchmark P4: the map at 100,000 seizures against the same map at 1,000, in headless Chromium
 * (`/usr/bin/chromium` through playwright-core; no browser is downloaded).
 *
 * Workload: bench/p4-map-page.tsx (the app's SeizureMap, bundled here with esbuild and served from
 * 127.0.0.1) with P4_POINTS (default 100,000) and 1,000 deterministically generated points.
 * - render: from handing the points to React to the first clustered frame (index built, the
 *   view's clusters and markers drawn). Ratio = 100k ÷ 1k, the median of P4_RUNS (default 5)
 *   pairs alternating which goes first, each in a fresh page. Goal <= 3.
 * - pan: frame times (requestAnimationFrame intervals, p50/p95 ms) at 100k while the mouse drags
 *   the map back and forth for ~3 s (each drag ends in a re-query of the clusters).
 *
 * What it measures: the page's own index (cluster-index.ts), which the app uses for a map with
 * fewer mapped seizures than `REMOTE_MAP_FROM` (remote-clusters.tsx). A 100,000-seizure map in
 * the app is clustered on the data service instead; that path is measured by P8's map part
 * (bench/p8-case-open.ts) and its cold index by bench/map-cold.ts. P4 says so in its output.
 *
 * `runP4()` returns printable lines starting with "P4 "; `npx tsx bench/p4-map.ts` prints them.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Page } from 'playwright-core';
import { fmt } from './stats';

const here = path.dirname(fileURLToPath(import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Bundles the page; the basemap's `?url` import becomes the served atlas path. */
async function bundle(dir: string): Promise<void> {
  await build({
    entryPoints: [path.join(here, 'p4-map-page.tsx')],
    bundle: true,
    outdir: dir,
    format: 'esm',
    jsx: 'automatic',
    loader: { '.png': 'dataurl', '.svg': 'dataurl' },
    define: { 'process.env.NODE_ENV': '"production"', 'import.meta.env.DEV': 'false' },
    minify: true,
    logLevel: 'silent',
    plugins: [
      {
        name: 'url-import',
        setup(b) {
          b.onResolve({ filter: /\?url$/ }, (a) => ({ path: a.path, namespace: 'url' }));
          b.onLoad({ filter: /.*/, namespace: 'url' }, () => ({ contents: 'export default "/atlas.json";', loader: 'js' }));
        },
      },
    ],
  });
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><link rel="stylesheet" href="/p4-map-page.css"><body style="margin:0"><div id="root" style="width:1280px"></div><script type="module" src="/p4-map-page.js"></script>');
  fs.copyFileSync(path.join(here, '../node_modules/world-atlas/countries-50m.json'), path.join(dir, 'atlas.json'));
}

function serve(dir: string): Promise<{ url: string; close: () => void }> {
  const types: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html', '.json': 'application/json' };
  const server = http.createServer((req, res) => {
    const name = path.basename(new URL(req.url ?? '/', 'http://x').pathname) || 'index.html';
    const file = path.join(dir, name);
    if (!fs.existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': types[path.extname(name)] ?? 'application/octet-stream' }).end(fs.readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({ url: `http://127.0.0.1:${port}`, close: () => server.close() });
    }),
  );
}

async function renderMs(page: Page, url: string, n: number): Promise<number> {
  await page.goto(`${url}/index.html?n=${n}`);
  await page.waitForFunction(() => (globalThis as unknown as { p4: { renderMs: number | null } }).p4.renderMs !== null, undefined, { timeout: 120_000 });
  return page.evaluate(() => (globalThis as unknown as { p4: { renderMs: number } }).p4.renderMs);
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))]!;
}

/** Runs P4 and returns its lines. */
export async function runP4(): Promise<string[]> {
  const big = Number(process.env.P4_POINTS ?? 100_000);
  const small = 1000;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nest-p4-'));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  const server = await bundle(dir).then(() => serve(dir));
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await renderMs(page, server.url, small); // warm the browser's code cache
    const ratios: number[] = [];
    const runs: string[] = [];
    const pairs = Math.max(1, Number(process.env.P4_RUNS ?? 5));
    for (let i = 0; i < pairs; i++) {
      const order = i % 2 === 0 ? [big, small] : [small, big];
      const ms: Record<number, number> = {};
      for (const n of order) ms[n] = await renderMs(page, server.url, n);
      ratios.push(ms[big]! / ms[small]!);
      runs.push(`${fmt(ms[big]!, 0)} vs ${fmt(ms[small]!, 0)} ms`);
    }
    ratios.sort((a, b) => a - b);
    const ratio = ratios[Math.floor(ratios.length / 2)]!;

    // Pan at 100k: drag the map left and right while frames are recorded.
    await renderMs(page, server.url, big);
    const box = (await page.getByTestId('seizure-map').boundingBox())!;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    await page.evaluate(() => ((globalThis as unknown as { p4: { recording: boolean } }).p4.recording = true));
    for (let d = 0; d < 6; d++) {
      await page.mouse.move(cx, cy);
      await page.mouse.down();
      const dx = d % 2 === 0 ? -300 : 300;
      for (let s = 1; s <= 30; s++) {
        await page.mouse.move(cx + (dx * s) / 30, cy + (d % 3 === 0 ? 40 : -40) * (s / 30));
        await page.waitForTimeout(16);
      }
      await page.mouse.up();
      await page.waitForTimeout(120); // moveend: the clusters of the new view are queried and drawn
    }
    const frames = await page.evaluate(() => (globalThis as unknown as { p4: { frames: number[] } }).p4.frames);
    const sorted = [...frames].sort((a, b) => a - b);
    return [
      `P4 map-render ratio=${fmt(ratio)} (goal <= 3) ${ratio <= 3 ? 'PASS' : 'FAIL'}: first clustered render of ${big.toLocaleString('en')} points ÷ of ${small.toLocaleString('en')}`,
      `P4 runs (${big.toLocaleString('en')} vs ${small.toLocaleString('en')} points): ${runs.join(' | ')}`,
      `P4 pan at ${big.toLocaleString('en')} points: frame p50=${fmt(pct(sorted, 0.5), 1)} ms p95=${fmt(pct(sorted, 0.95), 1)} ms over ${frames.length} frames`,
      'P4 path: the page\'s own index (the app\'s path below REMOTE_MAP_FROM mapped seizures); a map that large is clustered on the data service in the app — measured by P8 (map part) and bench/map-cold.ts',
    ];
  } finally {
    server.close();
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  void runP4().then((lines) => console.log(lines.join('\n')));
}
