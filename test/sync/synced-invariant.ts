/**
 * The "never falsely synced" invariant of issue 9: at no point may a desktop report `synced` for
 * a doc whose local updates the relay has not stored. Checked at the moment of every report
 * (the engine's `onDocState` hook is synchronous, and the relay's SQLite file is read through a
 * second, read-only connection with a synchronous read), against every update the replica made
 * itself (origin other than the relay), across its restarts.
 */
import * as Y from 'yjs';
import { openDatabase, type Db } from '../../node/store/sqlite';
import { SqliteDocLog } from '../../node/store/sqlite-doc-log';
import { storedCovers } from '../../shared/protocol/relay';
import { RELAY_ORIGIN } from '../../service/relay-sync/relay-doc-link';
import type { DocSyncState } from '../../service/relay-sync/sync-status';
import type { WorkspaceRuntime } from '../../service/workspace/workspace-runtime';

/** Watches replicas' local updates and judges their `synced` reports against the relay's file. */
export class SyncedInvariant {
  private readonly db: Db;
  private readonly log: SqliteDocLog;
  /** replica → doc → every local update it made, merged. */
  private readonly local = new Map<number, Map<string, Uint8Array>>();
  /** What went wrong (empty while the invariant holds). */
  readonly violations: string[] = [];
  /** `synced` reports checked. */
  claims = 0;

  /** `relayFile`: the relay's SQLite file (it must exist and be migrated). */
  constructor(relayFile: string) {
    this.db = openDatabase(relayFile, { readonly: true });
    this.log = new SqliteDocLog(this.db);
  }

  /** Records replica `replica`'s local updates on `rt` (call again after each reopen); returns a disposer. */
  watch(replica: number, rt: WorkspaceRuntime): () => void {
    return rt.host.listen({
      update: (name, update, origin) => {
        if (origin === RELAY_ORIGIN) return;
        const docs = this.local.get(replica) ?? new Map<string, Uint8Array>();
        this.local.set(replica, docs);
        const before = docs.get(name);
        docs.set(name, before ? Y.mergeUpdates([before, update]) : update);
      },
    });
  }

  /** The engine's `onDocState` for replica `replica`: a `synced` report is checked now. */
  onDocState(replica: number, name: string, state: DocSyncState): void {
    if (state !== 'synced') return;
    this.claims++;
    const mine = this.local.get(replica)?.get(name);
    if (!mine) return;
    const need = Y.createSnapshot(Y.decodeUpdate(mine).ds, Y.parseUpdateMeta(mine).to);
    const stored = this.log.read(name);
    const relay = new Y.Doc();
    Y.transact(relay, () => {
      if (stored.snapshot) Y.applyUpdate(relay, stored.snapshot);
      for (const u of stored.updates) Y.applyUpdate(relay, u);
    });
    if (!storedCovers(Y.snapshot(relay), need)) this.violations.push(`replica ${replica} reported ${name} synced while the relay did not hold all of its local updates`);
    relay.destroy();
  }

  /** Closes the read-only connection. */
  close(): void {
    this.db.close();
  }
}
