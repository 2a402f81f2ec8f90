/**
 * One desktop's local store stack for the convergence tests: a {@link WorkspaceStore} (a real
 * SQLite file in the replica's own data folder) and a {@link WorkspaceRuntime} (DocHost +
 * Projector), opened, closed and reopened exactly as the data service does.
 *
 * A restart is either clean (`WorkspaceRuntime.close`: compacts, marks projections clean) or a
 * crash (the database handle is dropped without `close`, as when the process dies: everything
 * appended is on disk, projections are not marked clean, so the next open rebuilds them).
 */

import { databaseOf } from '../../service/workspace/workspace-store';
import type { Logger } from '../../node/log';
import type { MemberRole } from '../../shared/domain/codes';
import { WorkspaceRuntime } from '../../service/workspace/workspace-runtime';
import { WorkspaceStore } from '../../service/workspace/workspace-store';

/** A replica: who it is and its open runtime. */
export class LocalReplica {
  /** 0, 1, 2… (for messages). */
  readonly index: number;
  /** The member this desktop writes as. */
  readonly memberId: string;
  /** Its role (local settings; the relay decides from the workspace doc). */
  readonly role: MemberRole;
  /** The data folder holding `workspaces/<id>/workspace.sqlite`. */
  readonly dataDir: string;
  /** The workspace id. */
  readonly workspaceId: string;
  private readonly logger: Logger;
  private runtime: WorkspaceRuntime | null = null;

  constructor(o: { index: number; memberId: string; role: MemberRole; dataDir: string; workspaceId: string; logger: Logger }) {
    this.index = o.index;
    this.memberId = o.memberId;
    this.role = o.role;
    this.dataDir = o.dataDir;
    this.workspaceId = o.workspaceId;
    this.logger = o.logger;
    const store = WorkspaceStore.open(o.dataDir, o.workspaceId, { create: true });
    if (!store.localSettings()) store.setLocalSettings({ memberId: o.memberId, role: o.role, demo: false });
    this.start(store);
  }

  private start(store: WorkspaceStore): WorkspaceRuntime {
    const rt = new WorkspaceRuntime(store, this.logger, () => undefined);
    this.runtime = rt;
    return rt;
  }

  /** The open runtime. @throws Error while closed (between close and open of a restart). */
  get rt(): WorkspaceRuntime {
    if (!this.runtime) throw new Error(`replica ${this.index} is closed`);
    return this.runtime;
  }

  /** Closes the runtime, cleanly or as a crash. */
  close(crash: boolean): void {
    const rt = this.rt;
    this.runtime = null;
    if (crash) databaseOf(rt.store).close();
    else rt.close();
  }

  /** Reopens from the SQLite file (projections are rebuilt at open after a crash). */
  open(): WorkspaceRuntime {
    if (this.runtime) throw new Error(`replica ${this.index} is already open`);
    return this.start(WorkspaceStore.open(this.dataDir, this.workspaceId));
  }

  /** True while open. */
  get isOpen(): boolean {
    return this.runtime !== null;
  }
}
