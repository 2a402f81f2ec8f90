// @vitest-environment happy-dom
/**
 * The valuation detail dialog over a real case doc: each assigned price is its own form, so Enter
 * in one of its fields (a submit of that form) saves that price's factor and nothing else, and the
 * labels come from the catalogue (alternative price, several prices with a plural).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { SeizureValuationRow } from '../../../shared/rpc/valuation';
import { ValuationDetailDialog } from '../../../renderer/src/valuation/valuation-detail-dialog';
import { PRICE, RAW_1, W, setup } from './case-fixture';

afterEach(cleanup);

const ROW: SeizureValuationRow = {
  seizureId: RAW_1,
  date: '2019-04-03',
  datePrecision: 'day',
  sector: 'wildlife',
  commodity: 'elephant ivory (raw tusks)',
  taxon: '',
  quantity: 3500,
  unit: 'kg',
  place: 'Pasir Panjang',
  country: 'SG',
  status: 'not-valued',
  estimate: null,
  reported: null,
  valuations: [],
};

describe('ValuationDetailDialog', () => {
  it('saves one price’s factor when its form is submitted, and counts several prices with a plural', () => {
    const { cv } = setup();
    const V1 = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f6201';
    const V2 = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f6202';
    cv.addValuation(V1, { seizureId: RAW_1, priceReferenceId: PRICE.id, factor: null, notes: '' }, W);
    cv.addValuation(V2, { seizureId: RAW_1, priceReferenceId: PRICE.id, factor: null, notes: '' }, W);
    render(<ValuationDetailDialog row={ROW} quotes={[]} reportingCurrency="USD" records={cv.listValuations()} prices={[PRICE]} cv={cv} writer={W} readOnly={false} onClose={() => undefined} />);
    const dialog = screen.getByRole('dialog', { name: 'Valuation: elephant ivory (raw tusks)' });
    expect(within(dialog).getByText('This seizure has 2 prices: its range covers all of them.')).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Add an alternative price' })).toBeTruthy();

    const second = within(dialog).getByRole('region', { name: 'Price 2' });
    fireEvent.change(within(second).getByLabelText(/Factor, low/), { target: { value: '1' } });
    fireEvent.change(within(second).getByLabelText(/Factor, high/), { target: { value: '1.43' } });
    fireEvent.change(within(second).getByLabelText('What the factor converts'), { target: { value: 'worked to raw ivory equivalent' } });
    fireEvent.submit(within(second).getByLabelText('What the factor converts').closest('form')!);

    const factors = new Map(cv.listValuations().map((v) => [v.id, v.factor]));
    expect(factors.get(V2)).toEqual({ low: 1, high: 1.43, label: 'worked to raw ivory equivalent' });
    expect(factors.get(V1)).toBeNull();
    expect(within(second).getByRole('status').textContent).toBe('Saved');
  });
});
