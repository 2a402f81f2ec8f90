/**
 * The deletion rules read a volume doc exactly as a case doc (docs/architecture.md "Volume docs"):
 * the one classifier (shared/permissions/deletion-summary.ts) finds a seizure removed whole or
 * marked deleted in a volume, the data service's check of a window's update
 * (service/renderer-sync/sync-hub.ts deletionRefusal) refuses an investigator's removal there as
 * in the case doc, and the relay's check (relay/hub/deletion-check.ts) counts a member's record
 * deletions per volume doc against the same mass-deletion limit.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CaseDoc } from '../../shared/docs/case-doc';
import { VolumeDoc } from '../../shared/docs/volume-doc';
import { parseDocName, volumeDocName } from '../../shared/docs/names';
import { newSeizureFields } from '../../shared/domain/seizure';
import { MASS_DELETION_THRESHOLD, summariseDeletions } from '../../shared/permissions';
import { deletionRefusal } from '../../service/renderer-sync/sync-hub';
import { DeletionCheck } from '../../relay/hub/deletion-check';
import type { Connection } from '../../relay/connection';
import { createLogger } from '../../node/log';

const w = { memberId: 'm1' };
const idOf = (i: number): string => `00000000-0000-4000-8000-${String(i + 100).padStart(12, '0')}`;

/** A volume doc with `n` seizures (the relay's copy) and a replica synced from it. */
function volumePair(n: number): { relay: Y.Doc; client: Y.Doc; ids: string[] } {
  const relay = new Y.Doc();
  const ids = Array.from({ length: n }, (_, i) => idOf(i));
  new VolumeDoc(relay).insertSeizures(ids.map((id) => ({ id, fields: { ...newSeizureFields('2026-01-02'), country: 'KE', commodity: 'Ivory' } })), w);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(relay));
  return { relay, client, ids };
}

/** The update `edit` makes on `client`. */
function updateOf(client: Y.Doc, edit: () => void): Uint8Array {
  const before = Y.encodeStateVector(client);
  edit();
  return Y.encodeStateAsUpdate(client, before);
}

describe('deletion rules over volume docs', () => {
  it('a record removed whole is refused for an investigator, a record marked deleted is allowed, as in a case doc', () => {
    const { relay, client, ids } = volumePair(3);
    const hard = updateOf(client, () => client.getMap('seizures').delete(ids[0]!));
    expect([...summariseDeletions(relay, hard).removed]).toEqual([`seizures/${ids[0]}`]);
    expect(deletionRefusal(relay, hard, 'investigator')).toBe('record-removal-denied');
    expect(deletionRefusal(relay, hard, 'admin')).toBeNull();
    Y.applyUpdate(relay, hard); // (a delete set is cumulative: what the relay applied is not counted again)

    // The tombstone written through the case doc's seizure write with the volume as home.
    const caseReplica = new CaseDoc(new Y.Doc());
    const soft = updateOf(client, () => caseReplica.deleteSeizure(ids[1]!, w, new VolumeDoc(client).home()));
    const s = summariseDeletions(relay, soft);
    expect([...s.flagged]).toEqual([`seizures/${ids[1]}`]);
    expect(s.removed.size).toBe(0);
    expect(deletionRefusal(relay, soft, 'investigator')).toBeNull();
  });

  it('the relay counts an investigator’s deletions per volume doc against the mass-deletion limit', () => {
    const n = MASS_DELETION_THRESHOLD + 1;
    const { relay, client, ids } = volumePair(n);
    const alerts: unknown[] = [];
    const check = new DeletionCheck({ alerts: { addAlert: async (a: unknown) => void alerts.push(a) } as never, log: createLogger('test', 'silent'), now: () => 1_000 });
    const name = volumeDocName('00000000-0000-4000-8000-0000000000f1', '00000000-0000-4000-8000-0000000000c1', 1);
    const conn = { id: 1, room: { doc: relay, name, ref: parseDocName(name) }, member: { memberId: 'm2', role: 'investigator' } } as unknown as Connection;
    const few = updateOf(client, () => new VolumeDoc(client).markDeleted(ids.slice(0, MASS_DELETION_THRESHOLD), w));
    expect(check.check(conn, few)).toBeNull();
    Y.applyUpdate(relay, few);
    const one = updateOf(client, () => new VolumeDoc(client).markDeleted([ids[n - 1]!], w));
    expect(check.check(conn, one)).toBe('mass-deletion');
    expect(alerts).toEqual([expect.objectContaining({ kind: 'mass-deletion', doc: name, memberId: 'm2', records: n })]);
  });
});
