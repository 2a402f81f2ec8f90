/**
 * A mass deletion held by the real relay, as the held-deletions tests need it: an admin's data
 * service with a workspace synced to `relay`, a case of {@link HELD_RECORDS} seizures, and an
 * invited investigator whose stock y-websocket client deletes them all at once (refused, 4409,
 * and held). Returns what the tests decide on and re-send with.
 */
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import type { DataClient } from '../../renderer/src/data/client';
import { decodeInvitation } from '../../service/relay-sync/invitation';
import { CaseDoc } from '../../shared/docs/case-doc';
import { newCaseFields } from '../../shared/domain/case';
import { newSeizureFields } from '../../shared/domain/seizure';
import { MASS_DELETION_THRESHOLD } from '../../shared/permissions';
import { CLOSE } from '../../shared/protocol/relay';
import type { Identity } from '../../shared/rpc/app';
import { connect, readBack, runCli, type RelayProcess, type TestClient } from '../relay/helpers';
import { waitFor } from './service';

/** Seizures the member deletes at once (over the mass-deletion threshold). */
export const HELD_RECORDS = MASS_DELETION_THRESHOLD + 4;

/** What {@link holdMassDeletion} set up. */
export interface HeldSetup {
  identity: Identity;
  workspaceId: string;
  caseId: string;
  caseNumber: string;
  docName: string;
  memberId: string;
  memberName: string;
  /** The member's relay token. */
  token: string;
  /** The member's local doc after the deletion (what a re-send carries). */
  local: Y.Doc;
  /** Every stock client opened; destroy them after the test. */
  clients: TestClient[];
  /** Connects the member again with `local`'s state (as "Sync now" re-sends it). */
  resend(): TestClient;
}

/**
 * Sets up a held mass deletion through `c` (a fresh data service) and `relay`.
 * @throws when a step times out.
 */
export async function holdMassDeletion(c: DataClient, relay: RelayProcess, title = 'Rosewood from Toamasina'): Promise<HeldSetup> {
  const identity = await c.call('identity.create', { name: 'Ada Admin', agency: 'NEST Secretariat', role: 'admin' });
  const workspaceId = (await c.call('workspaces.create', { name: 'Task Force Alpha', casePrefix: 'TFA', reportingCurrency: 'USD' })).id;
  const k = await c.call('cases.create', { workspaceId, fields: { ...newCaseFields('2026-11-29'), title, jurisdictions: ['MG'] } });
  const r = c.openDoc(k.docName);
  await r.whenSynced();
  const ids = Array.from({ length: HELD_RECORDS }, (_, i) => {
    const id = randomUUID();
    new CaseDoc(r.doc).addSeizure(id, { ...newSeizureFields('2026-11-02'), country: 'MG', commodity: 'rosewood', place: `Quay ${i}` }, { memberId: identity.memberId });
    return id;
  });
  const connected = await c.call('sync.connect', { workspaceId, relayUrl: relay.url });
  await runCli(['add-workspace', '--data-dir', relay.dataDir, '--id', workspaceId, '--public-key', connected.publicKeyJwk]);
  await c.call('sync.connect', { workspaceId, relayUrl: relay.url });
  const memberName = 'Rivo Randria';
  const invited = await c.call('invitations.create', { workspaceId, name: memberName, agency: 'Madagascar Customs', role: 'investigator', validDays: 7 });
  const token = decodeInvitation(invited.invitation).token;
  await waitFor(async () => (await c.call('sync.status', { workspaceId })).state === 'synced', 30_000, 'synced');
  await readBack(relay.url, k.docName, token, (d) => new CaseDoc(d).seizureCount() === HELD_RECORDS, 'the case on the relay');
  r.release();

  const clients: TestClient[] = [];
  const m = connect(relay.url, k.docName, token);
  clients.push(m);
  await waitFor(() => m.provider.synced && new CaseDoc(m.doc).seizureCount() === HELD_RECORDS, 20_000, 'the member’s copy');
  m.doc.transact(() => {
    for (const id of ids) new CaseDoc(m.doc).deleteSeizure(id, { memberId: invited.memberId });
  });
  await waitFor(() => m.closeCodes.includes(CLOSE.REFUSED), 20_000, 'the refusal (4409)');
  const local = m.doc;
  return {
    identity,
    workspaceId,
    caseId: k.id,
    caseNumber: k.number,
    docName: k.docName,
    memberId: invited.memberId,
    memberName,
    token,
    local,
    clients,
    resend: () => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(local));
      const x = connect(relay.url, k.docName, token, { doc });
      clients.push(x);
      return x;
    },
  };
}
