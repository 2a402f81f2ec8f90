/**
 * STIX import: a bundle exported from a case imports into a new case whose export is equivalent
 * (stix-equivalence.ts says what is compared), for the fixed cases and for generated ones (fixed
 * seed); objects NEST cannot map are reported one by one; a malformed bundle gets its own error.
 */
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { newCaseFields } from '../../../shared/domain/case';
import { ENTITY_KINDS } from '../../../shared/domain/entities';
import { RELATIONSHIPS } from '../../../shared/domain/entity-links';
import { caseSnapshot } from '../../../service/stix/case-snapshot';
import { caseToStix, type StixBundle } from '../../../service/stix/export-bundle';
import { importStixCase } from '../../../service/stix/import-case';
import { readBundle } from '../../../service/stix/read-bundle';
import { TLP2_MARKING_IDS } from '../../../service/stix/markings';
import type { WorkspaceRuntime } from '../../../service/workspace/workspace-runtime';
import { startService, type Harness } from '../../helpers/service';
import { arabicCase, demoCase, emptyCase, EVERY_KIND, everyKindCase, seizure, uid, WS } from './stix-cases';
import { normalised } from './stix-equivalence';
import { stixValidator } from './stix-validator';

let h: Harness | null = null;
let rt: WorkspaceRuntime;
const validator = stixValidator();

beforeEach(async () => {
  h = startService({ clock: { now: () => Date.UTC(2026, 11, 6, 13, 30), today: () => '2026-12-06' } });
  const c = h.client();
  await c.call('identity.create', { name: 'Ada Lim', agency: 'NEST Secretariat', role: 'admin' });
  const ws = await c.call('workspaces.create', { name: 'NEST Singapore 2026', casePrefix: 'SGNEST', reportingCurrency: 'USD' });
  rt = h.service.workspace(ws.id);
});
afterEach(() => {
  h?.close();
  h = null;
});

/** The export of case `caseId` of the harness workspace. */
function exportOf(caseId: string): StixBundle {
  return rt.host.with(rt.caseDocName(caseId), (doc) => caseToStix(caseSnapshot(rt.id, doc)));
}

/** Export → import → export of `doc`; returns both bundles and the report. */
function roundTrip(doc: Y.Doc): { first: StixBundle; second: StixBundle; report: ReturnType<typeof importStixCase> } {
  const first = caseToStix(caseSnapshot(WS, doc));
  const report = importStixCase(rt, JSON.stringify(first), '2026-12-06');
  return { first, second: exportOf(report.caseId), report };
}

/** A small seeded PRNG (mulberry32): the same seed gives the same cases on every run. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** A generated case: random seizures, entities of random kinds, random links between them. */
function generatedCase(seed: number): Y.Doc {
  const r = prng(seed);
  const pick = <T>(l: readonly T[]): T => l[Math.floor(r() * l.length)]!;
  const tlps = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;
  const doc = new Y.Doc();
  const cd = new CaseDoc(doc);
  const w = { memberId: 'm-gen' };
  cd.init(uid(9000 + seed), 'NEST-2026-0099', { ...newCaseFields('2026-01-15'), title: `Generated ${seed} ${pick(['ivoire', 'عاج', 'marfil', 'ivory'])}`, tlp: pick(tlps), leadAgency: pick(['', 'KWS', 'Customs']), tags: r() < 0.5 ? ['gen'] : [] }, w);
  const seizureIds: string[] = [];
  const nSeizures = Math.floor(r() * 5);
  for (let i = 0; i < nSeizures; i++) {
    const mapped = r() < 0.6;
    seizureIds.push(uid(seed * 1000 + i));
    cd.addSeizure(uid(seed * 1000 + i), seizure({ seizureDate: `2025-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`, country: pick(['KE', 'SG', 'VN', 'NG']), commodity: pick(['ivory', 'pangolin scales', 'rosewood', 'قرن']), quantity: r() < 0.8 ? Math.round(r() * 10000) / 10 + 0.1 : null, unit: pick(['kg', 't', 'pieces'] as const), citesAppendix: pick(['I', 'II', 'III', null] as const), latitude: mapped ? Math.round(r() * 1e4) / 1e3 : null, longitude: mapped ? Math.round(r() * 1e4) / 1e3 : null, place: r() < 0.5 ? 'port' : '', seizingAgencies: r() < 0.5 ? ['KWS'] : [] }), w);
  }
  const entityIds: string[] = [];
  const nEntities = Math.floor(r() * 6);
  for (let i = 0; i < nEntities; i++) {
    const kind = pick(ENTITY_KINDS);
    const id = uid(seed * 1000 + 100 + i);
    const template = EVERY_KIND.find((e) => e.kind === kind)!;
    cd.addEntity(id, 'name' in template ? { ...template, name: `${template.name} ${i}` } : template, w);
    entityIds.push(id);
  }
  const nLinks = entityIds.length ? Math.floor(r() * 6) : 0;
  for (let i = 0; i < nLinks; i++) {
    const from = pick(entityIds);
    const to = r() < 0.4 && seizureIds.length ? pick(seizureIds) : pick(entityIds);
    if (to === from) continue;
    cd.addLink(uid(seed * 1000 + 500 + i), { from, to, relationship: pick(RELATIONSHIPS), startDate: r() < 0.5 ? '2024-03-01' : '', endDate: r() < 0.3 ? '2024-09-01' : '', source: r() < 0.5 ? 'wiretap' : '', note: r() < 0.5 ? 'note' : '' }, w);
  }
  return doc;
}

