// @vitest-environment happy-dom
/**
 * The import dialog's column mapping and sample rows, on the shared DataTable: headers and cells
 * from the catalogue, long samples cut, ignored columns marked, a shared target explained with a
 * neutral note, a changed select reported; the sample rows' summary counts with a plural.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { ColumnMapping } from '../../../shared/rpc/import';
import { MappingTable, sharedTargetNote } from '../../../renderer/src/import/mapping-table';
import { SampleRows } from '../../../renderer/src/import/sample-rows';
import { mappingSourceText } from '../../../renderer/src/import/target-labels';

afterEach(cleanup);

const HEADERS = ['Datum', 'Ware', 'name', 'Bemerkung'];
const LONG = 'Schuppentier-Schuppen aus Nigeria, umgeladen in Lomé und Singapur';
const ROWS = [
  ['21.07.2019', 'Elfenbein', 'ivory', ''],
  ['03.04.2019', LONG, 'pangolin scales', ''],
];

function renderTable(mapping: ColumnMapping, onChange: (m: ColumnMapping) => void = () => undefined): HTMLElement {
  render(<MappingTable headers={HEADERS} sampleRows={ROWS} mapping={mapping} mappingSource="fixed" onChange={onChange} />);
  return screen.getByRole('table', { name: 'Column mapping' });
}

describe('MappingTable', () => {
  it('is a DataTable with the catalogue headers, one row per column, long samples cut', () => {
    const table = renderTable({ Datum: 'seizureDate', Ware: 'commodity', name: 'commodity', Bemerkung: 'ignore' });
    expect(table.className).toBe('data-table mapping-table');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Column in the file', 'Sample values', 'Imported as']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.querySelector('.mapping-header')?.textContent)).toEqual(HEADERS);
    expect(rows.map((r) => r.getAttribute('data-target'))).toEqual(['seizureDate', 'commodity', 'commodity', 'ignore']);
    const wareSamples = [...rows[1]!.querySelectorAll('.sample')].map((s) => s.textContent);
    expect(wareSamples).toEqual(['Elfenbein', `${LONG.slice(0, 47)}…`]);
    expect(rows[3]!.textContent).toContain('(empty in the first rows)');
  });

  it('labels each select by its column, groups the targets and reports a change', () => {
    const changes: ColumnMapping[] = [];
    const mapping: ColumnMapping = { Datum: 'seizureDate', Ware: 'commodity', name: 'ignore', Bemerkung: 'ignore' };
    renderTable(mapping, (m) => changes.push(m));
    const select = screen.getByRole('combobox', { name: 'Import column “Bemerkung” as' }) as HTMLSelectElement;
    expect(select.value).toBe('ignore');
    expect([...select.querySelectorAll('optgroup')].map((g) => g.label)).toEqual(['When', 'Where', 'What', 'Route and agencies', 'Value and source']);
    expect(select.querySelector('option[value="quantityWithUnit"]')?.textContent).toBe('Quantity with unit (e.g. “12 kg”)');
    fireEvent.change(select, { target: { value: 'notes' } });
    expect(changes).toEqual([{ ...mapping, Bemerkung: 'notes' }]);
  });

  it('explains a field fed by two columns with a note, not an error', () => {
    renderTable({ Datum: 'seizureDate', Ware: 'commodity', name: 'commodity', Bemerkung: 'ignore' });
    const select = screen.getByRole('combobox', { name: 'Import column “Ware” as' });
    const note = document.getElementById(select.getAttribute('aria-describedby')!);
    expect(note?.textContent?.trim()).toBe('Also fed by “name” (set by the format): the first non-empty value is used; the others are kept in the notes.');
    expect(document.querySelectorAll('.field-error, [aria-invalid="true"]')).toHaveLength(0);
    expect(sharedTargetNote('originCountries', ['Origin', 'Herkunft'], false)).toBe('Also fed by “Origin”, “Herkunft”: the lists are merged.');
    expect(sharedTargetNote('notes', ['Remarks'], false)).toBe('Also fed by “Remarks”: the notes are joined line by line.');
  });

  it('words each mapping source, the fixed one by format', () => {
    expect(mappingSourceText('fixed', 'csv').label).toBe('Standard layout');
    expect(mappingSourceText('fixed', 'kml')).toEqual({ label: 'Set by the format', text: 'Names, times and positions are read from the features; properties are matched by name.' });
    expect(mappingSourceText('guessed', 'csv').label).toBe('Guessed');
  });
});

describe('SampleRows', () => {
  it('shows the rows as they are in the file, in a DataTable, with a counted summary', () => {
    render(<SampleRows headers={HEADERS} rows={ROWS} />);
    expect(screen.getByText('Show the first 2 rows as they are in the file').tagName).toBe('SUMMARY');
    const table = screen.getByRole('table', { name: 'First rows of the file', hidden: true });
    expect(table.className).toBe('data-table');
    expect(within(table).getAllByRole('columnheader', { hidden: true }).map((h) => h.textContent)).toEqual(HEADERS);
    expect(within(table).getAllByRole('row', { hidden: true })[2]!.textContent).toBe(`03.04.2019${LONG}pangolin scales`);
    expect(screen.getByRole('region', { name: 'First rows of the file (scrollable)', hidden: true }).tabIndex).toBe(0);
  });

  it('says "the first row" for one row, and shows nothing for none', () => {
    const { container, rerender } = render(<SampleRows headers={HEADERS} rows={ROWS.slice(0, 1)} />);
    expect(container.querySelector('summary')?.textContent).toBe('Show the first row as it is in the file');
    rerender(<SampleRows headers={HEADERS} rows={[]} />);
    expect(container.innerHTML).toBe('');
  });
});
