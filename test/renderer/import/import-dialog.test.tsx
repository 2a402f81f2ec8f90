// @vitest-environment happy-dom
/**
 * The import dialog against a real data service (in-memory transport): a picked CSV file goes
 * through `import.preview` to the mapping step — the shared FormDialog, whose submit button says
 * how many seizures will be imported — and `import.commit` to the final report; when nothing
 * would be imported (no importable row, every row a duplicate, the same file again) the button is
 * disabled with the reason in the footer, and nothing is written.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { caseFixture, type CaseFixture } from '../data/render-with-client';
import { pick, renderImportDialog } from './import-dialog-harness';

let f: CaseFixture;
beforeEach(async () => {
  f = await caseFixture();
});
afterEach(() => {
  cleanup();
  f.h.close();
});

const GOOD = 'seizure_date,country_iso2,place,latitude,longitude,commodity,quantity,unit\n2019-07-21,SG,Pasir Panjang,1.274,103.764,elephant ivory,8.8,t\n2019-04-03,SG,Pasir Panjang,1.274,103.764,pangolin scales,12.9,t\n2019-04-08,SG,Tuas,1.3,103.6,pangolin scales,12.7,t\n';
const BAD = 'seizure_date,country_iso2,commodity,quantity,unit\n2019-13-40,SG,elephant ivory,8.8,t\n';

const renderDialog = (): { closed: () => number } => renderImportDialog(f);

async function seizureCount(): Promise<number> {
  const list = await f.admin.call('cases.list', { workspaceId: f.workspaceId });
  return list.find((c) => c.id === f.caseId)!.seizureCount;
}

describe('ImportDialog', () => {
  it('previews, then imports with the form dialog and shows the final report', async () => {
    renderDialog();
    expect(screen.getByRole('dialog', { name: 'Import seizures into NEST-2026-0001', hidden: true })).toBeTruthy();
    expect(screen.getByText('CSV (any delimiter and encoding), KML or KMZ, GPX or GeoJSON.')).toBeTruthy();
    pick(GOOD, 'seizures.csv');
    const submit = await screen.findByRole('button', { name: 'Import 3 seizures', hidden: true }, { timeout: 10_000 });
    expect(submit.getAttribute('type')).toBe('submit');
    expect(screen.getByTestId('mapping-source').textContent).toBe('Mapping: Standard layout');
    expect(screen.getByText('Nothing is written until you import. Rejected rows are listed and left out.')).toBeTruthy();
    expect(screen.getByTestId('report-imported').textContent).toBe('3');
    fireEvent.click(submit);
    // Once Import is clicked the footer no longer says nothing is written (tester finding), and it names
    // the phase the progress bar names: checking the rows again until the first rows are written.
    expect(screen.getByText('Checking the rows again before writing them into the case…')).toBeTruthy();
    expect(screen.queryByText(/Nothing is written/)).toBeNull();
    const report = await screen.findByTestId('import-report', {}, { timeout: 10_000 });
    expect(report.querySelector('.alert-title')?.textContent).toBe('3 seizures imported.');
    expect(screen.getByRole('dialog', { name: 'Import report', hidden: true })).toBeTruthy();
    await waitFor(async () => expect(await seizureCount()).toBe(3));
  });

  it('disables the import of a file with no importable row and says why, writing nothing (F-IMP-1)', async () => {
    renderDialog();
    pick(BAD, 'bad.csv');
    const submit = await screen.findByRole('button', { name: 'Import 0 seizures', hidden: true }, { timeout: 10_000 });
    expect(screen.getByTestId('report-rejected').textContent).toBe('1');
    expect((submit as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('import-disabled-reason').textContent).toBe('No row of this file can be imported with this mapping. Map its columns to fields below, or fix the rejected rows in the file.');
    await act(async () => {
      fireEvent.click(submit);
    });
    expect(screen.queryByTestId('import-report')).toBeNull();
    expect(screen.queryByTestId('import-progress')).toBeNull();
    expect(await seizureCount()).toBe(0);
  });

  it('disables the import of a file already in the case until re-importing is ticked, the reason named once', async () => {
    await f.admin.call('import.commit', { workspaceId: f.workspaceId, caseId: f.caseId, fileName: 'seizures.csv', contentBase64: Buffer.from(GOOD).toString('base64') });
    renderDialog();
    pick(GOOD, 'seizures.csv');
    const submit = await screen.findByRole('button', { name: 'Import 0 seizures', hidden: true }, { timeout: 10_000 });
    expect((submit as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('import-disabled-reason').textContent).toBe('Tick “Import this file again anyway” above to import it a second time.');
    // The warning's heading appears once (neither the reason nor an error panel repeats it).
    expect(screen.getAllByText(/This file is already in the case/)).toHaveLength(1);
    fireEvent.click(screen.getByLabelText('Import this file again anyway'));
    // Every row matches the first import and is left out: still nothing to import, and now that is the reason.
    await waitFor(() => expect(screen.getByTestId('import-disabled-reason').textContent).toContain('Every row matches a seizure already in the case'));
    fireEvent.click(screen.getByLabelText('Leave out the matching rows'));
    const again = await screen.findByRole('button', { name: 'Import 3 seizures', hidden: true });
    expect((again as HTMLButtonElement).disabled).toBe(false);
    expect(screen.queryByTestId('import-disabled-reason')).toBeNull();
    expect(await seizureCount()).toBe(3);
  });

  it('imports a file of patrol tracks only (no seizures), with the kind the user chooses', async () => {
    const gpx = `<?xml version="1.0"?><gpx version="1.1" creator="t" xmlns="http://www.topografix.com/GPX/1/1">
<trk><name>Patrol A</name><trkseg><trkpt lat="-4.0" lon="39.6"><time>2021-03-04T06:00:00Z</time></trkpt><trkpt lat="-4.1" lon="39.7"><time>2021-03-04T07:00:00Z</time></trkpt></trkseg></trk>
<trk><name>Patrol B</name><trkseg><trkpt lat="-4.2" lon="39.6"/><trkpt lat="-4.3" lon="39.7"/></trkseg></trk></gpx>`;
    renderDialog();
    pick(gpx, 'patrols.gpx');
    const submit = await screen.findByRole('button', { name: 'Import 2 routes', hidden: true }, { timeout: 10_000 });
    const kind = screen.getByTestId('route-kind') as HTMLSelectElement;
    expect(kind.value).toBe('auto');
    expect(kind.selectedOptions[0]!.textContent).toBe('As read from the file: 2 patrol tracks (timed GPS tracks), no suspected route');
    fireEvent.change(kind, { target: { value: 'trafficking' } });
    await waitFor(() => expect((screen.getByTestId('route-kind') as HTMLSelectElement).disabled).toBe(false), { timeout: 10_000 });
    await act(async () => {
      fireEvent.click(submit);
    });
    const report = await screen.findByTestId('import-report', {}, { timeout: 10_000 });
    expect(report.querySelector('.alert-title')?.textContent).toContain('2 routes');
    const replica = f.admin.openDoc(f.docName);
    await replica.whenSynced();
    await waitFor(() => expect(new CaseDoc(replica.doc).listRoutes().map((r) => [r.name, r.kind, r.times?.length ?? 0])).toEqual([['Patrol A', 'trafficking', 2], ['Patrol B', 'trafficking', 0]]));
    expect(await seizureCount()).toBe(0);
  });

  it('refuses a file over 45 MB before reading it, with its size', async () => {
    renderDialog();
    const input = screen.getByTestId('import-file');
    const huge = { name: 'huge.csv', size: 60 * 1024 * 1024, arrayBuffer: () => Promise.reject(new Error('must not be read')) };
    Object.defineProperty(input, 'files', { value: [huge], configurable: true });
    fireEvent.change(input);
    const alert = await screen.findByRole('alert', { hidden: true });
    expect(alert.querySelector('.alert-title')?.textContent).toBe('This file is too large to import here');
    expect(alert.textContent).toContain('This file is 60 MB; files up to 45 MB can be imported here — split it, or use npm run import for larger files.');
  });
});
