// @vitest-environment happy-dom
/**
 * The renderer's blob sync pieces: the status cell's text, icon-free wording and accessible
 * progress bar for each state; and, against a real data service, `useFileSyncStatus` showing a
 * file's status and merging a `files.status` event, and `KeepOfflineToggle` setting the member's
 * local setting through the service.
 */
import type { ReactNode } from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { CaseFiles } from '../../../../shared/docs/case-files';
import type { FileSyncStatus } from '../../../../shared/rpc/files';
import { FileSyncStatusCell } from '../../../../renderer/src/files/sync/file-sync-status-cell';
import { KeepOfflineToggle } from '../../../../renderer/src/files/sync/keep-offline-toggle';
import { useFileSyncStatus } from '../../../../renderer/src/files/sync/use-file-sync-status';
import { caseFixture, withClient, type CaseFixture } from '../../data/render-with-client';

const HASH = 'a'.repeat(64);
const status = (o: Partial<FileSyncStatus>): FileSyncStatus => ({ fileId: 'f1', hash: HASH, state: 'waiting', done: 0, total: 1000, local: false, reason: null, ...o });

describe('FileSyncStatusCell', () => {
  it('shows uploading with its percentage and an accessible progress bar', () => {
    render(<FileSyncStatusCell status={status({ state: 'uploading', done: 425, local: true })} />);
    expect(screen.getByText('Uploading 42%')).toBeTruthy();
    const bar = screen.getByRole('progressbar', { name: 'Uploading 42%' }) as HTMLProgressElement;
    expect([bar.value, bar.max]).toEqual([425, 1000]);
  });

  it('says on the relay, on the relay only, verified, and no bar once bytes stopped moving', () => {
    const { container, rerender } = render(<FileSyncStatusCell status={status({ state: 'on-relay', done: 1000, local: true })} />);
    expect(container.textContent).toBe('On the relay');
    rerender(<FileSyncStatusCell status={status({ state: 'on-relay', done: 1000, local: false })} />);
    expect(container.textContent).toBe('On the relay (not on this desktop)');
    rerender(<FileSyncStatusCell status={status({ state: 'verified', done: 1000, local: true })} />);
    expect(container.textContent).toBe('Verified');
    expect(container.querySelector('progress')).toBeNull();
    expect(container.querySelector('[data-state="verified"]')).not.toBeNull();
  });

  it('says why a file failed, in the visible text', () => {
    const { container } = render(<FileSyncStatusCell status={status({ state: 'failed', reason: { id: 'file.sync.corrupt' } })} />);
    expect(container.textContent).toBe('Failed: The downloaded bytes did not match the file’s SHA-256; they were discarded');
  });

  it('says why a file waits to screen readers and in the title', () => {
    const { container } = render(<FileSyncStatusCell status={status({ reason: { id: 'file.sync.no-case-access' } })} />);
    expect(container.textContent).toBe('Waiting — You do not have access to this case on the relay');
    expect(container.querySelector('.visually-hidden')?.textContent).toContain('You do not have access');
    expect((container.firstChild as HTMLElement).title).toBe('You do not have access to this case on the relay');
  });
});

describe('useFileSyncStatus and KeepOfflineToggle with a real data service', () => {
  let fx: CaseFixture;
  let fileId = '';
  beforeAll(async () => {
    fx = await caseFixture();
    // A file another desktop added: its record is in the case doc, its bytes are not here.
    const r = fx.admin.openDoc(fx.docName);
    await r.whenSynced();
    fileId = crypto.randomUUID();
    new CaseFiles(r.doc).add(fileId, { hash: HASH, size: 4096, mediaType: 'application/pdf', name: 'lab report.pdf' }, { memberId: fx.identity.memberId });
    r.release();
  });
  afterAll(() => fx?.h.close());

  function Statuses(p: { workspaceId: string; caseId: string }): ReactNode {
    const s = useFileSyncStatus(p.workspaceId, p.caseId);
    return (
      <ul aria-label="files">
        {[...s.byFile.values()].map((f) => (
          <li key={f.fileId}>
            <FileSyncStatusCell status={f} />
          </li>
        ))}
      </ul>
    );
  }

  it('shows the service’s status of each file and merges a files.status event', async () => {
    render(<Statuses workspaceId={fx.workspaceId} caseId={fx.caseId} />, { wrapper: withClient(fx.admin, fx.identity) });
    const list = await screen.findByRole('list', { name: 'files' });
    // Without a relay the file stays on this desktop, saying why.
    await waitFor(() => expect(list.textContent).toBe('On this desktop only — This workspace does not sync through a relay'));
    // Opening it asks for a download; the service answers with an event the hook merges.
    await fx.admin.call('files.fetch', { workspaceId: fx.workspaceId, caseId: fx.caseId, fileId });
    await waitFor(() => expect(list.textContent).toBe('Failed: This workspace does not sync through a relay'));
  });

  it('sets and clears "keep files offline" through the service', async () => {
    const seen: boolean[] = [];
    render(<KeepOfflineToggle workspaceId={fx.workspaceId} caseId={fx.caseId} onChange={(v) => seen.push(v)} />, { wrapper: withClient(fx.admin, fx.identity) });
    const box = screen.getByRole('checkbox', { name: 'Keep files offline' }) as HTMLInputElement;
    await waitFor(() => expect(box.disabled).toBe(false));
    expect(box.checked).toBe(false);
    expect(box.getAttribute('aria-describedby')).toBeTruthy();
    fireEvent.click(box);
    await waitFor(() => expect(seen).toEqual([true]));
    expect(await fx.admin.call('files.keepOffline', { workspaceId: fx.workspaceId, caseId: fx.caseId })).toEqual({ keepOffline: true });
    await waitFor(() => expect(box.checked && !box.disabled).toBe(true));
    fireEvent.click(box);
    await waitFor(() => expect(seen).toEqual([true, false]));
    expect(await fx.admin.call('files.keepOffline', { workspaceId: fx.workspaceId, caseId: fx.caseId })).toEqual({ keepOffline: false });
  });
});
