/**
 * A small real case for the valuation dialog tests: a CaseDoc with two raw-ivory seizures in kg,
 * carved ivory in pieces (not convertible to kg) and pangolin scales, its CaseValuations view, and
 * one price per kg (a TEST PRICE, not a published figure).
 */
import * as Y from 'yjs';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { CaseValuations } from '../../../shared/docs/case-valuations';
import { newSeizureFields } from '../../../shared/domain/seizure';
import type { PriceReference } from '../../../shared/domain/price-reference';

/** The writer of every edit. */
export const W = { memberId: 'inv-1', now: () => 1_700_000_000_000 };
export const RAW_1 = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f6101';
export const RAW_2 = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f6102';
export const CARVED = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f6103';
export const PANGOLIN = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f6104';

/** USD 730–2,100 per kg. */
export const PRICE: PriceReference = {
  id: '22222222-2222-4222-8222-222222222222',
  commodity: 'elephant ivory (raw tusks)',
  taxon: 'Elephantidae',
  low: 730,
  high: 2100,
  currency: 'USD',
  unit: 'kg',
  marketLevel: 'wholesale',
  place: 'Beijing',
  country: 'CN',
  date: '2017-01-01',
  citationTitle: 'TEST PRICE for a unit test: not a published figure',
  citationUrl: '',
  notes: '',
  createdBy: 'admin-1',
  createdAt: 1,
  updatedBy: 'admin-1',
  updatedAt: 1,
};

/** A case with two raw-ivory seizures in kg, carved ivory in pieces (not convertible to kg) and pangolin scales. */
export function setup(): { doc: Y.Doc; cd: CaseDoc; cv: CaseValuations } {
  const doc = new Y.Doc();
  const cd = new CaseDoc(doc);
  cd.init('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f6001', 'NEST-2026-0001', { title: 'Ivory', status: 'investigating', sector: 'wildlife', tlp: 'AMBER', jurisdictions: ['SG'], leadAgency: 'Customs', openedOn: '2026-01-05' }, W);
  const add = (id: string, commodity: string, quantity: number, unit: 'kg' | 'pieces', date: string): void => {
    cd.addSeizure(id, { ...newSeizureFields(date), country: 'SG', place: 'Pasir Panjang', commodity, quantity, unit }, W);
  };
  add(RAW_1, 'elephant ivory (raw tusks)', 3500, 'kg', '2019-04-03');
  add(RAW_2, 'elephant ivory (raw tusks)', 8800, 'kg', '2019-07-21');
  add(CARVED, 'elephant ivory (carved)', 40, 'pieces', '2018-02-11');
  add(PANGOLIN, 'pangolin scales', 12_900, 'kg', '2019-04-08');
  return { doc, cd, cv: new CaseValuations(doc) };
}
