/**
 * The seizure table's bulk actions and the import log in the renderer (issue 11, item 3), on a
 * real case doc held by a real data service (the table's rows come from its projection,
 * `seizures.page`; the test's replica syncs with it both ways): choosing rows shows the bar with the count; "Delete" after the confirmation
 * marks exactly the chosen seizures deleted; "Set a field" writes the chosen value to each; the
 * import log lists a batch and "Undo import" (the data service's `import.undo`) removes its
 * seizures and shows it undone, its confirmation counting only the seizures still live and the
 * ones deleted before apart.
 */
// @vitest-environment happy-dom
import * as Y from 'yjs';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { newCaseFields } from '../../../shared/domain/case';
import { newSeizureFields } from '../../../shared/domain/seizure';
import { SeizurePanel } from '../../../renderer/src/case/seizure-panel';
import { ImportLogDialog } from '../../../renderer/src/import/import-log-dialog';
import { ToastProvider } from '../../../renderer/src/ui/toast';
import { caseFixture, withClient, type CaseFixture } from '../data/render-with-client';

let fx: CaseFixture;
beforeAll(async () => {
  fx = await caseFixture();
});
afterAll(() => fx.h.close());
afterEach(cleanup);

let Wrapper: ReturnType<typeof withClient> | null = null;
function withProviders(node: ReactNode): ReactNode {
  // One wrapper component for every render, so a rerender updates the panel rather than mounting a new one.
  Wrapper ??= withClient(fx.admin, fx.identity);
  return (
    <Wrapper>
      <ToastProvider>{node}</ToastProvider>
    </Wrapper>
  );
}

const writer = { memberId: 'ada', now: () => 1_700_000_000_000 };

/** A new case in the data service, and a replica of it that sends its updates there and receives the service's. */
async function serviceCase(): Promise<{ cd: CaseDoc; ids: string[] }> {
  const c = await fx.admin.call('cases.create', { workspaceId: fx.workspaceId, fields: { ...newCaseFields('2026-11-29'), title: 'Bulk' } });
  const ws = fx.h.service.workspace(fx.workspaceId);
  const local = new Y.Doc();
  Y.applyUpdate(local, ws.host.with(c.docName, (d) => Y.encodeStateAsUpdate(d)), 'service');
  local.on('update', (u: Uint8Array, origin: unknown) => {
    if (origin !== 'service') ws.host.with(c.docName, (d) => Y.applyUpdate(d, u));
  });
  const cd = new CaseDoc(local);
  return { cd, ids: addThree(cd) };
}

function addThree(cd: CaseDoc): string[] {
  const ids = ['a', 'b', 'c'].map(() => crypto.randomUUID());
  cd.importRecords(
    {
      seizures: ids.map((id, i) => ({ id, fields: { ...newSeizureFields('2019-07-2' + i), country: 'SG', commodity: `commodity ${i}`, quantity: i + 1, unit: 'kg' } })),
      routes: [],
      source: 'kws-2019.csv',
      batch: { id: '33333333-3333-4333-8333-333333333333', sha256: 'c'.repeat(64), format: 'csv', rejectedRows: 1, skippedDuplicates: 0 },
    },
    writer,
  );
  return ids;
}

function panel(cd: CaseDoc): void {
  const props = { caseDoc: cd, seizureCount: null, writer, readOnly: false, selected: null, onSelect: () => undefined, onAdd: () => undefined, onEdit: () => undefined, onImport: () => undefined, workspaceId: fx.workspaceId, linkVersion: 0 };
  const { rerender } = render(withProviders(<SeizurePanel {...props} seizures={cd.listSeizures()} />));
  cd.doc.on('afterTransaction', () => rerender(withProviders(<SeizurePanel {...props} seizures={cd.listSeizures()} />)));
}

