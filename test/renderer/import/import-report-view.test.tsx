// @vitest-environment happy-dom
/**
 * The import report (dry run and final): counts with plurals, the rejected rows in the shared
 * rejected-rows DataTable, and the wording of a clean file.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import type { ImportReport } from '../../../shared/rpc/import';
import { ImportReportView } from '../../../renderer/src/import/import-report-view';
import { MAX_LISTED } from '../../../renderer/src/ui/rejected-rows-table';

afterEach(cleanup);

function report(over: Partial<ImportReport> = {}): ImportReport {
  return { format: 'csv', imported: 1, rejected: [], rejectedRows: 0, skippedBlank: 0, unmapped: 0, routes: 0, warnings: [], formats: [], flagged: [], swapCoordinates: null, sha256: '', duplicateRows: 0, duplicates: [], skippedDuplicates: 0, previousImport: null, batchId: null, ...over };
}

const BAD = { line: 3, column: 'seizure_date', field: 'seizureDate', value: '2019-13-40', reason: "'2019-13-40' is not a real date" };

describe('ImportReportView', () => {
  it('words a clean final import in the singular', () => {
    render(<ImportReportView report={report()} final />);
    const view = screen.getByTestId('import-report');
    expect(view.querySelector('.alert-title')?.textContent).toBe('1 seizure imported.');
    expect(view.textContent).toContain('Every row with data was imported.');
    expect(view.textContent).toContain('No row was rejected.');
    expect(screen.getByTestId('report-imported').nextElementSibling?.textContent).toBe('Imported');
  });

  it('words a final import with routes and left-out rows in the plural, and lists them', () => {
    const rejected = [BAD, { ...BAD, line: 9, column: 'unit', field: 'unit', value: 'furlongs', reason: "unknown unit 'furlongs'" }];
    render(<ImportReportView report={report({ imported: 2, routes: 3, rejected, rejectedRows: 2 })} final />);
    const view = screen.getByTestId('import-report');
    expect(view.querySelector('.alert-title')?.textContent).toBe('2 seizures imported and 3 routes.');
    expect(view.textContent).toContain('2 rows were left out; they are listed below with the reason');
    const table = screen.getByRole('table', { name: 'Rejected rows' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Line', 'Column', 'Value', 'Reason']);
    expect(within(table).getAllByRole('row')[2]!.textContent).toBe("9unitfurlongsUnknown unit 'furlongs'");
  });

  it('words a dry run as planned, and counts the rejected rows beyond the listed ones', () => {
    const many = Array.from({ length: MAX_LISTED + 1 }, (_x, i) => ({ ...BAD, line: i + 2 }));
    render(<ImportReportView report={report({ imported: 0, rejected: many, rejectedRows: many.length })} />);
    const view = screen.getByTestId('import-dryrun');
    expect(view.querySelector('.alert')).toBeNull();
    expect(screen.getByTestId('report-imported').nextElementSibling?.textContent).toBe('Will be imported');
    expect(screen.getByTestId('report-rejected').textContent).toBe('501');
    expect(view.textContent).toContain('…and 1 more problem.');
    cleanup();
    render(<ImportReportView report={report()} />);
    expect(screen.getByTestId('import-dryrun').textContent).toContain('No row would be rejected.');
  });
});
