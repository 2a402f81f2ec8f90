// @vitest-environment happy-dom
/**
 * Issue 11 item 2 in the import dialog: imported rows that need a check are listed with their fix,
 * and swapped coordinate columns get a one-click swap that exchanges the two columns' targets.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { ColumnMapping, ImportPreview, ImportReport } from '../../../shared/rpc/import';
import { ImportReportView } from '../../../renderer/src/import/import-report-view';
import { MappingStep } from '../../../renderer/src/import/mapping-step';

afterEach(cleanup);

const REPORT: ImportReport = { format: 'csv', imported: 1, rejected: [], rejectedRows: 0, skippedBlank: 0, unmapped: 0, routes: 0, warnings: [], formats: [], flagged: [], swapCoordinates: null, sha256: '', duplicateRows: 0, duplicates: [], skippedDuplicates: 0, previousImport: null, batchId: null };

describe('flagged rows and the coordinate swap', () => {
  it('lists a flagged row with its reason and fix', () => {
    const flagged = [{ line: 2, column: 'latitude', field: 'latitude', value: '-4.05, 39.667', reason: '-4.05, 39.667 is more than 25 km outside SG, the seizing country', fix: 'check the coordinates' }];
    render(<ImportReportView report={{ ...REPORT, flagged }} final />);
    const box = screen.getByTestId('report-flagged');
    expect(box.querySelector('h4')?.textContent).toBe('1 imported row needs a check');
    expect(box.textContent).toContain('-4.05, 39.667 is more than 25 km outside SG, the seizing country — check the coordinates');
  });

  it('offers the swap and exchanges the targets of the two columns', () => {
    const mapping: ColumnMapping = { Breite: 'latitude', Länge: 'longitude', Datum: 'seizureDate' };
    const preview: ImportPreview = {
      format: 'csv', encoding: 'utf-8', delimiter: ';', headers: ['Datum', 'Breite', 'Länge'], mapping, mappingSource: 'guessed', sampleRows: [['21.07.2019', '103.764', '1.274']],
      report: { ...REPORT, imported: 0, swapCoordinates: { latitude: 'Breite', longitude: 'Länge' } },
    };
    const changes: ColumnMapping[] = [];
    render(<MappingStep preview={preview} willImport={preview.report.imported} mapping={mapping} refreshing={false} dateOrder="auto" onDateOrder={() => undefined} decimalMarks={{}} onDecimalMarks={() => undefined} onMapping={(m) => changes.push(m)} />);
    expect(screen.getByTestId('swap-coordinates').textContent).toContain("Rows were refused because 'Breite' and 'Länge' look swapped.");
    fireEvent.click(screen.getByRole('button', { name: 'Swap latitude and longitude' }));
    expect(changes).toEqual([{ Breite: 'longitude', Länge: 'latitude', Datum: 'seizureDate' }]);
  });
});
