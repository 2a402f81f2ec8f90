/**
 * Projections: after random sequences of case edits (add, update, delete seizures, meta and
 * summary edits, imports, entities and their links, exhibits and custody entries), the
 * incrementally maintained tables — the search index's entity rows included — equal a rebuild from
 * the docs; exhibits and custody entries are found by search.
 */
import { databaseOf } from '../../../service/workspace/workspace-store';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { CaseNotes } from '../../../shared/docs/case-notes';
import { CaseTasks } from '../../../shared/docs/case-tasks';
import { CaseCustody } from '../../../shared/docs/case-custody';
import { CaseExhibits } from '../../../shared/docs/case-exhibits';
import { newExhibitFields } from '../../../shared/domain/exhibit';
import { newCaseFields } from '../../../shared/domain/case';
import { newLinkFields } from '../../../shared/domain/entity-links';
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
  | { kind: 'import'; caseIx: number; rows: SeizureFields[] }
  | { kind: 'fields'; caseIx: number; severity: 1 | 2 | 3 | 4; tags: string[]; assignee: string }
  | { kind: 'notes'; caseIx: number; text: string }
  | { kind: 'task'; caseIx: number; title: string }
  | { kind: 'entity'; caseIx: number; name: string; imo: string }
  | { kind: 'entity-delete'; caseIx: number; pick: number }
  | { kind: 'link'; caseIx: number; pick: number; source: string }
  | { kind: 'exhibit'; caseIx: number; seal: string; description: string }
  | { kind: 'exhibit-edit'; caseIx: number; pick: number; seal: string }
  | { kind: 'exhibit-delete'; caseIx: number; pick: number }
  | { kind: 'custody'; caseIx: number; pick: number; receiver: string; place: string };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), caseIx: fc.nat(2), fields: seizureArb }),
  fc.record({ kind: fc.constant('update' as const), caseIx: fc.nat(2), pick: fc.nat(), fields: seizureArb.map((s) => ({ quantity: s.quantity, unit: s.unit, place: s.place, latitude: s.latitude, longitude: s.longitude })) }),
  fc.record({ kind: fc.constant('delete' as const), caseIx: fc.nat(2), pick: fc.nat() }),
  fc.record({ kind: fc.constant('meta' as const), caseIx: fc.nat(2), title: fc.constantFrom('Ivory', 'Timber ring', 'IUU fleet'), status: fc.constantFrom('open' as const, 'closed' as const) }),
  fc.record({ kind: fc.constant('summary' as const), caseIx: fc.nat(2), text: fc.string({ maxLength: 40 }) }),
  fc.record({ kind: fc.constant('import' as const), caseIx: fc.nat(2), rows: fc.array(seizureArb, { maxLength: 6 }) }),
  fc.record({ kind: fc.constant('fields' as const), caseIx: fc.nat(2), severity: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const), tags: fc.subarray(['ivory', 'port', 'op:thunder']), assignee: fc.constantFrom('', 'bob', 'carol') }),
  fc.record({ kind: fc.constant('notes' as const), caseIx: fc.nat(2), text: fc.constantFrom('MV Ocean Star', 'bill of lading', 'Lagos forwarder') }),
  fc.record({ kind: fc.constant('task' as const), caseIx: fc.nat(2), title: fc.constantFrom('Lab test', 'Interview master', 'Freeze account') }),
  fc.record({ kind: fc.constant('entity' as const), caseIx: fc.nat(2), name: fc.constantFrom('Kota Hapas', 'MV Ocean Star', 'Baraka Traders'), imo: fc.constantFrom('9074729', '') }),
  fc.record({ kind: fc.constant('entity-delete' as const), caseIx: fc.nat(2), pick: fc.nat() }),
  fc.record({ kind: fc.constant('link' as const), caseIx: fc.nat(2), pick: fc.nat(), source: fc.constantFrom('Lloyd’s List', 'ICA press release', '') }),
  fc.record({ kind: fc.constant('exhibit' as const), caseIx: fc.nat(2), seal: fc.constantFrom('S-100', 'TZ-4471', ''), description: fc.constantFrom('Tusk, left', 'Scale sample', 'Phone') }),
  fc.record({ kind: fc.constant('exhibit-edit' as const), caseIx: fc.nat(2), pick: fc.nat(), seal: fc.constantFrom('S-200', 'KE-0001') }),
  fc.record({ kind: fc.constant('exhibit-delete' as const), caseIx: fc.nat(2), pick: fc.nat() }),
  fc.record({ kind: fc.constant('custody' as const), caseIx: fc.nat(2), pick: fc.nat(), receiver: fc.constantFrom('Lab clerk Obi', 'Insp. Bello'), place: fc.constantFrom('Apapa port', 'Forensic lab') }),
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
                // A closed case needs its resolution (layout 2).
                cd.updateMeta({ title: op.title, status: op.status, ...(op.status === 'closed' ? { resolution: 'prosecuted' as const } : {}) }, w);
                break;
              case 'summary':
                cd.setSummary(op.text, w);
                break;
              case 'fields':
                cd.updateMeta({ severity: op.severity, tags: op.tags, assignee: op.assignee }, w);
                break;
              case 'notes': {
                const p = new Y.XmlElement('paragraph');
                p.insert(0, [new Y.XmlText(op.text)]);
                const frag = new CaseNotes(doc).fragment;
                doc.transact(() => frag.insert(frag.length, [p]), { memberId: w.memberId, kind: 'local-write' });
                break;
              }
              case 'task':
                new CaseTasks(doc).add([{ id: crypto.randomUUID(), fields: { title: op.title } }], w);
                break;
              case 'entity':
                cd.addEntity(crypto.randomUUID(), { kind: 'vessel', name: op.name, aliases: [], imo: op.imo, mmsi: '', flag: 'SG', callSign: '', notes: '' }, w);
                break;
              case 'entity-delete': {
                const es = cd.listEntities();
                if (es.length) cd.deleteEntity(es[op.pick % es.length]!.id, w);
                break;
              }
              case 'link': {
                const es = cd.listEntities();
                if (es.length >= 2) {
                  const from = es[op.pick % es.length]!;
                  const to = es[(op.pick + 1) % es.length]!;
                  cd.addLink(crypto.randomUUID(), { ...newLinkFields(from.id, to.id, 'owner'), source: op.source }, w);
                }
                break;
              }
              case 'exhibit':
                new CaseExhibits(doc).add(crypto.randomUUID(), { ...newExhibitFields(), description: op.description, sealNumber: op.seal }, w);
                break;
              case 'exhibit-edit':
              case 'exhibit-delete':
              case 'custody': {
                const ex = new CaseExhibits(doc);
                const all = ex.list();
                const e = all.length ? all[op.pick % all.length]! : null;
                if (!e) break;
                if (op.kind === 'exhibit-edit') ex.update(e.id, { sealNumber: op.seal }, w);
                else if (op.kind === 'exhibit-delete') ex.remove(e.id, w);
                else new CaseCustody(doc).record(crypto.randomUUID(), { exhibitId: e.id, releasedBy: 'Insp. Ade', receivedBy: op.receiver, at: 1_780_000_000_000, place: op.place, purpose: '', sealIntact: true, newSealNumber: '', condition: '', corrects: null }, w, () => true);
                break;
              }
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
      { numRuns: 60, seed: 20261206 },
    );
    expect(runs).toBe(60);
    const counts = databaseOf(ws.store).prepare('SELECT SUM(seizure_count) FROM cases').pluck().get() as number;
    expect(counts).toBe(databaseOf(ws.store).prepare('SELECT COUNT(*) FROM seizures').pluck().get());
  }, 120_000);

  it('projects the layout-2 case fields, filters the list by them, and searches notes and tasks', async () => {
    h = startService();
    const c = h.client();
    const me = await c.call('identity.create', { name: 'A', agency: 'B', role: 'admin' });
    const ws = await c.call('workspaces.create', { name: 'W', casePrefix: 'NEST', reportingCurrency: 'USD' });
    const a = await c.call('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-01-01'), title: 'Pangolin scales', severity: 4, tags: ['pangolin', 'port'], assignee: me.memberId } });
    const b = await c.call('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-01-01'), title: 'Rosewood' } });
    expect(a).toMatchObject({ severity: 4, tags: ['pangolin', 'port'], assignee: me.memberId, closedOn: '', resolution: '' });
    const list = (q: Record<string, unknown>): Promise<string[]> => c.call('cases.list', { workspaceId: ws.id, ...q }).then((r) => r.map((x) => x.title).sort());
    expect(await list({ severity: 4 })).toEqual(['Pangolin scales']);
    expect(await list({ assignee: '' })).toEqual(['Rosewood']);
    expect(await list({ tag: 'PORT' })).toEqual(['Pangolin scales']);
    expect((await c.call('cases.list', { workspaceId: ws.id, sortBy: 'severity', sortDir: 'desc' })).map((x) => x.title)).toEqual(['Pangolin scales', 'Rosewood']);
    const rt = h.service.workspace(ws.id);
    rt.host.with(rt.caseDocName(b.id), (doc) => {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText('Shipped by Kuala Timber Sdn Bhd')]);
      const frag = new CaseNotes(doc).fragment;
      doc.transact(() => frag.insert(0, [p]), { memberId: me.memberId, kind: 'local-write' });
      new CaseTasks(doc).add([{ id: crypto.randomUUID(), fields: { title: 'Subpoena the consignee bank' } }], { memberId: me.memberId });
    });
    expect((await c.call('search.query', { workspaceId: ws.id, text: 'Kuala' })).map((x) => x.caseId)).toEqual([b.id]);
    expect((await c.call('search.query', { workspaceId: ws.id, text: 'subpoena' })).map((x) => x.caseId)).toEqual([b.id]);
    expect(databaseOf(rt.store).prepare('SELECT notes FROM cases WHERE id = ?').pluck().get(b.id)).toBe('Shipped by Kuala Timber Sdn Bhd');
  });

  it('finds a case by the seal number and reference and by a custody holder or place, until the exhibit is deleted', async () => {
    h = startService();
    const c = h.client();
    const me = await c.call('identity.create', { name: 'A', agency: 'B', role: 'admin' });
    const ws = await c.call('workspaces.create', { name: 'W', casePrefix: 'NEST', reportingCurrency: 'USD' });
    const a = await c.call('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-01-01'), title: 'Ivory' } });
    await c.call('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-01-01'), title: 'Rosewood' } });
    const rt = h.service.workspace(ws.id);
    const w = { memberId: me.memberId };
    const exhibitId = crypto.randomUUID();
    rt.host.with(rt.caseDocName(a.id), (doc) => {
      new CaseExhibits(doc).add(exhibitId, { ...newExhibitFields(), description: 'Tusk, left', sealNumber: 'TZ-4471' }, w);
      new CaseCustody(doc).record(crypto.randomUUID(), { exhibitId, releasedBy: 'Insp. Ade', receivedBy: 'Okonkwo', at: 1_780_000_000_000, place: 'Apapa', purpose: '', sealIntact: false, newSealNumber: 'KE-9902', condition: '', corrects: null }, w, () => true);
    });
    const hits = (text: string): Promise<string[]> => c.call('search.query', { workspaceId: ws.id, text }).then((r) => r.map((x) => x.caseId));
    expect(await hits('TZ-4471')).toEqual([a.id]);
    expect(await hits(`${a.number}/EX-001`)).toEqual([a.id]);
    expect(await hits('Okonkwo')).toEqual([a.id]);
    expect(await hits('Apapa')).toEqual([a.id]);
    expect(await hits('KE-9902')).toEqual([a.id]);
    rt.host.with(rt.caseDocName(a.id), (doc) => new CaseExhibits(doc).remove(exhibitId, w));
    expect(await hits('TZ-4471')).toEqual([]);
    expect(await hits('Okonkwo')).toEqual([]);
  });
});
