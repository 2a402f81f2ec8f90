/**
 * Found by the convergence property (convergence.test.ts): a seizure that reaches a desktop
 * before the case's meta never enters that desktop's projections.
 *
 * How it happens with the relay: a desktop connects to a case doc it does not have yet; before the
 * relay has answered its sync step 1 (the whole doc), the relay fans out another member's new
 * seizure to it. That update comes from a Y.Doc client the desktop has never seen (every member,
 * and every run of the app, has its own client id), so Yjs integrates the parts without missing
 * dependencies — the new seizure record — and keeps the rest (audit entry, meta stamps) pending.
 * The runtime's case observer (service/workspace/workspace-runtime.ts, `onLoaded`) returns early
 * while `!cd.isInitialised()`, so the seizure is not projected; when the whole doc arrives, that
 * transaction's `changed` set names only the records integrated then, so the seizure is never
 * projected. A clean close then marks the stale projection clean, so no rebuild repairs it.
 *
 * The runtime first remembered such an early change in memory; the property then found (seed
 * -1617583326) that a clean restart between the early seizure and the meta forgot it. Whether a
 * case is projected yet is now read from the projection itself (Projector.isProjected).
 */
import { databaseOf } from '../../service/workspace/workspace-store';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../node/log';
import { CaseDoc } from '../../shared/docs/case-doc';
import { newCaseFields } from '../../shared/domain/case';
import { newSeizureFields } from '../../shared/domain/seizure';
import { WorkspaceRuntime } from '../../service/workspace/workspace-runtime';
import { WorkspaceStore } from '../../service/workspace/workspace-store';
import { RELAY_ORIGIN } from '../../service/relay-sync/relay-doc-link';
import { tempDir } from '../helpers/temp-dir';

const W = { memberId: 'member-a' };
const S1 = '00000000-0000-4000-8000-000000000001';
const S2 = '00000000-0000-4000-8000-000000000002';

/** A case with seizure S1 (one Y client), and S2 added by a second Y client: the whole state and S2's own update. */
function twoClients(caseId: string): { whole: Uint8Array; s2Update: Uint8Array } {
  const a = new Y.Doc();
  const ca = new CaseDoc(a);
  ca.init(caseId, 'TFA-2026-0001', { ...newCaseFields('2026-01-01'), title: 'Ivory' }, W);
  ca.addSeizure(S1, { ...newSeizureFields('2026-01-02'), country: 'SG', commodity: 'ivory' }, W);
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  let s2Update: Uint8Array | null = null;
  b.on('update', (u: Uint8Array) => (s2Update = u));
  new CaseDoc(b).addSeizure(S2, { ...newSeizureFields('2026-01-03'), country: 'SG', commodity: 'pangolin scales' }, { memberId: 'member-b' });
  return { whole: Y.encodeStateAsUpdate(b), s2Update: s2Update! };
}

