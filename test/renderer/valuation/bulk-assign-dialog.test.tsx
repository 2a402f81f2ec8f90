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
import { BulkAssignDialog } from '../../../renderer/src/valuation/bulk-assign-dialog';
import { PRICE, RAW_1, W, setup } from './case-fixture';

afterEach(cleanup);

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
