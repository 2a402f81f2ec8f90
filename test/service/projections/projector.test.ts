/**
 * Projections: after random sequences of case edits (add, update, delete seizures, meta and
 * summary edits, imports), the incrementally maintained tables equal a rebuild from the docs.
 */
import { databaseOf } from '../../../service/workspace/workspace-store';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { newCaseFields } from '../../../shared/domain/case';
import { newSeizureFields, type SeizureFields } from '../../../shared/domain/seizure';
import { CRIME_SECTORS, QUANTITY_UNITS } from '../../../shared/domain/codes';
import type { Db } from '../../../node/store/sqlite';
import { startService, type Harness } from '../../helpers/service';

let h: Harness | null = null;
afterEach(() => {
  h?.close();
  h = null;
});

function dump(db: Db): unknown {
  return {
    cases: db.prepare('SELECT * FROM cases ORDER BY id').all(),
    seizures: db.prepare('SELECT * FROM seizures ORDER BY id').all(),
    fts: db.prepare('SELECT kind, case_id, record_id, title, body FROM search_fts ORDER BY kind, record_id').all(),
  };
}

const seizureArb: fc.Arbitrary<SeizureFields> = fc.record({
  commodity: fc.constantFrom('elephant ivory', 'pangolin scales', 'rosewood logs', 'shark fin', 'mercury', 'HFC-134a'),
  sector: fc.constantFrom(...CRIME_SECTORS),
  quantity: fc.option(fc.double({ min: 0.001, max: 1e6, noNaN: true }), { nil: null }),
  unit: fc.constantFrom(...QUANTITY_UNITS),
  mapped: fc.boolean(),
  lat: fc.double({ min: -90, max: 90, noNaN: true }),
  lon: fc.double({ min: -180, max: 180, noNaN: true }),
  place: fc.constantFrom('Pasir Panjang', 'Hai Phong', 'Mombasa', 'Lagos', ''),
}).map((r) => ({
  ...newSeizureFields('2020-01-01'),
  country: 'SG',
  commodity: r.commodity,
  sector: r.sector,
  quantity: r.quantity,
  unit: r.unit,
  place: r.place,
  latitude: r.mapped ? r.lat : null,
  longitude: r.mapped ? r.lon : null,
}));

type Op =
  | { kind: 'add'; caseIx: number; fields: SeizureFields }
  | { kind: 'update'; caseIx: number; pick: number; fields: Partial<SeizureFields> }
  | { kind: 'delete'; caseIx: number; pick: number }
  | { kind: 'meta'; caseIx: number; title: string; status: 'open' | 'closed' }
  | { kind: 'summary'; caseIx: number; text: string }
  | { kind: 'import'; caseIx: number; rows: SeizureFields[] };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), caseIx: fc.nat(2), fields: seizureArb }),
  fc.record({ kind: fc.constant('update' as const), caseIx: fc.nat(2), pick: fc.nat(), fields: seizureArb.map((s) => ({ quantity: s.quantity, place: s.place, latitude: s.latitude, longitude: s.longitude })) }),
  fc.record({ kind: fc.constant('delete' as const), caseIx: fc.nat(2), pick: fc.nat() }),
  fc.record({ kind: fc.constant('meta' as const), caseIx: fc.nat(2), title: fc.constantFrom('Ivory', 'Timber ring', 'IUU fleet'), status: fc.constantFrom('open' as const, 'closed' as const) }),
  fc.record({ kind: fc.constant('summary' as const), caseIx: fc.nat(2), text: fc.string({ maxLength: 40 }) }),
  fc.record({ kind: fc.constant('import' as const), caseIx: fc.nat(2), rows: fc.array(seizureArb, { maxLength: 6 }) }),
);

describe('projections', () => {
  it('incremental projection equals a rebuild after random edits', async () => {
    h = startService();
    const c = h.client();
    const me = await c.call('identity.create', { name: 'A', agency: 'B', role: 'admin' });
    const wsSummary = await c.call('workspaces.create', { name: 'W', casePrefix: 'NEST', reportingCurrency: 'USD' });
    const ws = h.service.workspace(wsSummary.id);
    const caseIds: string[] = [];
    for (let i = 0; i < 3; i++) caseIds.push((await c.call('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-01-01'), title: `Case ${i}` } })).id);
    const w = { memberId: me.memberId };
    let runs = 0;
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 25 }), (ops) => {
        runs++;
        for (const op of ops) {
          const name = ws.caseDocName(caseIds[op.caseIx]!);
          ws.host.with(name, (doc) => {
            const cd = new CaseDoc(doc);
            const live = cd.listSeizures();
            const target = live.length ? live[('pick' in op ? op.pick : 0) % live.length]! : null;
            switch (op.kind) {
              case 'add':
                cd.addSeizure(crypto.randomUUID(), op.fields, w);
                break;
              case 'update':
                if (target) cd.updateSeizure(target.id, op.fields, w);
                break;
              case 'delete':
                if (target) cd.deleteSeizure(target.id, w);
                break;
              case 'meta':
                cd.updateMeta({ title: op.title, status: op.status }, w);
                break;
              case 'summary':
                cd.setSummary(op.text, w);
                break;
              case 'import':
                cd.importRecords({ seizures: op.rows.map((fields) => ({ id: crypto.randomUUID(), fields })), routes: [], source: 'random.csv' }, w);
                break;
            }
          });
        }
        const incremental = dump(databaseOf(ws.store));
        ws.rebuildProjections();
        expect(dump(databaseOf(ws.store))).toEqual(incremental);
      }),
      { numRuns: 60 },
    );
    expect(runs).toBe(60);
    const counts = databaseOf(ws.store).prepare('SELECT SUM(seizure_count) FROM cases').pluck().get() as number;
    expect(counts).toBe(databaseOf(ws.store).prepare('SELECT COUNT(*) FROM seizures').pluck().get());
  }, 120_000);
});