describe('projections of a case doc whose records arrive before its meta', () => {
  // Regression (found by the convergence property): a change that arrives before the case meta is
  // remembered, and the whole case is projected once the meta is there (workspace-runtime.ts).
  it('projects a seizure that arrived before the case meta', () => {
    const dir = tempDir();
    const workspaceId = '11111111-1111-4111-8111-111111111111';
    const caseId = '22222222-2222-4222-8222-222222222222';
    const store = WorkspaceStore.open(dir, workspaceId, { create: true });
    store.setLocalSettings({ memberId: 'member-c', role: 'investigator', demo: false });
    const rt = new WorkspaceRuntime(store, createLogger('test', 'silent'), () => undefined);
    try {
      const { whole, s2Update } = twoClients(caseId);
      const doc = rt.host.retain(rt.caseDocName(caseId));
      Y.applyUpdate(doc, s2Update, RELAY_ORIGIN); // the fan-out overtakes…
      Y.applyUpdate(doc, whole, RELAY_ORIGIN); // …the answer to the desktop's sync step 1
      expect(new CaseDoc(doc).listSeizures().map((s) => s.id)).toEqual([S1, S2]); // the doc is right
      const projected = databaseOf(rt.store).prepare('SELECT id FROM seizures ORDER BY id').pluck().all();
      expect(projected).toEqual([S1, S2]); // fails today: only S1
      rt.host.release(rt.caseDocName(caseId));
    } finally {
      rt.close();
    }
  });

  it('projects it too when the desktop restarts cleanly between the early seizure and the meta', () => {
    const dir = tempDir();
    const workspaceId = '11111111-1111-4111-8111-111111111111';
    const caseId = '22222222-2222-4222-8222-222222222222';
    const open = (): WorkspaceRuntime => new WorkspaceRuntime(WorkspaceStore.open(dir, workspaceId, { create: true }), createLogger('test', 'silent'), () => undefined);
    const { whole, s2Update } = twoClients(caseId);
    let rt = open();
    rt.store.setLocalSettings({ memberId: 'member-c', role: 'investigator', demo: false });
    Y.applyUpdate(rt.host.retain(rt.caseDocName(caseId)), s2Update, RELAY_ORIGIN); // the fan-out arrives alone…
    rt.host.release(rt.caseDocName(caseId));
    rt.close(); // …the desktop quits cleanly (projections marked clean: nothing to rebuild at open)…
    rt = open();
    try {
      const doc = rt.host.retain(rt.caseDocName(caseId));
      expect(new CaseDoc(doc).isInitialised()).toBe(false); // S2 was kept, the meta is still missing
      Y.applyUpdate(doc, whole, RELAY_ORIGIN); // …and after the restart the whole doc arrives
      expect(new CaseDoc(doc).listSeizures().map((s) => s.id)).toEqual([S1, S2]);
      const projected = databaseOf(rt.store).prepare('SELECT id FROM seizures ORDER BY id').pluck().all();
      expect(projected).toEqual([S1, S2]); // was [S1]: the early change was remembered only in memory
      expect(databaseOf(rt.store).prepare('SELECT seizure_count FROM cases WHERE id = ?').pluck().get(caseId)).toBe(2);
      rt.host.release(rt.caseDocName(caseId));
    } finally {
      rt.close();
    }
  });
});

describe('a projection that failed is not marked clean at close', () => {
  it('rebuilds at the next open a case whose projection write failed and was not redone', () => {
    const dir = tempDir();
    const workspaceId = '11111111-1111-4111-8111-111111111111';
    const caseId = '33333333-3333-4333-8333-333333333333';
    const open = (): WorkspaceRuntime => new WorkspaceRuntime(WorkspaceStore.open(dir, workspaceId, { create: true }), createLogger('test', 'silent'), () => undefined);
    let rt = open();
    rt.store.setLocalSettings({ memberId: 'member-a', role: 'admin', demo: false });
    const name = rt.caseDocName(caseId);
    const cd = new CaseDoc(rt.host.retain(name));
    cd.init(caseId, 'TFA-2026-0001', { ...newCaseFields('2026-01-01'), title: 'Ivory' }, W);
    // The projection's seizure writes now fail (as on a full disk); the doc's own writes do not.
    databaseOf(rt.store).exec("CREATE TEMP TRIGGER fail_projection BEFORE INSERT ON seizures BEGIN SELECT RAISE(FAIL, 'disk full (test)'); END;");
    cd.addSeizure(S1, { ...newSeizureFields('2026-01-02'), country: 'SG', commodity: 'ivory' }, W);
    expect(databaseOf(rt.store).prepare('SELECT count(*) FROM seizures').pluck().get()).toBe(0);
    rt.host.release(name);
    rt.close();
    rt = open(); // a new connection (no trigger): the projection must be rebuilt, not trusted
    try {
      expect(databaseOf(rt.store).prepare('SELECT id FROM seizures').pluck().all()).toEqual([S1]);
    } finally {
      rt.close();
    }
  });
});
