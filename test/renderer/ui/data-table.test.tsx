// @vitest-environment happy-dom
/**
 * DataTable: accessible headers (scope, aria-sort, sort buttons), cells from the column
 * renderers, the empty state, row click (but not from a control inside the row) and selection.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { DataTable, type Column } from '../../../renderer/src/ui/data-table';

afterEach(cleanup);

interface Row {
  id: string;
  name: string;
  kg: number;
}
const ROWS: Row[] = [
  { id: 'a', name: 'ivory', kg: 8800 },
  { id: 'b', name: 'pangolin scales', kg: 6200 },
];

function columns(onDelete: (r: Row) => void): Column<Row, 'name' | 'kg'>[] {
  return [
    { id: 'name', header: 'Commodity', sortKey: 'name', cell: (r) => <strong>{r.name}</strong> },
    { id: 'kg', header: 'Quantity', sortKey: 'kg', numeric: true, cell: (r) => `${r.kg} kg` },
    { id: 'actions', header: 'Actions', hideHeader: true, className: 'col-actions', cell: (r) => <button onClick={() => onDelete(r)}>Delete {r.name}</button> },
  ];
}

describe('DataTable', () => {
  it('renders labelled, sortable headers and the cells', () => {
    const sorted: string[] = [];
    render(<DataTable label="Seizures" columns={columns(() => undefined)} rows={ROWS} rowKey={(r) => r.id} sort={{ key: 'kg', dir: 'desc' }} onSort={(k) => sorted.push(k)} />);
    const table = screen.getByRole('table', { name: 'Seizures' });
    expect(table.className).toBe('data-table');
    const headers = within(table).getAllByRole('columnheader');
    expect(headers.map((h) => h.getAttribute('aria-sort'))).toEqual(['none', 'descending', null]);
    expect(headers[1]!.className).toBe('col-num');
    expect(headers[2]!.querySelector('.visually-hidden')?.textContent).toBe('Actions');
    fireEvent.click(within(headers[0]!).getByRole('button', { name: 'Commodity' }));
    expect(sorted).toEqual(['name']);
    const cells = within(table).getAllByRole('cell');
    expect(cells.slice(0, 2).map((c) => c.textContent)).toEqual(['ivory', '8800 kg']);
    expect(cells[1]!.className).toBe('col-num');
    expect(table.parentElement!.className).toBe('table-scroll');
  });

  it('shows the empty state across all columns when there are no rows', () => {
    render(<DataTable label="Seizures" columns={columns(() => undefined)} rows={[]} rowKey={(r) => r.id} empty="No seizures yet" />);
    const cell = screen.getByText('No seizures yet');
    expect(cell.tagName).toBe('TD');
    expect(cell.getAttribute('colspan')).toBe('3');
  });

  it('calls onRowClick for a row click but not for a button inside the row, and marks the selected row', () => {
    const opened: string[] = [];
    const deleted: string[] = [];
    render(<DataTable label="Seizures" columns={columns((r) => deleted.push(r.id))} rows={ROWS} rowKey={(r) => r.id} onRowClick={(r) => opened.push(r.id)} selectedKey="b" />);
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((r) => r.getAttribute('aria-selected'))).toEqual(['false', 'true']);
    expect(rows[0]!.className).toBe('clickable-row');
    fireEvent.click(within(rows[0]!).getByText('ivory'));
    fireEvent.click(within(rows[1]!).getByRole('button', { name: 'Delete pangolin scales' }));
    expect(opened).toEqual(['a']);
    expect(deleted).toEqual(['b']);
  });
});