describe('STIX import', () => {
  for (const [name, make] of Object.entries({ demo: demoCase, arabic: arabicCase, everyKind: everyKindCase, empty: emptyCase })) {
    it(`${name}: export → import → export gives an equivalent bundle, nothing rejected`, () => {
      const { first, second, report } = roundTrip(make());
      expect(report.rejected).toEqual([]);
      expect(validator.validate(second)).toEqual([]);
      expect(normalised(second)).toEqual(normalised(first));
      expect(second.objects.length).toBe(first.objects.length);
    });
  }

  it('imports the demo case into a new case with its records, TLP and fields', () => {
    const { report } = roundTrip(demoCase());
    expect(report).toMatchObject({ seizures: 2, entities: 2, links: 2 });
    rt.host.with(rt.caseDocName(report.caseId), (doc) => {
      const cd = new CaseDoc(doc);
      expect(cd.readMeta()).toMatchObject({ title: 'Ivory through Pasir Panjang', tlp: 'AMBER', pap: 'GREEN', severity: 3, leadAgency: 'Singapore Customs', jurisdictions: ['SG', 'MY'] });
      expect(cd.listSeizures().map((s) => s.commodity).sort()).toEqual(['elephant ivory', 'pangolin scales']);
      expect(cd.listLinks().map((l) => l.relationship).sort()).toEqual(['director', 'shipper']);
      expect(cd.readSummary()).toBe('Two shipments of tusks declared as tea.');
    });
  });

  it('property: 25 generated cases (seed 14) validate and round-trip', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const doc = generatedCase(14 * 100 + seed);
      const { first, second, report } = roundTrip(doc);
      expect(validator.validate(first), `seed ${seed}`).toEqual([]);
      expect(report.rejected, `seed ${seed}`).toEqual([]);
      expect(normalised(second), `seed ${seed}`).toEqual(normalised(first));
    }
  });

  it('reports every object it cannot map, object by object, and still imports the rest', () => {
    const bundle = caseToStix(caseSnapshot(WS, demoCase()));
    const marking = TLP2_MARKING_IDS.AMBER;
    const base = { spec_version: '2.1', created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z', object_marking_refs: [marking] };
    const entityIds = bundle.objects.filter((o) => o.type === 'identity' && o.extensions).map((o) => o.id);
    const extra: Record<string, unknown>[] = [
      { ...base, type: 'malware', id: 'malware--0f2d8a33-4b11-4d7c-9a37-1c1c8e2b5a01', name: 'x', is_family: false },
      { ...base, type: 'incident', id: 'incident--0f2d8a33-4b11-4d7c-9a37-1c1c8e2b5a02', name: 'a partner incident' },
      { ...base, type: 'marking-definition', id: 'marking-definition--0f2d8a33-4b11-4d7c-9a37-1c1c8e2b5a03', definition_type: 'statement', definition: { statement: 'Copyright' } },
      { ...base, type: 'relationship', id: 'relationship--0f2d8a33-4b11-4d7c-9a37-1c1c8e2b5a04', relationship_type: 'indicates', source_ref: entityIds[0], target_ref: entityIds[1] },
      { ...base, type: 'relationship', id: 'relationship--0f2d8a33-4b11-4d7c-9a37-1c1c8e2b5a05', relationship_type: 'related-to', source_ref: entityIds[0], target_ref: 'identity--0f2d8a33-4b11-4d7c-9a37-1c1c8e2b5a99' },
      { ...base, type: 'identity', id: 'identity--0f2d8a33-4b11-4d7c-9a37-1c1c8e2b5a06', name: 'CERT', identity_class: 'system' },
      { type: 'note' },
      { ...bundle.objects[4]!, name: 'a second object with the same id' },
    ];
    const report = importStixCase(rt, JSON.stringify({ ...bundle, objects: [...bundle.objects, ...extra, { ...base, type: 'grouping', id: 'grouping--0f2d8a33-4b11-4d7c-9a37-1c1c8e2b5a07', name: 'second', context: 'unspecified', object_refs: [marking] }] }), '2026-12-06');
    expect(report.rejected.map((r) => [r.type, r.id])).toEqual([
      ['note', '(none)'],
      [bundle.objects[4]!.type, bundle.objects[4]!.id],
      ['grouping', 'grouping--0f2d8a33-4b11-4d7c-9a37-1c1c8e2b5a07'],
      ['incident', 'incident--0f2d8a33-4b11-4d7c-9a37-1c1c8e2b5a02'],
      ['malware', 'malware--0f2d8a33-4b11-4d7c-9a37-1c1c8e2b5a01'],
      ['marking-definition', 'marking-definition--0f2d8a33-4b11-4d7c-9a37-1c1c8e2b5a03'],
      ['identity', 'identity--0f2d8a33-4b11-4d7c-9a37-1c1c8e2b5a06'],
      ['relationship', 'relationship--0f2d8a33-4b11-4d7c-9a37-1c1c8e2b5a04'],
      ['relationship', 'relationship--0f2d8a33-4b11-4d7c-9a37-1c1c8e2b5a05'],
    ]);
    const reasons = report.rejected.map((r) => r.reason);
    expect(reasons).toContain('NEST Desk has no record for STIX objects of type malware');
    expect(reasons).toContain('relationship type indicates has no NEST equivalent');
    expect(reasons).toContain('it refers to identity--0f2d8a33-4b11-4d7c-9a37-1c1c8e2b5a99, which was not imported as an entity or seizure');
    expect(reasons).toContain('an identity of class system is neither a person nor an organisation');
    expect(reasons).toContain('another object of the bundle has the same id (only the first is imported)');
    expect(report).toMatchObject({ seizures: 2, entities: 2, links: 2 });
  });

  it('maps a partner bundle without NEST extensions: people, organisations, addresses, links; TLP from the official marking', () => {
    const base = { spec_version: '2.1', created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z', object_marking_refs: [TLP2_MARKING_IDS.RED] };
    const p = { ...base, type: 'identity', id: 'identity--1f2d8a33-4b11-4d7c-9a37-1c1c8e2b5a01', name: 'Jane Roe', identity_class: 'individual' };
    const o = { ...base, type: 'identity', id: 'identity--1f2d8a33-4b11-4d7c-9a37-1c1c8e2b5a02', name: 'Roe Logistics', identity_class: 'organization' };
    const l = { ...base, type: 'location', id: 'location--1f2d8a33-4b11-4d7c-9a37-1c1c8e2b5a03', name: 'Warehouse 9', country: 'ke', latitude: -4.05, longitude: 39.66 };
    const rel = { ...base, type: 'relationship', id: 'relationship--1f2d8a33-4b11-4d7c-9a37-1c1c8e2b5a04', relationship_type: 'located-at', source_ref: o.id, target_ref: l.id, start_time: '2025-02-03T00:00:00.000Z' };
    const g = { ...base, type: 'grouping', id: 'grouping--1f2d8a33-4b11-4d7c-9a37-1c1c8e2b5a05', name: 'Partner case', context: 'suspicious-activity', object_refs: [p.id, o.id, l.id, rel.id] };
    const plan = readBundle(JSON.stringify({ type: 'bundle', id: 'bundle--1f2d8a33-4b11-4d7c-9a37-1c1c8e2b5a06', objects: [g, p, o, l, rel] }), '2026-12-06');
    expect(plan.rejected).toEqual([]);
    expect(plan.fields).toMatchObject({ title: 'Partner case', tlp: 'RED', openedOn: '2026-12-06' });
    expect(plan.entities.map((e) => e.fields)).toEqual([
      expect.objectContaining({ kind: 'person', name: 'Jane Roe' }),
      expect.objectContaining({ kind: 'organisation', name: 'Roe Logistics' }),
      expect.objectContaining({ kind: 'address', full: 'Warehouse 9', country: 'KE', latitude: -4.05 }),
    ]);
    expect(plan.links).toEqual([{ ref: rel.id, from: o.id, to: l.id, fields: { relationship: 'located-at', startDate: '2025-02-03', endDate: '', source: '', note: '' } }]);
  });

  it('refuses a malformed bundle with a specific error', () => {
    expect(() => readBundle('{"type": "bundle", "objects": [', '2026-12-06')).toThrow(/not valid JSON/);
    expect(() => readBundle('[1, 2]', '2026-12-06')).toThrow(/top level is not a JSON object/);
    expect(() => readBundle('{"type": "report", "objects": []}', '2026-12-06')).toThrow(/its type is "report", not "bundle"/);
    expect(() => readBundle('{"type": "bundle", "id": "bundle--x"}', '2026-12-06')).toThrow(/no "objects" array/);
    expect(() => importStixCase(rt, 'not json', '2026-12-06')).toThrow(expect.objectContaining({ code: 'import-failed' }));
  });
});

