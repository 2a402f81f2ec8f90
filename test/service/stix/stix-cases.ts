/**
 * Case docs for the STIX tests, written through the real CaseDoc helpers: a demo-like case, a case
 * with Arabic names, a case with every entity kind and every link relationship, and an empty case.
 */
import * as Y from 'yjs';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { newCaseFields, type CaseFieldsInput } from '../../../shared/domain/case';
import { newSeizureFields, type SeizureFields } from '../../../shared/domain/seizure';
import { RELATIONSHIPS, type Relationship } from '../../../shared/domain/entity-links';
import type { EntityFieldsInput } from '../../../shared/domain/entities';

/** The workspace id the test cases belong to. */
export const WS = '11111111-1111-4111-8111-111111111111';
const W = { memberId: 'm-ada' };

/** A numbered test id `n` as a UUID. */
export const uid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A seizure's fields with sensible defaults and `over` applied. */
export function seizure(over: Partial<SeizureFields>): SeizureFields {
  return { ...newSeizureFields('2026-12-01'), seizureDate: '2026-11-30', commodity: 'ivory', ...over };
}

/** A new case doc with `fields`, filled by `fill`. */
export function caseDocWith(fields: Partial<CaseFieldsInput>, fill?: (cd: CaseDoc) => void): Y.Doc {
  const doc = new Y.Doc();
  const cd = new CaseDoc(doc);
  cd.init(uid(9000), 'NEST-2026-0001', { ...newCaseFields('2026-11-01'), title: 'Case', ...fields }, W);
  fill?.(cd);
  return doc;
}

/** An empty case (no seizures, entities or links; no lead agency). */
export const emptyCase = (): Y.Doc => caseDocWith({ title: 'Empty case', tlp: 'CLEAR' });

/** A demo-like case: two seizures with places and agencies, a trafficker, a company, links. */
export function demoCase(): Y.Doc {
  return caseDocWith({ title: 'Ivory through Pasir Panjang', tlp: 'AMBER', leadAgency: 'Singapore Customs', participatingAgencies: ['NParks'], jurisdictions: ['SG', 'MY'], tags: ['ivory', 'op:thunder'], pap: 'GREEN', severity: 3 }, (cd) => {
    cd.setSummary('Two shipments of tusks declared as tea.', W);
    cd.addSeizure(uid(1), seizure({ country: 'SG', place: 'Pasir Panjang', latitude: 1.274, longitude: 103.764, commodity: 'elephant ivory', taxon: 'Loxodonta africana', citesAppendix: 'I', quantity: 8.8, unit: 't', seizingAgencies: ['Singapore Customs'], reportedValue: 12900000, reportedCurrency: 'USD', originCountries: ['NG'] }), W);
    cd.addSeizure(uid(2), seizure({ seizureDate: '2026-10-02', country: 'MY', commodity: 'pangolin scales', taxon: 'Manis', citesAppendix: 'I', quantity: 1200, unit: 'kg' }), W);
    cd.addEntity(uid(10), { kind: 'person', name: 'John Doe', aliases: ['JD'], birthDate: '1970-01-02', nationalities: ['NG'], idDocuments: [{ type: 'passport', number: 'A1234567', country: 'NG' }], notes: '' }, W);
    cd.addEntity(uid(11), { kind: 'organisation', name: 'Tea Traders Pte Ltd', aliases: [], registrationNumber: '201912345K', jurisdiction: 'SG', notes: 'front company' }, W);
    cd.addLink(uid(20), { from: uid(10), to: uid(11), relationship: 'director', startDate: '2020-01-01', endDate: '', source: 'ACRA', note: '' }, W);
    cd.addLink(uid(21), { from: uid(11), to: uid(1), relationship: 'shipper', startDate: '', endDate: '', source: '', note: 'bill of lading' }, W);
  });
}

