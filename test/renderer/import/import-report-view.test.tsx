// @vitest-environment happy-dom
/**
 * The import report (dry run and final): counts with plurals, the rejected rows in the shared
 * rejected-rows DataTable, and the wording of a clean file. A report of 100,000 rejections and
 * 100,000 flags (tester finding G-IMP-2: 6,616 froze the dialog) renders only the rows in view,
 * and every row — the last one too — can be scrolled to with its line, column, value, reason and fix.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { ImportReport } from '../../../shared/rpc/import';
import { ImportReportView } from '../../../renderer/src/import/import-report-view';

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

  it('says rows were left out as duplicates instead of claiming every row was imported (tester finding)', () => {
    render(<ImportReportView report={report({ imported: 0, skippedDuplicates: 2, duplicateRows: 2 })} final />);
    const view = screen.getByTestId('import-report');
    expect(view.textContent).not.toContain('Every row with data was imported.');
    expect(screen.getByTestId('report-duplicates-left-out').textContent).toBe('2 rows repeat a seizure already in the case or an earlier row and were left out.');
    cleanup();
    render(<ImportReportView report={report({ imported: 3, skippedDuplicates: 1, rejectedRows: 1, rejected: [BAD] })} final />);
    expect(screen.getByTestId('import-report').textContent).toContain('1 row was left out; it is listed below with the reason');
    expect(screen.getByTestId('report-duplicates-left-out').textContent).toBe('1 row repeats a seizure already in the case or an earlier row and was left out.');
  });

  it('speaks of routes, not rows, for a routes-only file (B4, session 28)', () => {
    render(<ImportReportView report={report({ imported: 0, routes: 1 })} final />);
    const view = screen.getByTestId('import-report');
    expect(view.querySelector('.alert-title')?.textContent).toBe('1 route imported.');
    expect(view.textContent).not.toContain('Every row with data was imported.');
    expect(view.textContent).not.toContain('0 seizures');
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

  it('heads the row-number column by the file’s format: a CSV’s line, a KML placemark, a GPX waypoint, a GeoJSON feature', () => {
    const flag = { line: 2, column: 'name', field: 'commodity', value: 'Ivory cache', reason: 'the commodity was read from the feature’s label “name”', fix: 'map a commodity column' };
    for (const [format, head] of [['csv', 'Line'], ['kml', 'Placemark'], ['gpx', 'Waypoint'], ['geojson', 'Feature']] as const) {
      render(<ImportReportView report={report({ format, rejected: [{ ...BAD, line: 4 }], rejectedRows: 1, flagged: [flag] })} final />);
      for (const name of ['Rejected rows', 'Imported rows to check']) {
        const table = screen.getByRole('table', { name });
        expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([head, 'Column', 'Value', 'Reason']);
      }
      expect(within(screen.getByRole('table', { name: 'Rejected rows' })).getAllByRole('row')[1]!.textContent).toBe("4seizure_date2019-13-40'2019-13-40' is not a real date");
      cleanup();
    }
  });

  it('words a dry run as planned, and lists every one of 100,000 rejections and 100,000 flags, rendering only those in view', () => {
    const N = 100_000;
    const many = Array.from({ length: N }, (_x, i) => ({ ...BAD, line: i + 2, value: `v${i + 2}`, fix: 'write it as YYYY-MM-DD' }));
    const flagged = Array.from({ length: N }, (_x, i) => ({ line: i + 2, column: 'latitude', field: 'latitude', value: `f${i + 2}`, reason: 'more than 25 km outside SG', fix: 'check the coordinates' }));
    render(<ImportReportView report={report({ imported: N, rejected: many, rejectedRows: N, flagged })} />);
    const view = screen.getByTestId('import-dryrun');
    expect(view.querySelector('.alert')).toBeNull();
    expect(screen.getByTestId('report-imported').nextElementSibling?.textContent).toBe('Will be imported');
    expect(screen.getByTestId('report-rejected').textContent).toBe('100,000');
    expect(view.textContent).not.toContain('more problem');
    expect(screen.getByTestId('report-flagged').querySelector('h4')?.textContent).toBe('100,000 imported rows need a check');
    for (const [name, last] of [
      ['Rejected rows', `${N + 1}seizure_datev${N + 1}'2019-13-40' is not a real date — write it as YYYY-MM-DD`],
      ['Imported rows to check', `${N + 1}latitudef${N + 1}More than 25 km outside SG — check the coordinates`],
    ] as const) {
      const table = screen.getByRole('table', { name });
      // Every row counted for assistive technology; only a window of them in the DOM.
      expect(table.getAttribute('aria-rowcount')).toBe(String(N + 1));
      const rows = (): HTMLElement[] => within(table).getAllByRole('row').slice(1);
      expect(rows().length).toBeGreaterThan(5);
      expect(rows().length).toBeLessThan(60);
      expect(rows()[0]!.getAttribute('aria-rowindex')).toBe('2');
      // Scrolled to the bottom: the last row of the file, with its value, reason and fix.
      const scroller = table.closest('.table-scroll') as HTMLDivElement;
      act(() => {
        scroller.scrollTop = 37 * N;
        fireEvent.scroll(scroller);
      });
      expect(rows().at(-1)!.textContent).toBe(last);
      expect(rows().at(-1)!.getAttribute('aria-rowindex')).toBe(String(N + 1));
      expect(rows().length).toBeLessThan(60);
    }
    cleanup();
    render(<ImportReportView report={report()} />);
    expect(screen.getByTestId('import-dryrun').textContent).toContain('No row would be rejected.');
  });
});
