// @vitest-environment happy-dom
/**
 * The invitation and join dialogs on the shared FormDialog, against a real data service: the
 * invitation form checks its fields with catalogue messages next to them (and focuses the first
 * invalid one), then creates an invitation; the join dialog asks for an invitation before joining,
 * reads a pasted one, and says when the workspace is already on this computer.
 */
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Identity, WorkspaceSummary } from '../../../shared/rpc/app';
import type { DataClient } from '../../../renderer/src/data/client';
import { InviteDialog } from '../../../renderer/src/members/invite-dialog';
import { JoinDialog } from '../../../renderer/src/members/join-dialog';
import { ToastProvider } from '../../../renderer/src/ui/toast';
import { startService, type Harness } from '../../helpers/service';
import { withClient } from '../data/render-with-client';

let h: Harness;
let admin: DataClient;
let identity: Identity;
let ws: WorkspaceSummary;

beforeEach(async () => {
  h = startService();
  admin = h.client();
  identity = await admin.call('identity.create', { name: 'Ada Lim', agency: 'NEST Secretariat', role: 'admin' });
  ws = await admin.call('workspaces.create', { name: 'NEST Mekong 2026', casePrefix: 'MEK', reportingCurrency: 'USD' });
  // An invitation names the workspace's relay; none needs to run for it to be made.
  await admin.call('sync.connect', { workspaceId: ws.id, relayUrl: 'ws://127.0.0.1:9' });
});
afterEach(() => {
  cleanup();
  h.close();
});

function renderIn(node: ReactNode): void {
  const Wrapper = withClient(admin, identity);
  render(
    <Wrapper>
      <ToastProvider>{node}</ToastProvider>
    </Wrapper>,
  );
}

async function submit(name: string): Promise<void> {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name, hidden: true }));
  });
}

describe('InviteDialog', () => {
  it('shows catalogue messages next to bad fields, then creates the invitation', async () => {
    renderIn(<InviteDialog ws={ws} onClose={() => undefined} />);
    fireEvent.change(screen.getByLabelText('Valid for (days)'), { target: { value: '0' } });
    await submit('Create invitation');
    const days = screen.getByLabelText('Valid for (days)');
    await waitFor(() => expect(days.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(days.getAttribute('aria-describedby')!.split(' ')[0]!)?.textContent).toBe('Must be at least 1 day');
    fireEvent.change(days, { target: { value: '1000' } });
    expect(screen.getByText('Must be at most 730 days (2 years)')).toBeTruthy();
    fireEvent.change(days, { target: { value: '2.5' } });
    expect(screen.getByText('Must be a whole number of days')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('Full name'));

    fireEvent.change(screen.getByLabelText('Full name'), { target: { value: 'Bo Tan' } });
    fireEvent.change(screen.getByLabelText('Agency'), { target: { value: 'National Parks Board' } });
    fireEvent.change(days, { target: { value: '90' } });
    await submit('Create invitation');
    const ready = await screen.findByRole('dialog', { name: 'Invitation ready', hidden: true }, { timeout: 10_000 });
    expect((screen.getByTestId('invitation-string') as HTMLTextAreaElement).value).toMatch(/^NEST1\./);
    expect(ready.querySelector('.invitation-summary')?.textContent).toContain('Bo Tan · National Parks Board');
  });
});

describe('JoinDialog', () => {
  it('asks for an invitation first, then reads a pasted one and says the workspace is already here', async () => {
    const invitation = await admin.call('invitations.create', { workspaceId: ws.id, name: 'Bo Tan', agency: 'NParks', role: 'observer', validDays: 30 });
    renderIn(<JoinDialog onClose={() => undefined} onJoined={() => undefined} />);
    await submit('Join workspace');
    const box = screen.getByLabelText('Invitation');
    await waitFor(() => expect(box.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Paste the invitation, or open its .nestinvite file.')).toBeTruthy();
    expect(document.activeElement).toBe(box);

    fireEvent.change(box, { target: { value: invitation.invitation } });
    const preview = await screen.findByTestId('join-preview', {}, { timeout: 10_000 });
    expect(box.getAttribute('aria-invalid')).toBe('false');
    expect(preview.textContent).toContain('This workspace is already on this computer: joining renews your access as Observer');
    expect(preview.textContent).toContain('Bo Tan · NParks');
    expect(screen.getByRole('button', { name: 'Join NEST Mekong 2026', hidden: true }).getAttribute('type')).toBe('submit');
  });
});
