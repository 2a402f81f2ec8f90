/**
 * Entities and links in the case doc (issue 12 item 3): per-kind validation with the catalogue's
 * identifier reasons (IMO check digit, IBAN, E.164), canonical storage, stamps, audit with old →
 * new values read by the field history, deletion as a mark that hides the entity's links, lenient
 * reads, concurrent edits of different fields surviving, and the relay's deletion rules.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { newCaseFields } from '../../../shared/domain/case';
import { newSeizureFields } from '../../../shared/domain/seizure';
import { newLinkFields } from '../../../shared/domain/entity-links';
import { fieldHistory } from '../../../shared/docs/field-history';
import { classifyDeletion } from '../../../shared/permissions/deletion-rules';
import { NestError } from '../../../shared/errors';

const CASE_ID = '11111111-1111-4111-8111-111111111111';
const VESSEL = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const COMPANY = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const SEIZURE = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';
const LINK = 'dddddddd-dddd-4ddd-8ddd-dddddddddddd';
const alice = { memberId: 'alice', now: () => 1_700_000_000_000 };
const bob = { memberId: 'bob', now: () => 1_700_000_100_000 };

function newCase(doc = new Y.Doc()): CaseDoc {
  const cd = new CaseDoc(doc);
  cd.init(CASE_ID, 'NEST-2026-0001', { ...newCaseFields('2026-11-29'), title: 'Pangolin scales via Singapore' }, alice);
  return cd;
}

const vessel = { kind: 'vessel', name: 'Kota Hapas', aliases: [], imo: 'IMO 9074729', mmsi: '', flag: 'SG', callSign: '', notes: '' };
const company = { kind: 'organisation', name: 'Hai Phong Trading Co.', aliases: ['HP Trading'], registrationNumber: '0201234567', jurisdiction: 'VN', notes: '' };

function errorOf(fn: () => unknown): NestError {
  try {
    fn();
  } catch (e) {
    if (e instanceof NestError) return e;
    throw e;
  }
  throw new Error('did not throw');
}

describe('entities', () => {
  it('stores a vessel with its IMO in canonical form, stamped and audited', () => {
    const cd = newCase();
    cd.addEntity(VESSEL, vessel, alice);
    const e = cd.getEntity(VESSEL)!;
    expect(e.kind).toBe('vessel');
    expect(e.kind === 'vessel' && e.imo).toBe('9074729');
    expect(e.createdBy).toBe('alice');
    expect(e.createdAt).toBe(1_700_000_000_000);
    expect(cd.readAudit().at(-1)).toMatchObject({ action: 'entity.add', target: VESSEL, by: 'alice' });
  });

  it('refuses a wrong IMO check digit, a bad IBAN and a non-E.164 phone with the catalogue reasons, writing nothing', () => {
    const cd = newCase();
    const imo = errorOf(() => cd.addEntity(VESSEL, { ...vessel, imo: '9074728' }, alice));
    expect(imo.code).toBe('validation');
    expect(imo.issues?.[0]?.field).toBe('imo');
    expect(imo.issues?.[0]?.message).toContain('its last digit should be 9');
    const iban = errorOf(() => cd.addEntity(COMPANY, { kind: 'bank-account', iban: 'GB82 WEST 1234 5698 7654 33', accountNumber: '', bank: '', holder: '', country: 'GB', notes: '' }, alice));
    expect(iban.issues?.[0]?.message).toContain('check digits do not match');
    const phone = errorOf(() => cd.addEntity(COMPANY, { kind: 'phone', number: '6123 4567', notes: '' }, alice));
    expect(phone.issues?.[0]?.message).toContain('not an international phone number');
    expect(cd.listEntities()).toEqual([]);
  });

  it('updates fields with old → new values in the audit that the field history reads; kind cannot change', () => {
    const cd = newCase();
    cd.addEntity(VESSEL, vessel, alice);
    expect(cd.updateEntity(VESSEL, { name: 'Kota Hapas II', mmsi: '563012345' }, bob)).toEqual(['name', 'mmsi']);
    const e = cd.getEntity(VESSEL)!;
    expect(e.kind === 'vessel' && e.name).toBe('Kota Hapas II');
    expect(e.updatedBy).toBe('bob');
    const h = fieldHistory(cd.readAudit(), VESSEL, 'name', { by: 'alice', at: 1 });
    expect(h.map((v) => v.value)).toEqual(['Kota Hapas', 'Kota Hapas II']);
    expect(errorOf(() => cd.updateEntity(VESSEL, { kind: 'person' }, bob)).code).toBe('validation');
    expect(errorOf(() => cd.updateEntity(VESSEL, { imo: '1234568' }, bob)).issues?.[0]?.field).toBe('imo');
    expect(cd.updateEntity(VESSEL, { name: 'Kota Hapas II' }, bob)).toEqual([]);
  });

  it('deletes as a mark: hidden from lists, kept with its summary in the audit, and its links hidden', () => {
    const cd = newCase();
    cd.addEntity(VESSEL, vessel, alice);
    cd.addEntity(COMPANY, company, alice);
    cd.addLink(LINK, newLinkFields(COMPANY, VESSEL, 'operator'), alice);
    expect(cd.listLinks()).toHaveLength(1);
    cd.deleteEntity(VESSEL, bob);
    expect(cd.getEntity(VESSEL)).toBeNull();
    expect(cd.getEntity(VESSEL, true)?.kind).toBe('vessel');
    expect(cd.listEntities().map((e) => e.id)).toEqual([COMPANY]);
    expect(cd.listLinks()).toEqual([]);
    expect(cd.readAudit().at(-1)).toMatchObject({ action: 'entity.delete', target: VESSEL, summary: { kind: 'vessel', name: 'Kota Hapas', imo: '9074729' } });
    expect(errorOf(() => cd.deleteEntity(VESSEL, bob)).code).toBe('not-found');
  });

  it('reads a damaged record leniently: bad fields empty, good ones kept; unknown kinds left out', () => {
    const doc = new Y.Doc();
    const cd = newCase(doc);
    cd.addEntity(VESSEL, vessel, alice);
    doc.transact(() => {
      doc.getMap<Y.Map<unknown>>('entities').get(VESSEL)!.set('mmsi', 42);
      const odd = new Y.Map<unknown>();
      odd.set('kind', 'spaceship');
      doc.getMap<Y.Map<unknown>>('entities').set(COMPANY, odd);
    });
    const e = cd.getEntity(VESSEL)!;
    expect(e.kind === 'vessel' && [e.name, e.imo, e.mmsi]).toEqual(['Kota Hapas', '9074729', '']);
    expect(cd.listEntities().map((x) => x.id)).toEqual([VESSEL]);
  });

  it('keeps concurrent edits of different fields of one entity', () => {
    const a = newCase();
    a.addEntity(VESSEL, vessel, alice);
    const docB = new Y.Doc();
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(a.doc));
    const b = new CaseDoc(docB);
    a.updateEntity(VESSEL, { name: 'Kota Hapas (renamed)' }, alice);
    b.updateEntity(VESSEL, { mmsi: '563012345' }, bob);
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(a.doc, Y.encodeStateVector(docB)));
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(docB, Y.encodeStateVector(a.doc)));
    for (const cd of [a, b]) {
      const e = cd.getEntity(VESSEL)!;
      expect(e.kind === 'vessel' && [e.name, e.mmsi]).toEqual(['Kota Hapas (renamed)', '563012345']);
    }
  });
});

describe('links', () => {
  it('links an entity to an entity and to a seizure, with toKind, and refuses bad ends and dates', () => {
    const cd = newCase();
    cd.addEntity(VESSEL, vessel, alice);
    cd.addEntity(COMPANY, company, alice);
    cd.addSeizure(SEIZURE, { ...newSeizureFields('2019-04-03'), country: 'SG', commodity: 'pangolin scales', quantity: 12.9, unit: 't' }, alice);
    cd.addLink(LINK, { ...newLinkFields(COMPANY, VESSEL, 'operator'), startDate: '2018-01-01', source: 'Lloyd’s List' }, alice);
    const L2 = 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee';
    cd.addLink(L2, newLinkFields(COMPANY, SEIZURE, 'shipper'), bob);
    expect(cd.listLinks().map((l) => [l.from, l.to, l.relationship, l.toKind])).toEqual([
      [COMPANY, VESSEL, 'operator', 'entity'],
      [COMPANY, SEIZURE, 'shipper', 'seizure'],
    ]);
    expect(errorOf(() => cd.addLink('ffffffff-ffff-4fff-8fff-ffffffffffff', newLinkFields(COMPANY, COMPANY, 'owner'), alice)).issues?.[0]?.message).toBe('a record cannot be linked to itself');
    expect(errorOf(() => cd.addLink('ffffffff-ffff-4fff-8fff-ffffffffffff', newLinkFields(SEIZURE, COMPANY, 'owner'), alice)).message).toContain('is not an entity or seizure of this case');
    expect(errorOf(() => cd.updateLink(LINK, { endDate: '2017-01-01' }, alice)).issues?.[0]?.message).toBe('the end date is before the start date');
    expect(cd.updateLink(LINK, { relationship: 'owner' }, bob)).toEqual(['relationship']);
    cd.deleteLink(L2, bob);
    expect(cd.listLinks().map((l) => l.relationship)).toEqual(['owner']);
    expect(cd.readAudit().at(-1)).toMatchObject({ action: 'link.delete', target: L2, summary: { relationship: 'shipper' } });
  });

  it('the relay treats entity and link records like seizures: removal is a record removal, a mark a flag', () => {
    expect(classifyDeletion(['entities'], VESSEL, true)).toEqual({ kind: 'record-removed', map: 'entities', recordId: VESSEL });
    expect(classifyDeletion(['links', LINK], 'deleted', false)).toEqual({ kind: 'record-flagged', map: 'links', recordId: LINK });
    expect(classifyDeletion(['entities', VESSEL], 'name', false)).toEqual({ kind: 'content' });
  });
});
