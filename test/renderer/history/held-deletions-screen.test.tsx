// @vitest-environment happy-dom
/**
 * The held deletions screen and its sidebar badge against a real data service synced to the real
 * relay: a member's mass deletion held by the relay shows with its case, member and record count;
 * the badge counts it; Reject asks first (naming the consequence) and then leaves nothing pending;
 * the next hold is approved the same way and the member's re-send is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { CaseDoc } from '../../../shared/docs/case-doc';
import type { DataClient } from '../../../renderer/src/data/client';
import { HeldDeletionsNavLink } from '../../../renderer/src/history/held-deletions-nav';
import { HeldDeletionsScreen } from '../../../renderer/src/history/held-deletions-screen';
import { HELD_RECORDS, holdMassDeletion, type HeldSetup } from '../../helpers/held-deletion';
import { startService, waitFor as waitUntil, type Harness } from '../../helpers/service';
import { readBack, spawnRelay, type RelayProcess } from '../../relay/helpers';
import { withClient } from '../data/render-with-client';

let relay: RelayProcess;
let h: Harness;
let c: DataClient;
let held: HeldSetup | null = null;
beforeAll(async () => {
  // The data service runs in this process, whose fetch is happy-dom's: let it reach the relay.
  (globalThis as unknown as { happyDOM: { settings: { fetch: { disableSameOriginPolicy: boolean } } } }).happyDOM.settings.fetch.disableSameOriginPolicy = true;
  relay = await spawnRelay();
  h = startService({ syncTimings: { roundIntervalMs: 300, docTimeoutMs: 15_000 } });
  c = h.client();
}, 120_000);
afterAll(async () => {
  for (const x of held?.clients ?? []) x.destroy();
  h?.close();
  await relay?.stop();
});

describe('HeldDeletionsScreen', () => {
  it('lists a held deletion with a badge, rejects and approves it behind a confirmation', async () => {
    held = await holdMassDeletion(c, relay);
    const ws = (await c.call('workspaces.list', {})).find((w) => w.id === held!.workspaceId)!;
    const wrapper = withClient(c, held.identity);
    const nav = render(<HeldDeletionsNavLink workspaceId={ws.id} current={false} />, { wrapper });
    const badge = await within(nav.container).findByLabelText('1 deletion waits for an admin’s decision');
    expect(badge.textContent).toBe('1');
    nav.unmount();

    const view = render(<HeldDeletionsScreen ws={ws} />, { wrapper });
    await screen.findByRole('heading', { name: '1 deletion is waiting for a decision' });
    const table = screen.getByRole('table', { name: 'Mass deletions held by the relay' });
    const row = table.querySelector('tbody tr')!;
    expect(row.textContent).toContain(`${held.caseNumber} · Rosewood from Toamasina`);
    expect(row.textContent).toContain(held.memberName);
    expect(row.textContent).toContain(`${HELD_RECORDS} records`);
    expect(row.textContent).toMatch(/Member may re-send until/);

    // Reject: the dialog says what stays; after it, nothing is pending.
    fireEvent.click(within(row as HTMLElement).getByRole('button', { name: 'Reject' }));
    const rejectDialog = await screen.findByRole('dialog', { name: 'Reject this deletion?' });
    expect(rejectDialog.textContent).toContain(`The relay keeps the ${HELD_RECORDS} records of ${held.caseNumber} · Rosewood from Toamasina that ${held.memberName} deleted`);
    fireEvent.click(within(rejectDialog).getByRole('button', { name: 'Reject deletion' }));
    await screen.findByText(`Rejected: the ${HELD_RECORDS} records of ${held.caseNumber} · Rosewood from Toamasina stay on the relay.`);
    await screen.findByRole('heading', { name: 'Nothing is waiting for a decision' });
    expect(screen.getByRole('table', { name: 'Mass deletions held by the relay' }).textContent).toContain('No deletion is held.');
    expect((await c.call('history.alerts', { workspaceId: ws.id })).alerts.map((a) => a.kind)).toContain('mass-deletion-rejected');
    view.unmount();

    // The member re-sends: held again; approve it from a fresh screen, then the re-send is stored.
    held.resend();
    await waitUntil(async () => (await c.call('deletions.held', { workspaceId: ws.id })).held.length === 1, 20_000, 'the second hold');
    render(<HeldDeletionsScreen ws={ws} />, { wrapper });
    const approveButton = await screen.findByRole('button', { name: 'Approve' });
    fireEvent.click(approveButton);
    const approveDialog = await screen.findByRole('dialog', { name: 'Approve this deletion?' });
    expect(approveDialog.textContent).toContain(`${held.memberName} may then delete ${HELD_RECORDS} records of ${held.caseNumber} · Rosewood from Toamasina for every member of the task force`);
    fireEvent.click(within(approveDialog).getByRole('button', { name: 'Approve deletion' }));
    await screen.findByText(`Approved: ${held.memberName} may now re-send the deletion of ${HELD_RECORDS} records of ${held.caseNumber} · Rosewood from Toamasina.`);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull());
    held.resend();
    await readBack(relay.url, held.docName, held.token, (d) => new CaseDoc(d).seizureCount() === 0, 'the approved deletion stored');
  }, 240_000);
});
