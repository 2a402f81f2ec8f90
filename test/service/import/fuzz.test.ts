/**
 * Fuzz test of the import entry (issue 11, "Done when"): 2,048 mutated files made from the shared
 * import cases (`../shared/cases/import/*`) with a fixed seed — byte flips, truncation, duplicated
 * and removed lines, swapped delimiters, random unicode, huge numbers, deep nesting, stray quotes —
 * go through the same steps the data service runs for a file (unpackImport, then parseImportFile
 * with the country lookups: service/import/import-handlers.ts `parseForCase`). Each must either be
 * read (with a consistent report) or refused as a whole with NestError('import-failed'); any other
 * exception fails the test and names the seed's file.
 *
 * Linear time: every source file is also grown to a ~24 KB clean file of the same kind, and a
 * share of the mutations are applied to that grown file. Each mutated grown file's time per byte
 * is compared with the clean grown file's, parsed in the same test (so load on the machine affects
 * both); a ratio above {@link MAX_RATIO} is measured once more before it fails. Small files get an
 * absolute bound. The seed and the counts are fixed, so a failure reproduces.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseImportFile, type ParsedImport } from '../../../service/import';
import { unpackImport } from '../../../service/import/unpack';
import { countryAt, kmOutsideCountry } from '../../../service/geo/country-at';
import { NestError } from '../../../shared/errors';
import { caseBytes, SHARED_DIR } from './fixtures';

const SEED = 0x11f0220;
const PER_SOURCE_SMALL = 232;
const PER_SOURCE_GROWN = 24;
const GROWN_BYTES = 24 * 1024;
/** A mutated grown file may take this many times the clean grown file's time per byte. */
const MAX_RATIO = 12;
/** Below this a time is noise (a garbage-collection pause), not a shape. */
const FLOOR_MS = 150;

/** mulberry32: a small seeded PRNG, so every run makes the same files. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const int = (r: Rand, n: number) => Math.floor(r() * n);
const pickOne = <T,>(r: Rand, xs: readonly T[]): T => xs[int(r, xs.length)]!;
const enc = new TextEncoder();
const dec = new TextDecoder('utf-8', { fatal: false });

const UNICODE = ['\u0000', '\uFEFF', '\u202E', '\uD800', '\uDFFF', '😀', 'e\u0301', '\u00A0', '\u2028', '中文', 'ß', '\uFFFD', '\r', '"', "'", '<', '&', ']]>', '\\'];
const HUGE = ['1e308', '9'.repeat(400), '-0', 'NaN', 'Infinity', '1e-400', '0x1F', '1,2,3,4,5', '١٢٣', '99999999999999999999.5', '-1e309'];

/** The mutations, each from text (or bytes) to bytes. */
const MUTATIONS: Record<string, (r: Rand, text: string, bytes: Uint8Array) => Uint8Array> = {
  flipBytes: (r, _t, bytes) => {
    const out = bytes.slice();
    for (let i = 0, n = 1 + int(r, 8); i < n && out.length; i++) out[int(r, out.length)] ^= 1 << int(r, 8);
    return out;
  },
  truncate: (r, _t, bytes) => bytes.slice(0, int(r, bytes.length)),
  duplicateLines: (r, text) => {
    const lines = text.split('\n');
    for (let i = 0, n = 1 + int(r, 5); i < n; i++) {
      const at = int(r, lines.length);
      lines.splice(at, 0, ...Array<string>(1 + int(r, 20)).fill(lines[at]!));
    }
    return enc.encode(lines.join('\n'));
  },
  removeLines: (r, text) => {
    const lines = text.split('\n');
    for (let i = 0, n = 1 + int(r, 5); i < n && lines.length; i++) lines.splice(int(r, lines.length), 1 + int(r, 3));
    return enc.encode(lines.join('\n'));
  },
  swapDelimiters: (r, text) => {
    const [a, b] = pickOne(r, [[',', ';'], [';', ','], [',', '\t'], [',', '|'], ['\n', '\r'], ['\n', '\r\n'], ['"', "'"], [',', '.'], ['.', ',']] as const);
    return enc.encode(text.split(a).join(b));
  },
  randomUnicode: (r, text) => {
    const chars = [...text];
    for (let i = 0, n = 1 + int(r, 12); i < n; i++) chars.splice(int(r, chars.length + 1), 0, r() < 0.5 ? pickOne(r, UNICODE) : String.fromCodePoint(int(r, 0x10ffff + 1) & ~0x800));
    return enc.encode(chars.join(''));
  },
  hugeNumbers: (r, text) => enc.encode(text.replace(/-?\d+(?:[.,]\d+)?/g, (m) => (r() < 0.3 ? pickOne(r, HUGE) : m))),
  deepNesting: (r, text) => {
    // JSON nests up to 5,000 deep; XML up to 1,500 (xmldom and togeojson take seconds past that: malformed-shapes.test.ts).
    const depth = 50 + int(r, text.trimStart().startsWith('{') ? 5000 : 1500);
    if (text.trimStart().startsWith('{')) {
      return enc.encode(text.replace(/"geometry"\s*:\s*\{/, `"geometry":${'{"type":"GeometryCollection","geometries":['.repeat(depth)}{`).replace(/\}\s*,\s*"properties"/, `}${']}'.repeat(depth)},"properties"`));
    }
    if (text.includes('<Point>')) return enc.encode(text.replace('<Point>', '<MultiGeometry>'.repeat(depth) + '<Point>').replace('</Point>', '</Point>' + '</MultiGeometry>'.repeat(depth)));
    if (text.includes('<')) return enc.encode(text.replace(/<Document>/, `<Document>${'<Folder>'.repeat(depth)}`).replace('</Document>', `${'</Folder>'.repeat(depth)}</Document>`));
    return enc.encode(text.replace(/\n/, `\n${'"'.repeat(depth)}`));
  },
  strayQuotes: (r, text) => {
    const lines = text.split('\n');
    for (let i = 0, n = 1 + int(r, 3); i < n; i++) {
      const at = int(r, lines.length);
      const line = lines[at]!;
      const pos = int(r, line.length + 1);
      lines[at] = `${line.slice(0, pos)}"${line.slice(pos)}`;
    }
    return enc.encode(lines.join('\n'));
  },
};
const NAMES = Object.keys(MUTATIONS);

