/**
 * The paced serialisers a pack export uses to yield between chunks (canonical JSON with a long
 * array, seizures CSV, STIX bundle) write, in pieces, exactly the bytes their one-pass forms
 * write — the pack still verifies byte for byte — and call back once per item or chunk, so
 * progress counts rows; the pieces are encoded in chunks that join to the whole text's UTF-8.
 */
import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalJsonPaced } from '../../../shared/packs/canonical-json';
import { CaseDoc } from '../../../shared/docs/case-doc';
import type { Seizure } from '../../../shared/domain/seizure';
import { seizuresToCsv, seizuresToCsvPaced } from '../../../service/export/export-csv';
import { caseSnapshot } from '../../../service/stix/case-snapshot';
import { stixBundleJson, writeStixBundlePaced } from '../../../service/stix/export-bundle';
import { TEXT_CHUNK, TextChunks } from '../../../service/packs/pack-text';
import { arabicCase, caseDocWith, demoCase, emptyCase, everyKindCase, seizure, uid, WS } from '../stix/stix-cases';

/** A case doc of `n` seizures with awkward text (quotes, formula-like cells, newlines, Arabic). */
function manySeizures(n: number) {
  return caseDocWith({ title: 'Many', tlp: 'AMBER' }, (cd) =>
    cd.addSeizures(
      Array.from({ length: n }, (_, i) => ({
        id: uid(i + 1),
        fields: seizure({ seizureDate: `2025-0${1 + (i % 9)}-1${i % 10}`, commodity: i % 3 ? `=HYPERLINK("x${i}")` : `عاج "${i}"\nline`, country: 'SG', quantity: (i + 1) / 7, unit: 'kg', latitude: i % 4 ? 1 + i / 1000 : null, longitude: i % 4 ? 103 : null }),
      })),
      { memberId: 'm-ada' },
    ),
  );
}

/** What a paced serialiser wrote: the pieces joined, and how many pieces. */
async function written(run: (write: (text: string) => void) => Promise<void>): Promise<{ text: string; pieces: number }> {
  const pieces: string[] = [];
  await run((t) => void pieces.push(t));
  return { text: pieces.join(''), pieces: pieces.length };
}

describe('paced serialisers', () => {
  it('canonical JSON with a long array paced item by item equals the one-pass form, written in pieces', async () => {
    const seizures = new CaseDoc(manySeizures(999)).listSeizures();
    const value = { schema: 'nest-case/3', z: [1, 2], audit: [{ a: 'seizures' }], case: { seizures: 'a "seizures" text' } };
    let calls = 0;
    const paced = await written((w) => canonicalJsonPaced(value, 'seizures', seizures, async () => void calls++, w));
    expect(paced.text).toBe(canonicalJson({ ...value, seizures }));
    expect(calls).toBe(999);
    // The head, each item, the tail: never one string of the whole array.
    expect(paced.pieces).toBe(999 + 2);
    expect((await written((w) => canonicalJsonPaced({ b: 1 }, 'a', [], async () => undefined, w))).text).toBe('{"a":[],"b":1}');
    await expect(canonicalJsonPaced({}, 'a', [undefined], async () => undefined, () => undefined)).rejects.toThrow(TypeError);
  });

  it('the seizures CSV paced by chunks equals the one-pass CSV, marked or not, and counts every row', async () => {
    const seizures: Seizure[] = new CaseDoc(manySeizures(999)).listSeizures();
    const marking = { tlp: 'AMBER', caseNumber: 'NEST-2026-0001' };
    const rows: number[] = [];
    const paced = await written((w) => seizuresToCsvPaced(seizures, marking, async (n) => void rows.push(n), w, 500));
    expect(paced.text).toBe(seizuresToCsv(seizures, marking));
    expect(paced.pieces).toBe(1 + 2);
    expect(rows).toEqual([500, 499]);
    expect((await written((w) => seizuresToCsvPaced(seizures, undefined, async () => undefined, w, 7))).text).toBe(seizuresToCsv(seizures));
    expect((await written((w) => seizuresToCsvPaced([], marking, async () => undefined, w))).text).toBe(seizuresToCsv([], marking));
  });

  it('the STIX bundle written piece by piece equals the one-pass bundle for every test case, with pauses all through', async () => {
    for (const doc of [demoCase(), arabicCase(), everyKindCase(), emptyCase(), manySeizures(999)]) {
      const snap = caseSnapshot(WS, doc);
      const pieces: string[] = [];
      let seizuresCounted = 0;
      let pauses = 0;
      // Characters written between two pauses, at most (the longest step that holds the event loop).
      let sincePause = 0;
      let longest = 0;
      const write = (t: string): void => {
        pieces.push(t);
        sincePause += t.length;
        longest = Math.max(longest, sincePause);
      };
      await writeStixBundlePaced(snap, write, async (n) => void (seizuresCounted += n), async () => void ((sincePause = 0), pauses++), 100);
      const whole = pieces.join('');
      expect(whole).toBe(stixBundleJson(snap));
      // Every seizure counted twice: identified, then its objects written.
      expect(seizuresCounted).toBe(2 * snap.seizures.length);
      const objects = (JSON.parse(whole) as { objects: unknown[] }).objects.length;
      // A pause after every 100 objects written (and more while sorting and writing the grouping's refs).
      expect(pauses).toBeGreaterThanOrEqual(Math.floor((objects - 4) / 100));
      if (snap.seizures.length === 999) {
        // 999 seizures (2,997 objects, ~2.6 M characters): never more than ~100 objects' text (at
        // most ~190,000 characters) in one step; the one-step build wrote the whole bundle between two pauses.
        expect(pieces.length).toBeGreaterThan(objects);
        expect(longest).toBeLessThan(whole.length / 10);
      }
    }
  });

  it('text written in pieces is encoded in chunks that join to the UTF-8 of the whole text', () => {
    const chunks = new TextChunks();
    const pieces = Array.from({ length: 3000 }, (_, i) => `${'عاج 🐘 "x"\n'.repeat(i % 200)}${i},`);
    for (const p of pieces) chunks.write(p);
    const whole = pieces.join('');
    expect(whole.length).toBeGreaterThan(2 * TEXT_CHUNK);
    const { chunks: out, bytes } = chunks.done();
    expect(out.length).toBeGreaterThanOrEqual(2);
    expect(Buffer.concat(out).equals(Buffer.from(whole, 'utf8'))).toBe(true);
    expect(bytes).toBe(Buffer.byteLength(whole, 'utf8'));
    expect(new TextChunks().done()).toEqual({ chunks: [], bytes: 0 });
  });
});
