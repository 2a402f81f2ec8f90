/**
 * Case valuations in the case Y.Doc (shared/docs/case-valuations.ts): valuation records naming
 * their seizure, the interdiction-rate assumption, audit, and the path from records to an estimate.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { CaseValuations } from '../../../shared/docs/case-valuations';
import { newSeizureFields, type SeizureFields } from '../../../shared/domain/seizure';
import { caseEstimate, undetectedFlow } from '../../../shared/valuation/estimates';
import { valuateRecords } from '../../../shared/valuation/valuate';
import { IVORY_HKD_2017, rateTable, seizure } from './fixtures';

const W = { memberId: 'inv-1', now: () => 1_700_000_000_000 };
const CASE = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f5001';
const S7 = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f5107';
const S8 = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f5108';
const V1 = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f5201';
const V2 = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f5202';

/** A case doc holding real rows P07 and P08 as seizures. */
function caseWithSeizures(): Y.Doc {
  const doc = new Y.Doc();
  const c = new CaseDoc(doc);
  c.init(CASE, 'NEST-2026-0001', { title: 'Hong Kong ivory', status: 'investigating', sector: 'wildlife', tlp: 'AMBER', jurisdictions: ['HK'], leadAgency: 'Customs', openedOn: '2026-01-05' }, W);
  for (const [id, name] of [[S7, 'P07'], [S8, 'P08']] as const) {
    const p = seizure(name);
    const fields: SeizureFields = {
      ...newSeizureFields(p.seizureDate),
      country: 'HK',
      commodity: p.commodity,
      quantity: p.quantity,
      unit: p.unit,
      reportedValue: p.reportedValue,
      reportedCurrency: p.reportedCurrency,
    };
    c.addSeizure(id, fields, W);
  }
  return doc;
}

describe('valuation records', () => {
  it('name a live seizure of the case; factor is one value; audited', () => {
    const doc = caseWithSeizures();
    const v = new CaseValuations(doc);
    const rec = v.addValuation(V1, { seizureId: S7, priceReferenceId: IVORY_HKD_2017.id, factor: null, notes: '' }, W);
    expect(rec).toMatchObject({ id: V1, seizureId: S7, factor: null, createdBy: 'inv-1' });
    expect(doc.share.has('valuations')).toBe(true);
    expect(() => v.addValuation(V2, { seizureId: CASE, priceReferenceId: IVORY_HKD_2017.id, factor: null, notes: '' }, W)).toThrow(/does not exist in this case/);
    expect(() => v.addValuation(V2, { seizureId: S8, priceReferenceId: IVORY_HKD_2017.id, factor: { low: 1.5, high: 1.2, label: 'x' }, notes: '' }, W)).toThrow(/factor\.low: must not exceed/);
    expect(() => v.addValuation(V2, { seizureId: S8, priceReferenceId: IVORY_HKD_2017.id, factor: { low: 1, high: 1.2, label: '' }, notes: '' }, W)).toThrow(/factor\.label/);
    expect(v.updateValuation(V1, { factor: { low: 1, high: 1.43, label: 'worked to raw ivory equivalent (test input)' } }, W)).toEqual(['factor']);
    expect(() => v.updateValuation(V1, { seizureId: S8 } as never, W)).toThrow(/cannot be changed/);
    expect(v.valuationsForSeizure(S7)).toHaveLength(1);
    v.deleteValuation(V1, W);
    expect(v.listValuations()).toEqual([]);
    const actions = doc.getArray('audit').toArray().map((a) => (a as { action: string }).action);
    expect(actions.slice(-3)).toEqual(['valuation.add', 'valuation.update', 'valuation.delete']);
  });
  it('flow from records to a case estimate (P07 valued, P08 not)', () => {
    const doc = caseWithSeizures();
    const v = new CaseValuations(doc);
    v.addValuation(V1, { seizureId: S7, priceReferenceId: IVORY_HKD_2017.id, factor: null, notes: '' }, W);
    const seizures = new CaseDoc(doc).listSeizures();
    const results = valuateRecords(v.listValuations(), seizures, [IVORY_HKD_2017], { rates: rateTable(), reportingCurrency: 'HKD' });
    const e = caseEstimate(seizures, results, 'HKD');
    // 1,323 kg × HKD 10,000 = HKD 13,230,000 (= USD 1,706,802.62 at the ECB rates of 3 January 2013)
    expect(e.total.reporting).toEqual({ low: 13_230_000, high: 13_230_000, currency: 'HKD' });
    expect(e.total.usd.low).toBeCloseTo(1_706_802.6153, 3);
    expect(e.notValued).toEqual([S8]);
  });
});

describe('interdiction-rate assumption', () => {
  it('is set as one value, validated, cleared, audited and observed', () => {
    const doc = caseWithSeizures();
    const v = new CaseValuations(doc);
    const changes: boolean[] = [];
    const off = v.observe((c) => changes.push(c.assumptions));
    expect(v.readInterdictionRate()).toBeNull();
    expect(() => v.setInterdictionRate({ low: 0.3, high: 0.1, basis: 'x', notes: '' }, W)).toThrow(/low: must not exceed/);
    expect(() => v.setInterdictionRate({ low: 0, high: 0.1, basis: 'x', notes: '' }, W)).toThrow(/greater than 0 %/);
    v.setInterdictionRate({ low: 0.1, high: 0.3, basis: 'Assumed for illustration (test input)', notes: '' }, W);
    const a = v.readInterdictionRate()!;
    expect(a).toEqual({ low: 0.1, high: 0.3, basis: 'Assumed for illustration (test input)', notes: '', updatedBy: 'inv-1', updatedAt: 1_700_000_000_000 });
    const flow = undetectedFlow({ low: 13_230_000, high: 13_230_000, currency: 'HKD' }, a);
    expect(flow.totalFlow.high).toBeCloseTo(132_300_000, 4);
    v.setInterdictionRate(null, W);
    expect(v.readInterdictionRate()).toBeNull();
    off();
    expect(changes).toEqual([true, true]);
    expect(doc.getArray('audit').toArray().slice(-2).map((x) => (x as { action: string }).action)).toEqual(['assumption.interdiction', 'assumption.interdiction.clear']);
  });
  it('concurrent settings converge to one whole assumption (never low from one and high from another)', () => {
    const a = caseWithSeizures();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    new CaseValuations(a).setInterdictionRate({ low: 0.1, high: 0.2, basis: 'A', notes: '' }, W);
    new CaseValuations(b).setInterdictionRate({ low: 0.3, high: 0.5, basis: 'B', notes: '' }, { memberId: 'inv-2' });
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
    const ra = new CaseValuations(a).readInterdictionRate()!;
    expect(new CaseValuations(b).readInterdictionRate()).toEqual(ra);
    expect([['A', 0.1, 0.2], ['B', 0.3, 0.5]]).toContainEqual([ra.basis, ra.low, ra.high]);
  });
});