/** One or two mutations in a row, named for the failure message. */
function mutate(r: Rand, bytes: Uint8Array): { how: string; bytes: Uint8Array } {
  let out = bytes;
  const hows: string[] = [];
  for (let i = 0, n = r() < 0.25 ? 2 : 1; i < n; i++) {
    const name = pickOne(r, NAMES);
    hows.push(name);
    out = MUTATIONS[name]!(r, dec.decode(out), out);
  }
  return { how: hows.join('+'), bytes: out };
}

/** A clean file of the same kind grown to about `size` bytes by repeating its records. */
function grow(name: string, bytes: Uint8Array, size: number): Uint8Array {
  const text = dec.decode(bytes);
  if (/\.geojson$/i.test(name)) {
    const json = JSON.parse(text) as { features: unknown[] };
    const one = json.features;
    while (JSON.stringify(json).length < size) json.features = [...json.features, ...one];
    return enc.encode(JSON.stringify(json));
  }
  if (/\.kml$/i.test(name)) {
    const first = text.indexOf('<Placemark');
    const last = text.lastIndexOf('</Placemark>') + '</Placemark>'.length;
    const block = text.slice(first, last);
    return enc.encode(text.slice(0, last) + block.repeat(Math.ceil(size / block.length)) + text.slice(last));
  }
  const lines = text.replace(/\r?\n$/, '').split(/\r?\n/);
  const headerAt = lines.findIndex((l, i) => i > 0 || !/^sep=/i.test(l));
  const body = lines.slice(headerAt + 1);
  const out = [...lines];
  while (out.join('\n').length < size) out.push(...body);
  return enc.encode(`${out.join('\n')}\n`);
}

/** The data service's steps for a file (parseForCase without the case doc). */
async function parseLikeTheApp(fileName: string, bytes: Uint8Array): Promise<ParsedImport | 'refused'> {
  try {
    const unpacked = await unpackImport(fileName, bytes);
    return parseImportFile({
      fileName: unpacked.fileName, bytes: unpacked.bytes, defaults: { sector: 'wildlife', country: 'KE' }, countryAt,
      outsideKm: (lat, lon, code) => kmOutsideCountry(lat, lon, code),
    });
  } catch (err) {
    if (err instanceof NestError && err.code === 'import-failed') return 'refused';
    throw err;
  }
}

