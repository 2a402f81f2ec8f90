/**
 * Benchmark P5: case pack export throughput against its floor, in the same run.
 *
 * Workload: P5_MIB (default 256) MiB of incompressible exhibits in 8 files on disk.
 * - ours: writePack (node/packs/pack-writer.ts) streaming them into a signed pack (SHA-256 of each
 *   file while written, stored entries, manifest, Ed25519 signature, fsync, rename);
 * - baseline: the same bytes through SHA-256 and a yazl ZIP (stored entries), nothing else.
 * Ratio = ours MiB/s ÷ baseline MiB/s, the median of 3 back-to-back pairs alternating which goes
 * first. Goal >= 0.5. Ours also fsyncs the finished pack (an export the app reports done is on
 * disk); the baseline does not. Peak memory: the highest RSS sampled every 20 ms during our export, minus the
 * RSS before it (the writer must stay bounded, whatever the exhibits' size).
 *
 * `runP5()` returns printable lines starting with "P5 "; `npx tsx bench/p5-pack.ts` prints them.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import yazl from 'yazl';
import { generateWorkspaceKey } from '../shared/auth/keys';
import { PACK_FORMAT } from '../shared/packs/manifest';
import { issueMemberCertificate, signManifestBytes, SIGNATURE_FORMAT, type SignatureFile } from '../shared/packs/signature';
import { writePack } from '../node/packs/pack-writer';
import { fmt } from './stats';

const MIB = 1024 * 1024;
const FILES = 8;

async function makeExhibits(dir: string, totalMib: number): Promise<string[]> {
  const per = Math.max(1, Math.floor(totalMib / FILES));
  const files: string[] = [];
  for (let i = 0; i < FILES; i++) {
    const f = path.join(dir, `exhibit-${i}.bin`);
    const out = fs.createWriteStream(f);
    for (let m = 0; m < per; m++) if (!out.write(randomBytes(MIB))) await new Promise<void>((r) => out.once('drain', () => r()));
    await new Promise<void>((resolve, reject) => out.end(() => resolve()).on('error', reject));
    files.push(f);
  }
  return files;
}

async function baseline(files: string[], outFile: string): Promise<void> {
  const zip = new yazl.ZipFile();
  const done = pipeline(zip.outputStream, fs.createWriteStream(outFile));
  for (const f of files) {
    zip.addReadStreamLazy(path.basename(f), { compress: false }, (cb) => {
      const hash = createHash('sha256');
      const tap = new PassThrough();
      tap.on('data', (c: Buffer) => hash.update(c));
      cb(null, fs.createReadStream(f).pipe(tap));
    });
  }
  zip.end();
  await done;
}

async function ours(files: string[], outFile: string, sign: (b: Uint8Array) => Promise<SignatureFile>): Promise<void> {
  await writePack({
    outFile,
    manifest: {
      format: PACK_FORMAT,
      app: { name: 'NEST Desk', version: 'bench' },
      workspace: { id: 'ws', name: 'bench' },
      case: { id: 'c', number: 'BENCH-0001', title: 'bench', tlp: 'AMBER', stateVector: 'AA==', volumes: [] },
      exportedBy: { memberId: 'm', name: 'Bench', agency: 'Bench', role: 'admin' },
      exportedAt: new Date().toISOString(),
    },
    sources: files.map((f) => ({ path: `exhibits/${path.basename(f)}`, compress: false, open: () => fs.createReadStream(f) })),
    sign,
  });
}

/** Runs P5 and returns its lines. */
export async function runP5(): Promise<string[]> {
  const totalMib = Number(process.env.P5_MIB ?? 256);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nest-p5-'));
  try {
    const files = await makeExhibits(dir, totalMib);
    const bytes = files.reduce((n, f) => n + fs.statSync(f).size, 0);
    const ws = await generateWorkspaceKey();
    const member = await generateWorkspaceKey();
    const cert = await issueMemberCertificate(ws.privateJwk, { workspaceId: 'ws', memberId: 'm', name: 'Bench', agency: 'Bench', role: 'admin', memberKey: member.publicJwk, issuedAt: Date.now() });
    const sign = async (b: Uint8Array): Promise<SignatureFile> => ({ format: SIGNATURE_FORMAT, jws: await signManifestBytes(b, member.privateJwk), memberKey: member.publicJwk, memberCertificate: cert, workspaceKey: ws.publicJwk });
    const timed = async (fn: () => Promise<void>): Promise<number> => {
      const t0 = performance.now();
      await fn();
      return bytes / MIB / ((performance.now() - t0) / 1000);
    };
    const ratios: number[] = [];
    const runs: string[] = [];
    let peak = 0;
    await baseline(files, path.join(dir, 'warm.zip')); // warm the page cache and the code
    for (let i = 0; i < 3; i++) {
      const outA = path.join(dir, `ours-${i}.zip`);
      const outB = path.join(dir, `base-${i}.zip`);
      const measureOurs = async (): Promise<number> => {
        const before = process.memoryUsage().rss;
        let high = before;
        const timer = setInterval(() => (high = Math.max(high, process.memoryUsage().rss)), 20);
        try {
          return await timed(() => ours(files, outA, sign));
        } finally {
          clearInterval(timer);
          peak = Math.max(peak, high - before);
        }
      };
      let o: number;
      let b: number;
      if (i % 2 === 0) {
        o = await measureOurs();
        b = await timed(() => baseline(files, outB));
      } else {
        b = await timed(() => baseline(files, outB));
        o = await measureOurs();
      }
      ratios.push(o / b);
      runs.push(`${fmt(o, 0)} vs ${fmt(b, 0)} MiB/s`);
      fs.rmSync(outA, { force: true });
      fs.rmSync(outB, { force: true });
    }
    ratios.sort((a, b) => a - b);
    const ratio = ratios[1]!;
    return [
      `P5 pack-export ratio=${fmt(ratio)} (goal >= 0.5) ${ratio >= 0.5 ? 'PASS' : 'FAIL'} peak-rss=+${fmt(peak / MIB, 0)} MiB for ${fmt(bytes / MIB, 0)} MiB of exhibits`,
      `P5 runs (ours vs SHA-256 + yazl ZIP of the same ${FILES} files): ${runs.join(' | ')}`,
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  void runP5().then((lines) => console.log(lines.join('\n')));
}
