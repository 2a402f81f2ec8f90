// @vitest-environment happy-dom
/**
 * The case History section against a real data service synced to the real relay: opening it
 * lists the relay's provenance of the case with the member's name, and "Restore to here" brings
 * back a deleted seizure as a new change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { newCaseFields } from '../../../shared/domain/case';
import { newSeizureFields } from '../../../shared/domain/seizure';
import type { Identity } from '../../../shared/rpc/app';
import type { DataClient } from '../../../renderer/src/data/client';
import { HistorySection } from '../../../renderer/src/history/history-section';
import { startService, waitFor as waitUntil, type Harness } from '../../helpers/service';
import { runCli, spawnRelay, type RelayProcess } from '../../relay/helpers';
import { withClient } from '../data/render-with-client';

let relay: RelayProcess;
let h: Harness;
let c: DataClient;
beforeAll(async () => {
  // The data service runs in this test's process, whose fetch is happy-dom's: let it reach the
  // relay's port as the service's Node fetch would (no same-origin policy in the service).
  (globalThis as unknown as { happyDOM: { settings: { fetch: { disableSameOriginPolicy: boolean } } } }).happyDOM.settings.fetch.disableSameOriginPolicy = true;
  relay = await spawnRelay();
  h = startService({ syncTimings: { roundIntervalMs: 300, docTimeoutMs: 15_000 } });
  c = h.client();
});
afterAll(async () => {
  h?.close();
  await relay?.stop();
});

describe('HistorySection', () => {
  it('lists the relay’s provenance and restores a deleted seizure', async () => {
    const identity: Identity = await c.call('identity.create', { name: 'Ada Admin', agency: 'NEST Secretariat', role: 'admin' });
    const ws = await c.call('workspaces.create', { name: 'Task Force Alpha', casePrefix: 'TFA', reportingCurrency: 'USD' });
    const k = await c.call('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-11-29'), title: 'Rosewood' } });
    const r = c.openDoc(k.docName);
    await r.whenSynced();
    const view = new CaseDoc(r.doc);
    const id = crypto.randomUUID();
    view.addSeizure(id, { ...newSeizureFields('2026-11-02'), country: 'MG', commodity: 'rosewood', place: 'Toamasina' }, { memberId: identity.memberId });
    const connected = await c.call('sync.connect', { workspaceId: ws.id, relayUrl: relay.url });
    await runCli(['add-workspace', '--data-dir', relay.dataDir, '--id', ws.id, '--public-key', connected.publicKeyJwk]);
    await c.call('sync.connect', { workspaceId: ws.id, relayUrl: relay.url });
    await waitUntil(async () => (await c.call('history.list', { workspaceId: ws.id, caseId: k.id })).entries.length > 0, 30_000, 'the case in the relay');
    const before = (await c.call('history.list', { workspaceId: ws.id, caseId: k.id })).entries.length;
    view.deleteSeizure(id, { memberId: identity.memberId });
    await waitUntil(async () => (await c.call('history.list', { workspaceId: ws.id, caseId: k.id })).entries.length > before, 20_000, 'the deletion in the relay');

    const { container } = render(<HistorySection workspaceId={ws.id} caseId={k.id} />, { wrapper: withClient(c, identity) });
    const details = container.querySelector('details')!;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    const table = await screen.findByRole('table', { name: 'Changes accepted by the relay' });
    await waitFor(() => expect(table.querySelectorAll('tbody tr').length).toBeGreaterThan(1));
    expect(table.textContent).toContain('Ada Admin');
    expect(view.seizureCount()).toBe(0);
    // Restore to the first change (the case with its seizure, before the deletion).
    fireEvent.click(screen.getAllByRole('button', { name: 'Restore to here' })[0]!);
    fireEvent.click(await screen.findByRole('button', { name: 'Restore' }));
    await screen.findByText(/^Restored: \d+ changes? written\.$/);
    await waitFor(() => expect(view.seizureCount()).toBe(1));
    expect(view.getSeizure(id)?.place).toBe('Toamasina');
    r.release();
  }, 120_000);
});