/** Milliseconds to parse, the best of `runs`. */
async function timeOf(fileName: string, bytes: Uint8Array, runs = 1): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await parseLikeTheApp(fileName, bytes);
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

/** A read file's report must agree with what it returned. */
function checkConsistent(p: ParsedImport): void {
  expect(p.report.imported).toBe(p.seizures.length);
  expect(p.report.routes).toBe(p.routes.length);
  for (const rej of p.report.rejected) expect(Number.isInteger(rej.line)).toBe(true);
  expect(p.report.rejectedRows).toBeLessThanOrEqual(p.report.rejected.length);
}

const sources = readdirSync(path.join(SHARED_DIR, 'cases/import')).filter((f) => !f.endsWith('.json')).sort();

describe('import fuzz', () => {
  it('has the shared cases to mutate', () => {
    expect(sources.length).toBeGreaterThanOrEqual(8);
  });

  it(`reads or cleanly refuses ${PER_SOURCE_SMALL + PER_SOURCE_GROWN} mutations of each case, in time linear in their size`, async () => {
    const r = prng(SEED);
    let files = 0;
    let refused = 0;
    const slow: string[] = [];
    for (const name of sources) {
      const clean = caseBytes(name);
      const cleanResult = await parseLikeTheApp(name, clean);
      expect(cleanResult).not.toBe('refused');
      const cleanMs = await timeOf(name, clean, 3);

      for (let i = 0; i < PER_SOURCE_SMALL; i++) {
        const m = mutate(r, clean);
        const what = `${name} #${i} (${m.how})`;
        const t0 = performance.now();
        let result: ParsedImport | 'refused';
        try {
          result = await parseLikeTheApp(name, m.bytes);
        } catch (err) {
          throw new Error(`${what}: unexpected ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`, { cause: err });
        }
        const ms = performance.now() - t0;
        files++;
        if (result === 'refused') refused++;
        else checkConsistent(result);
        // Small files: bounded by the clean file's time per byte, or the noise floor.
        const bound = Math.max(FLOOR_MS, MAX_RATIO * (cleanMs / clean.length) * m.bytes.length);
        if (ms > bound && (await timeOf(name, m.bytes)) > bound) slow.push(`${what}: ${ms.toFixed(0)} ms for ${m.bytes.length} bytes (bound ${bound.toFixed(0)} ms)`);
      }

      const grown = grow(name, clean, GROWN_BYTES);
      const grownResult = await parseLikeTheApp(name, grown);
      expect(grownResult, `${name} grown`).not.toBe('refused');
      const grownPerByte = (await timeOf(name, grown, 3)) / grown.length;
      for (let i = 0; i < PER_SOURCE_GROWN; i++) {
        const m = mutate(r, grown);
        const what = `${name} grown #${i} (${m.how})`;
        let ms: number;
        try {
          const t0 = performance.now();
          const result = await parseLikeTheApp(name, m.bytes);
          ms = performance.now() - t0;
          files++;
          if (result === 'refused') refused++;
          else checkConsistent(result);
        } catch (err) {
          throw new Error(`${what}: unexpected ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`, { cause: err });
        }
        const bound = Math.max(FLOOR_MS, MAX_RATIO * grownPerByte * m.bytes.length);
        // Under load one run can stall: measure again (best of two, with a fresh clean time) before calling it slow.
        if (ms > bound) {
          const again = await timeOf(name, m.bytes, 2);
          const cleanNow = (await timeOf(name, grown, 2)) / grown.length;
          const bound2 = Math.max(FLOOR_MS, MAX_RATIO * cleanNow * m.bytes.length);
          if (again > bound2) slow.push(`${what}: ${again.toFixed(0)} ms for ${m.bytes.length} bytes; the clean file ${(cleanNow * m.bytes.length).toFixed(0)} ms`);
        }
      }
    }
    expect(files).toBeGreaterThanOrEqual(2000);
    // Mutations must not all be refused wholesale: most files are still read, row by row.
    expect(refused).toBeLessThan(files / 2);
    expect(slow).toEqual([]);
  }, 180_000);
});
