// @vitest-environment happy-dom
/**
 * The header's save indicator against a real data service whose disk fills up: "Saved locally"
 * only while every change is written; "2 changes not saved" with a retry button while the disk
 * refuses writes; "Saved locally" again once space is freed and the user retries.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ConnectionIndicator } from '../../../renderer/src/shell/connection-indicator';
import { databaseOf } from '../../../service/workspace/workspace-store';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { newSeizureFields } from '../../../shared/domain/seizure';
import { caseFixture, withClient, type CaseFixture } from '../data/render-with-client';

let f: CaseFixture | null = null;
afterEach(() => {
  f?.h.close();
  f = null;
});

describe('ConnectionIndicator', () => {
  it('claims "Saved locally" only while the disk holds every change', async () => {
    f = await caseFixture();
    const { admin, identity, workspaceId, docName } = f;
    const Wrapper = withClient(admin, identity);
    const view = render(<ConnectionIndicator workspaceId={workspaceId} />, { wrapper: Wrapper });
    await waitFor(() => expect(view.container.querySelector('.conn')?.getAttribute('data-storage')).toBe('saved'));
    expect(view.container.textContent).toBe('Saved locally');

    const db = databaseOf(f.h.service.workspace(workspaceId).store);
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    const replica = admin.openDoc(docName);
    await replica.whenSynced();
    const cd = new CaseDoc(replica.doc);
    act(() => {
      for (const n of [1, 2]) {
        cd.addSeizure(`c0000000-0000-4000-8000-00000000000${n}`, { ...newSeizureFields('2019-04-01'), country: 'NG', commodity: `pangolin scales ${n}`, notes: 'z'.repeat(9000) }, { memberId: identity.memberId });
      }
    });
    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert.textContent).toContain('2 changes not saved'));
    expect(alert.getAttribute('title')).toContain('SQLITE_FULL');
    expect(view.container.textContent).not.toContain('Saved locally');

    db.pragma('max_page_count = 1073741823');
    fireEvent.click(screen.getByRole('button', { name: 'Retry now' }));
    await waitFor(() => expect(view.container.querySelector('.conn')?.getAttribute('data-storage')).toBe('saved'));
    expect(view.container.textContent).toBe('Saved locally');
    replica.release();
  });

  it('says only "Connected" outside a workspace (nothing to save there)', async () => {
    f = await caseFixture();
    const view = render(<ConnectionIndicator workspaceId={null} />, { wrapper: withClient(f.admin, f.identity) });
    await waitFor(() => expect(view.container.textContent).toBe('Connected'));
    expect(view.container.querySelector('.conn')?.getAttribute('data-storage')).toBe('unknown');
  });
});