describe('seizure bulk actions', () => {
  it('deletes exactly the chosen seizures after the confirmation', async () => {
    const { cd } = await serviceCase();
    panel(cd);
    fireEvent.click(await screen.findByLabelText(/Select commodity 0 of/));
    fireEvent.click(screen.getByLabelText(/Select commodity 2 of/));
    const bar = screen.getByRole('region', { name: '2 seizures selected' });
    fireEvent.click(within(bar).getByRole('button', { name: /Delete/ }));
    fireEvent.click(screen.getAllByRole('button', { name: 'Delete', hidden: true }).at(-1)!);
    // The delete may go through the data service (seizure-writes.ts), so it completes asynchronously.
    await waitFor(() => expect(cd.listSeizures().map((s) => s.commodity)).toEqual(['commodity 1']));
    await waitFor(() => expect(screen.queryByRole('region', { name: /selected/ })).toBeNull());
    // The table follows the projection: the deleted rows leave it.
    await waitFor(() => expect(screen.queryAllByLabelText(/Select commodity \d of/).map((el) => el.getAttribute('aria-label'))).toEqual([expect.stringMatching(/^Select commodity 1 of/)]));
  });

  it('sets a field on every chosen seizure', async () => {
    const { cd } = await serviceCase();
    panel(cd);
    await screen.findByLabelText(/Select commodity 2 of/);
    fireEvent.click(screen.getByLabelText('Select all shown seizures'));
    fireEvent.click(screen.getByRole('button', { name: /Set a field/ }));
    fireEvent.change(screen.getByLabelText('Field'), { target: { value: 'operation' } });
    fireEvent.change(screen.getByLabelText('New value'), { target: { value: 'Operation Thunder' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set', hidden: true }));
    await waitFor(() => expect(cd.listSeizures().map((s) => s.operation)).toEqual(['Operation Thunder', 'Operation Thunder', 'Operation Thunder']));
    await waitFor(() => expect(screen.queryByRole('region', { name: /selected/ })).toBeNull());
  });
});

describe('select all shown seizures (tester finding F4)', () => {
  it('selects every seizure the table shows, not only the rendered rows; unticking one makes the header mixed; delete acts on all of them', async () => {
    const c = await fx.admin.call('cases.create', { workspaceId: fx.workspaceId, fields: { ...newCaseFields('2026-11-29'), title: 'Many' } });
    const ws = fx.h.service.workspace(fx.workspaceId);
    const N = 150;
    ws.host.with(c.docName, (d) =>
      new CaseDoc(d).importRecords(
        { seizures: Array.from({ length: N }, (_, i) => ({ id: crypto.randomUUID(), fields: { ...newSeizureFields('2019-07-20'), country: 'SG', commodity: `lot ${i}`, quantity: i + 1, unit: 'kg' } })), routes: [], source: 'demo' },
        writer,
      ),
    );
    const local = new Y.Doc();
    Y.applyUpdate(local, ws.host.with(c.docName, (d) => Y.encodeStateAsUpdate(d)), 'service');
    ws.host.with(c.docName, (d) => d.on('update', (u: Uint8Array) => Y.applyUpdate(local, u, 'service')));
    const cd = new CaseDoc(local);
    panel(cd);
    await screen.findAllByLabelText(/^Select lot \d+ of/);
    const rendered = screen.getAllByLabelText(/^Select lot \d+ of/).length;
    expect(rendered).toBeLessThan(N);
    const header = screen.getByLabelText('Select all shown seizures') as HTMLInputElement;
    fireEvent.click(header);
    const bar = await screen.findByRole('region', { name: `${N} seizures selected` });
    expect(header.checked).toBe(true);
    expect(header.indeterminate).toBe(false);
    // One unticked: the header is mixed, the bar counts one fewer.
    fireEvent.click(screen.getAllByLabelText(/^Select lot \d+ of/)[0]!);
    const kept = screen.getAllByLabelText(/^Select lot \d+ of/)[0]!.getAttribute('aria-label')!.match(/lot \d+/)![0];
    await screen.findByRole('region', { name: `${N - 1} seizures selected` });
    expect(header.checked).toBe(false);
    expect(header.indeterminate).toBe(true);
    expect(bar.isConnected).toBe(true);
    // Ticking the mixed header selects all again; unticking clears.
    fireEvent.click(header);
    await screen.findByRole('region', { name: `${N} seizures selected` });
    fireEvent.click(header);
    await waitFor(() => expect(screen.queryByRole('region', { name: /selected/ })).toBeNull());
    expect(header.indeterminate).toBe(false);
    // Select all, untick one, delete: every other seizure of the case goes, rendered or not.
    fireEvent.click(header);
    fireEvent.click(screen.getAllByLabelText(/^Select lot \d+ of/)[0]!);
    const bar2 = await screen.findByRole('region', { name: `${N - 1} seizures selected` });
    fireEvent.click(within(bar2).getByRole('button', { name: /Delete/ }));
    expect(screen.getByRole('dialog', { name: `Delete ${N - 1} seizures?`, hidden: true })).toBeTruthy();
    fireEvent.click(screen.getAllByRole('button', { name: 'Delete', hidden: true }).at(-1)!);
    await waitFor(() => expect(cd.listSeizures().map((s) => s.commodity)).toEqual([kept]), { timeout: 10_000 });
    expect((await fx.admin.call('seizures.page', { workspaceId: fx.workspaceId, caseId: c.id, limit: 5 })).rows.map((r) => r.commodity)).toEqual([kept]);
  });
});

describe('import log', () => {
  it('lists the batch and undoes it as one step through the data service', async () => {
    const csv = 'seizure_date,country,commodity,quantity,unit\n2019-07-20,SG,commodity 0,1,kg\n2019-07-21,SG,commodity 1,2,kg\n2019-07-22,SG,commodity 2,3,kg\n2019-13-40,SG,bad date,4,kg\n';
    await fx.admin.call('import.commit', { workspaceId: fx.workspaceId, caseId: fx.caseId, fileName: 'kws-2019.csv', contentBase64: Buffer.from(csv).toString('base64') });
    const replica = fx.admin.openDoc(fx.docName);
    await replica.whenSynced();
    const cd = new CaseDoc(replica.doc);
    expect(cd.seizureCount()).toBe(3);
    render(withProviders(<ImportLogDialog doc={cd.doc} workspaceId={fx.workspaceId} caseId={fx.caseId} readOnly={false} memberName={(id) => (id === fx.identity.memberId ? 'Ana Lima' : id)} onClose={() => undefined} />));
    const row = screen.getByRole('row', { name: /kws-2019\.csv/, hidden: true });
    expect(row.textContent).toContain('3 seizures; 1 row refused');
    expect(row.textContent).toContain('Ana Lima');
    expect(row.textContent).toContain('In the case');
    // One of the file's seizures deleted one by one after the import (tester finding G-IMP-3).
    cd.deleteSeizure(cd.listSeizures()[0]!.id, { memberId: fx.identity.memberId });
    await waitFor(async () => expect((await fx.admin.call('cases.list', { workspaceId: fx.workspaceId })).find((c) => c.id === fx.caseId)!.seizureCount).toBe(2));
    fireEvent.click(within(row).getByRole('button', { name: 'Undo the import of kws-2019.csv', hidden: true }));
    // The service counts what the undo marks now, and the one deleted before, apart.
    const counts = await screen.findByTestId('undo-counts', undefined, { timeout: 10_000 });
    expect(counts.textContent).toBe(
      'The 2 seizures from kws-2019.csv still in the case will be marked deleted, as one step. They stay in the case’s history and the import log says who undid it.' +
        '1 other seizure from this file was already deleted after the import; the undo leaves it as it is.',
    );
    fireEvent.click(screen.getAllByRole('button', { name: 'Undo import', hidden: true }).at(-1)!);
    // Until the service answers, the confirm button says it is undoing (tester4: it just faded for seconds).
    expect((screen.getByRole('button', { name: 'Undoing…', hidden: true }) as HTMLButtonElement).disabled).toBe(true);
    // Undone by the service; the replica receives the tombstones and the undo entry.
    await waitFor(() => expect(cd.seizureCount()).toBe(0), { timeout: 10_000 });
    await waitFor(() => expect(screen.getByRole('row', { name: /kws-2019\.csv/, hidden: true }).textContent).toMatch(/Undone by Ana Lima on/));
    const list = await fx.admin.call('cases.list', { workspaceId: fx.workspaceId });
    expect(list.find((c) => c.id === fx.caseId)!.seizureCount).toBe(0);
  });

  it('after the only import is undone, says so and keeps the import log and the deleted list reachable', async () => {
    const { cd } = await serviceCase();
    const ws = fx.h.service.workspace(fx.workspaceId);
    await fx.admin.call('import.undo', { workspaceId: fx.workspaceId, caseId: cd.readMeta().id, batchId: '33333333-3333-4333-8333-333333333333' });
    // The service's undo brought to the replica (serviceCase() sends the replica's updates only).
    ws.host.with(ws.caseDocName(cd.readMeta().id), (d) => Y.applyUpdate(cd.doc, Y.encodeStateAsUpdate(d), 'service'));
    expect(cd.seizureCount()).toBe(0);
    const props = { caseDoc: cd, seizureCount: 0, writer, readOnly: false, selected: null, onSelect: () => undefined, onAdd: () => undefined, onEdit: () => undefined, onImport: () => undefined, workspaceId: fx.workspaceId, linkVersion: 0 };
    render(withProviders(<SeizurePanel {...props} seizures={[]} />));
    expect(screen.queryByText('No seizures in this case yet')).toBeNull();
    expect(screen.getByText('No seizures left in this case')).toBeTruthy();
    expect(screen.getByText(/^The only import of this case was undone: its seizures are marked deleted, not erased\./)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Show the deleted seizures of this case' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Import log' }));
    const row = await screen.findByRole('row', { name: /kws-2019\.csv/, hidden: true });
    expect(row.textContent).toMatch(/Undone by/);
  });
});