/** A case with Arabic names in the title, summary, seizure place and entities. */
export function arabicCase(): Y.Doc {
  return caseDocWith({ title: 'عاج عبر ميناء جدة', tlp: 'RED', leadAgency: 'هيئة الزكاة والضريبة والجمارك', jurisdictions: ['SA'] }, (cd) => {
    cd.setSummary('شحنة من قرون وحيد القرن', W);
    cd.addSeizure(uid(1), seizure({ country: 'SA', place: 'ميناء جدة الإسلامي', latitude: 21.48, longitude: 39.17, commodity: 'قرن وحيد القرن', taxon: 'Ceratotherium simum', citesAppendix: 'I', quantity: 12, unit: 'pieces', seizingAgencies: ['هيئة الزكاة والضريبة والجمارك'] }), W);
    cd.addEntity(uid(10), { kind: 'person', name: 'محمد عبد الله', aliases: ['أبو أحمد'], birthDate: '', nationalities: ['SA'], idDocuments: [], notes: 'مشتبه به' }, W);
    cd.addLink(uid(20), { from: uid(10), to: uid(1), relationship: 'involved-in', startDate: '', endDate: '', source: '', note: '' }, W);
  });
}

/** One entity of every kind (ids uid(100 + i), in ENTITY_KINDS order). */
export const EVERY_KIND: EntityFieldsInput[] = [
  { kind: 'person', name: 'Chen Wei', aliases: [], birthDate: '', nationalities: ['CN'], idDocuments: [], notes: '' },
  { kind: 'organisation', name: 'Ocean Freight Ltd', aliases: ['OFL'], registrationNumber: 'HK123', jurisdiction: 'HK', notes: '' },
  { kind: 'vessel', name: 'MV Sea Star', aliases: [], imo: '9074729', mmsi: '', flag: 'PA', callSign: 'H3AB', notes: '' },
  { kind: 'vehicle', plate: 'SGX1234A', country: 'SG', description: 'white van', notes: '' },
  { kind: 'aircraft', registration: '9V-SKA', description: 'A380', notes: '' },
  { kind: 'bank-account', iban: 'GB82 WEST 1234 5698 7654 32', accountNumber: '', bank: 'West Bank', holder: 'Ocean Freight Ltd', country: 'GB', notes: '' },
  { kind: 'crypto-wallet', currency: 'BTC', address: 'bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh', notes: '' },
  { kind: 'phone', number: '+65 6123 4567', notes: '' },
  { kind: 'email', address: 'Broker@Example.org', notes: 'from seized phone' },
  { kind: 'address', full: '1 Harbourfront Ave, Singapore', country: 'SG', latitude: 1.264, longitude: 103.82, notes: '' },
];

/** A case with every entity kind, an address without a place, and one link of every relationship. */
export function everyKindCase(): Y.Doc {
  return caseDocWith({ title: 'Every kind', tlp: 'AMBER+STRICT', leadAgency: 'INTERPOL' }, (cd) => {
    cd.addSeizure(uid(1), seizure({ commodity: 'rosewood', taxon: 'Dalbergia', citesAppendix: 'II', quantity: 3, unit: 'containers', country: 'MG' }), W);
    cd.addSeizure(uid(2), seizure({ commodity: 'unknown timber', quantity: null, country: 'MG' }), W);
    EVERY_KIND.forEach((e, i) => cd.addEntity(uid(100 + i), e, W));
    cd.addEntity(uid(120), { kind: 'address', full: 'somewhere unknown', country: '', latitude: null, longitude: null, notes: '' }, W);
    RELATIONSHIPS.forEach((r: Relationship, i) => {
      const to = r === 'involved-in' ? uid(1) : uid(100 + ((i + 1) % EVERY_KIND.length));
      cd.addLink(uid(200 + i), { from: uid(100 + (i % EVERY_KIND.length)), to, relationship: r, startDate: i % 2 ? '2025-01-01' : '', endDate: i % 3 === 0 && i % 2 ? '2025-06-30' : '', source: i % 4 ? '' : 'registry', note: i % 5 ? '' : 'noted' }, W);
    });
  });
}
