/**
 * Benchmark B1: blob intake throughput against its floor, in the same run.
 *
 * Workload: one file of B1_MIB (default 256) MiB of incompressible bytes on disk.
 * - ours: FsBlobStore.intake (node/blobs/fs-blob-store.ts) — streamed copy to a temp file with
 *   SHA-256 and media-type sniffing on the way, fsync, rename into `sha256/ab/cdef…`;
 * - baseline: the same bytes read, hashed with SHA-256 and written to another file (what
 *   `sha256sum` + `cp` do), nothing else (no fsync).
 * Ratio = ours MiB/s ÷ baseline MiB/s, the median of 3 back-to-back pairs alternating which goes
 * first. Goal >= 0.7. Peak memory: the highest RSS sampled every 20 ms during our intake minus the
 * RSS before it (intake must stay bounded whatever the file's size).
 *
 * `runB1()` returns printable lines starting with "B1 "; `npx tsx bench/b1-blob-intake.ts` prints them.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { FsBlobStore } from '../node/blobs/fs-blob-store';
import { fmt } from './stats';

const MIB = 1024 * 1024;

/** Writes `mib` MiB of random bytes to `file`. */
export async function randomFileOf(file: string, mib: number): Promise<void> {
  const out = fs.createWriteStream(file);
  for (let m = 0; m < mib; m++) if (!out.write(randomBytes(MIB))) await new Promise<void>((r) => out.once('drain', () => r()));
  await new Promise<void>((resolve, reject) => out.end(() => resolve()).on('error', reject));
}

/** Measures `fn` in MiB/s of `bytes`, and the peak RSS growth during it. */
export async function measured(bytes: number, fn: () => Promise<void>): Promise<{ mibS: number; peak: number }> {
  const before = process.memoryUsage().rss;
  let high = before;
  const timer = setInterval(() => (high = Math.max(high, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  try {
    await fn();
    return { mibS: bytes / MIB / ((performance.now() - t0) / 1000), peak: Math.max(high, process.memoryUsage().rss) - before };
  } finally {
    clearInterval(timer);
  }
}

async function baseline(src: string, dest: string): Promise<void> {
  const hash = createHash('sha256');
  const tap = new PassThrough();
  tap.on('data', (c: Buffer) => hash.update(c));
  await pipeline(fs.createReadStream(src), tap, fs.createWriteStream(dest));
  hash.digest('hex');
}

/** Runs B1 and returns its lines. */
export async function runB1(): Promise<string[]> {
  const mib = Number(process.env.B1_MIB ?? 256);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nest-b1-'));
  try {
    const src = path.join(dir, 'source.bin');
    await randomFileOf(src, mib);
    const bytes = fs.statSync(src).size;
    await baseline(src, path.join(dir, 'warm.bin')); // warm the page cache and the code
    fs.rmSync(path.join(dir, 'warm.bin'));
    const ratios: number[] = [];
    const runs: string[] = [];
    let peak = 0;
    for (let i = 0; i < 3; i++) {
      const store = new FsBlobStore(path.join(dir, `store-${i}`), { maxBytes: 4 * 1024 ** 3 });
      const copy = path.join(dir, `copy-${i}.bin`);
      const ours = (): Promise<{ mibS: number; peak: number }> => measured(bytes, async () => void (await store.intake(fs.createReadStream(src))));
      const base = (): Promise<{ mibS: number; peak: number }> => measured(bytes, () => baseline(src, copy));
      let o: { mibS: number; peak: number };
      let b: { mibS: number; peak: number };
      if (i % 2 === 0) {
        o = await ours();
        b = await base();
      } else {
        b = await base();
        o = await ours();
      }
      peak = Math.max(peak, o.peak);
      ratios.push(o.mibS / b.mibS);
      runs.push(`${fmt(o.mibS, 0)} vs ${fmt(b.mibS, 0)} MiB/s`);
      fs.rmSync(store.root, { recursive: true, force: true });
      fs.rmSync(copy, { force: true });
    }
    ratios.sort((a, b) => a - b);
    const ratio = ratios[1]!;
    return [
      `B1 blob-intake ratio=${fmt(ratio)} (goal >= 0.7) ${ratio >= 0.7 ? 'PASS' : 'FAIL'} peak-rss=+${fmt(peak / MIB, 0)} MiB for a ${fmt(bytes / MIB, 0)} MiB file`,
      `B1 runs (intake vs SHA-256 + copy of the same file): ${runs.join(' | ')}`,
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  void runB1().then((lines) => console.log(lines.join('\n')));
}
