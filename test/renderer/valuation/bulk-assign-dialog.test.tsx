// @vitest-environment happy-dom
/**
 * The bulk-assign dialog on FormDialog and DataTable, over a real case doc (CaseDoc seizures and
 * CaseValuations records): matching seizures grouped by commodity with their count, a seizure whose
 * unit the price cannot convert shown but not selectable (with the reason), the submit button
 * counting the checked seizures with a plural and disabled until there is something to assign, and
 * the valuations written to the doc.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import * as Y from 'yjs';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { CaseValuations } from '../../../shared/docs/case-valuations';
import { newSeizureFields } from '../../../shared/domain/seizure';
import type { PriceReference } from '../../../shared/domain/price-reference';
import { BulkAssignDialog } from '../../../renderer/src/valuation/bulk-assign-dialog';

afterEach(cleanup);

const W = { memberId: 'inv-1', now: () => 1_700_000_000_000 };
const RAW_1 = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f6101';
const RAW_2 = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f6102';
const CARVED = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f6103';
const PANGOLIN = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f6104';

const PRICE: PriceReference = {
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
function setup(): { doc: Y.Doc; cd: CaseDoc; cv: CaseValuations } {
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

describe('BulkAssignDialog', () => {
  it('groups the matches, keeps an unconvertible seizure out with its reason, counts with a plural and writes the valuations', () => {
    const { cd, cv } = setup();
    const done: [number, string][] = [];
    render(<BulkAssignDialog seizures={cd.listSeizures()} records={cv.listValuations()} prices={[PRICE]} cv={cv} writer={W} onClose={() => undefined} onDone={(n, p) => done.push([n, p.id])} />);
    const dialog = screen.getByRole('dialog', { name: 'Assign a price to seizures' });
    expect(within(dialog).getByRole('button', { name: 'Assign to 0 seizures' })).toHaveProperty('disabled', true);
    expect(within(dialog).getByText('Type part of a commodity or species name, or pick a sector, to list the seizures.')).toBeTruthy();

    fireEvent.change(within(dialog).getByLabelText('Price reference'), { target: { value: PRICE.id } });
    fireEvent.change(within(dialog).getByLabelText('Commodity or species contains'), { target: { value: 'ivory' } });
    const table = within(dialog).getByRole('table', { name: 'Matching seizures' });
    const groups = [...table.querySelectorAll('tr.group-row th[scope="rowgroup"]')].map((th) => th.textContent);
    expect(groups).toEqual(['elephant ivory (carved) · 1', 'elephant ivory (raw tusks) · 2']);

    const carved = within(table).getByRole('checkbox', { name: 'elephant ivory (carved), 11 Feb 2018' });
    expect(carved).toHaveProperty('disabled', true);
    expect(carved.closest('tr')!.className).toBe('row-disabled');
    expect(within(table).getByText('Cannot be valued: priced per kg, seized in pieces')).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Assign to 2 seizures' })).toHaveProperty('disabled', false);

    fireEvent.click(within(table).getByRole('checkbox', { name: 'elephant ivory (raw tusks), 21 Jul 2019' }));
    const submit = within(dialog).getByRole('button', { name: 'Assign to 1 seizure' });
    fireEvent.click(submit);
    expect(done).toEqual([[1, PRICE.id]]);
    expect(cv.listValuations().map((v) => [v.seizureId, v.priceReferenceId, v.factor])).toEqual([[RAW_1, PRICE.id, null]]);
  });

  it('asks for the factor’s low end when only a label is given, and writes nothing', () => {
    const { cd, cv } = setup();
    render(<BulkAssignDialog seizures={cd.listSeizures()} records={[]} prices={[PRICE]} cv={cv} writer={W} onClose={() => undefined} onDone={() => undefined} />);
    const dialog = screen.getByRole('dialog', { name: 'Assign a price to seizures' });
    fireEvent.change(within(dialog).getByLabelText('Price reference'), { target: { value: PRICE.id } });
    fireEvent.change(within(dialog).getByLabelText('Commodity or species contains'), { target: { value: 'raw' } });
    fireEvent.change(within(dialog).getByLabelText('What it converts'), { target: { value: 'worked to raw' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Assign to 2 seizures' }));
    expect(within(dialog).getByText('Is required when a factor is given')).toBeTruthy();
    expect(cv.listValuations()).toEqual([]);
  });
});
