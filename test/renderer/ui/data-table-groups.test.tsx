// @vitest-environment happy-dom
/**
 * DataTable's extensions for grouped lists (the valuation bulk-assign list): a `rowgroup` header row
 * above each run of rows with the same group key, extra row classes, and a header cell whose
 * content replaces the text (a "select all" checkbox).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { DataTable } from '../../../renderer/src/ui/data-table';

afterEach(cleanup);

interface Row {
  id: string;
  commodity: string;
  kg: number | null;
}
const ROWS: Row[] = [
  { id: 'a', commodity: 'ivory', kg: 3500 },
  { id: 'b', commodity: 'ivory', kg: 8800 },
  { id: 'c', commodity: 'pangolin scales', kg: null },
];

describe('DataTable groups, row classes and header content', () => {
  it('puts one group header above each run of rows, spanning every column', () => {
    render(
      <DataTable
        label="Matching seizures"
        rows={ROWS}
        rowKey={(r) => r.id}
        group={(r) => ({ key: r.commodity, header: `${r.commodity} group` })}
        rowClassName={(r) => (r.kg === null ? 'row-disabled' : undefined)}
        columns={[
          { id: 'check', header: 'Select all', headerContent: <input type="checkbox" aria-label="Select all" />, cell: (r) => <input type="checkbox" aria-label={r.id} /> },
          { id: 'kg', header: 'Quantity', numeric: true, cell: (r) => (r.kg === null ? 'no quantity' : `${r.kg} kg`) },
        ]}
      />,
    );
    const table = screen.getByRole('table', { name: 'Matching seizures' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual(['ivory group', '3500 kg', '8800 kg', 'pangolin scales group', 'no quantity']);
    const group = rows[0]!.querySelector('th')!;
    expect([rows[0]!.className, group.getAttribute('scope'), group.getAttribute('colspan')]).toEqual(['group-row', 'rowgroup', '2']);
    expect(rows.map((r) => r.className)).toEqual(['group-row', '', '', 'group-row', 'row-disabled']);
    const header = within(table).getAllByRole('columnheader')[0]!;
    expect(within(header).getByRole('checkbox', { name: 'Select all' })).toBeTruthy();
    expect(header.textContent).toBe('');
  });

  it('draws no group rows without `group`', () => {
    render(<DataTable label="Plain" rows={ROWS} rowKey={(r) => r.id} columns={[{ id: 'c', header: 'Commodity', cell: (r) => r.commodity }]} />);
    expect(screen.getByRole('table', { name: 'Plain' }).querySelectorAll('.group-row')).toHaveLength(0);
  });
});
