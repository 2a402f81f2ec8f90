/**
 * The paced serialisers a pack export uses to yield between chunks (canonical JSON with a long
 * array, seizures CSV, STIX bundle) write exactly the bytes their one-pass forms write — the pack
 * still verifies byte for byte — and call back once per item or chunk, so progress counts rows.
 */
import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalJsonPaced } from '../../../shared/packs/canonical-json';
import { CaseDoc } from '../../../shared/docs/case-doc';
import type { Seizure } from '../../../shared/domain/seizure';
import { seizuresToCsv, seizuresToCsvPaced } from '../../../service/export/export-csv';
import { caseSnapshot } from '../../../service/stix/case-snapshot';
import { stixBundleJson, stixBundleJsonPaced } from '../../../service/stix/export-bundle';
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

describe('paced serialisers', () => {
  it('canonical JSON with a long array paced item by item equals the one-pass form', async () => {
    const seizures = new CaseDoc(manySeizures(999)).listSeizures();
    const value = { schema: 'nest-case/3', z: [1, 2], audit: [{ a: 'seizures' }], case: { seizures: 'a "seizures" text' } };
    let calls = 0;
    const paced = await canonicalJsonPaced(value, 'seizures', seizures, async () => void calls++);
    expect(paced).toBe(canonicalJson({ ...value, seizures }));
    expect(calls).toBe(999);
    expect(await canonicalJsonPaced({ b: 1 }, 'a', [], async () => undefined)).toBe('{"a":[],"b":1}');
    await expect(canonicalJsonPaced({}, 'a', [undefined], async () => undefined)).rejects.toThrow(TypeError);
  });

  it('the seizures CSV paced by chunks equals the one-pass CSV, marked or not, and counts every row', async () => {
    const seizures: Seizure[] = new CaseDoc(manySeizures(999)).listSeizures();
    const marking = { tlp: 'AMBER', caseNumber: 'NEST-2026-0001' };
    const rows: number[] = [];
    expect(await seizuresToCsvPaced(seizures, marking, async (n) => void rows.push(n), 500)).toBe(seizuresToCsv(seizures, marking));
    expect(rows).toEqual([500, 499]);
    expect(await seizuresToCsvPaced(seizures, undefined, async () => undefined, 7)).toBe(seizuresToCsv(seizures));
    expect(await seizuresToCsvPaced([], marking, async () => undefined)).toBe(seizuresToCsv([], marking));
  });

  it('the STIX bundle paced by chunks equals the one-pass bundle for every test case', async () => {
    for (const doc of [demoCase(), arabicCase(), everyKindCase(), emptyCase(), manySeizures(999)]) {
      const snap = caseSnapshot(WS, doc);
      let seizuresCounted = 0;
      let pauses = 0;
      const paced = await stixBundleJsonPaced(snap, async (n) => void (seizuresCounted += n), async () => void pauses++, 100);
      expect(paced).toBe(stixBundleJson(snap));
      expect(seizuresCounted).toBe(snap.seizures.length);
      // Every object (the 4 fixed ones and the case's) is written in chunks of 100, a pause after each (and more while sorting).
      expect(pauses).toBeGreaterThanOrEqual(Math.ceil((JSON.parse(paced) as { objects: unknown[] }).objects.length / 100));
    }
  });
});
