/**
 * The sync status of every file of a workspace's cases, held in the data service and pushed to
 * renderers as `files.status` events (only the files that changed; progress at most every 200 ms
 * per case). Statuses are kept per blob hash (two records with the same bytes share one transfer)
 * and reported per file record.
 */
import type { AttachedFile } from '../../shared/domain/attached-file';
import type { FileSyncState, FileSyncStatus, FilesStatusEvent } from '../../shared/rpc/files';
import type { MessageRef } from './transfer-error';

/** Where one blob stands. */
export interface BlobState {
  state: FileSyncState;
  done: number;
  total: number;
  local: boolean;
  reason: MessageRef | null;
}

/** ms between progress events of one case. */
const PROGRESS_MS = 200;

/** Statuses of one workspace's files. */
export class FileStatusBook {
  /** caseId → hash → state. */
  private readonly cases = new Map<string, Map<string, BlobState>>();
  /** caseId → the live files last seen. */
  private readonly files = new Map<string, AttachedFile[]>();
  private readonly pending = new Map<string, Set<string>>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private stopped = false;

  constructor(
    private readonly workspaceId: string,
    private readonly emit: (e: FilesStatusEvent) => void,
  ) {}

  /** Records the live files of a case (new hashes start as `initial(file)`). */
  setFiles(caseId: string, files: readonly AttachedFile[], initial: (f: AttachedFile) => BlobState): void {
    const live = files.filter((f) => !f.deleted);
    this.files.set(caseId, live);
    const states = this.states(caseId);
    for (const f of live) if (!states.has(f.hash)) this.set(caseId, f.hash, initial(f));
  }

  /** The live files of a case last recorded. */
  filesOf(caseId: string): AttachedFile[] {
    return this.files.get(caseId) ?? [];
  }

  /** The state of blob `hash` in a case, or undefined. */
  get(caseId: string, hash: string): BlobState | undefined {
    return this.cases.get(caseId)?.get(hash);
  }

  /** Sets blob `hash`'s state in a case; progress-only changes are pushed throttled, others at once. */
  set(caseId: string, hash: string, s: BlobState): void {
    const states = this.states(caseId);
    const before = states.get(hash);
    if (before && before.state === s.state && before.done === s.done && before.local === s.local && JSON.stringify(before.reason) === JSON.stringify(s.reason)) return;
    states.set(hash, s);
    const progressOnly = before !== undefined && before.state === s.state && before.local === s.local && s.done < s.total;
    this.push(caseId, hash, !progressOnly);
  }

  /** Every live file's status in a case (files without a known state: `waiting`). */
  statuses(caseId: string): FileSyncStatus[] {
    const states = this.cases.get(caseId);
    return this.filesOf(caseId).map((f) => this.statusOf(f, states?.get(f.hash)));
  }

  private statusOf(f: AttachedFile, s: BlobState | undefined): FileSyncStatus {
    const b = s ?? { state: 'waiting', done: 0, total: f.size, local: false, reason: null };
    return { fileId: f.id, hash: f.hash, state: b.state, done: b.done, total: b.total, local: b.local, reason: b.reason };
  }

  private states(caseId: string): Map<string, BlobState> {
    let m = this.cases.get(caseId);
    if (!m) this.cases.set(caseId, (m = new Map()));
    return m;
  }

  private push(caseId: string, hash: string, now: boolean): void {
    if (this.stopped) return;
    let set = this.pending.get(caseId);
    if (!set) this.pending.set(caseId, (set = new Set()));
    set.add(hash);
    if (now) return this.flush(caseId);
    if (this.timers.has(caseId)) return;
    const t = setTimeout(() => this.flush(caseId), PROGRESS_MS);
    t.unref?.();
    this.timers.set(caseId, t);
  }

  private flush(caseId: string): void {
    const t = this.timers.get(caseId);
    if (t) clearTimeout(t);
    this.timers.delete(caseId);
    const hashes = this.pending.get(caseId);
    this.pending.delete(caseId);
    if (!hashes || this.stopped) return;
    const states = this.cases.get(caseId);
    const files = this.filesOf(caseId)
      .filter((f) => hashes.has(f.hash))
      .map((f) => this.statusOf(f, states?.get(f.hash)));
    if (files.length > 0) this.emit({ workspaceId: this.workspaceId, caseId, files });
  }

  /** Pushes nothing more. */
  stop(): void {
    this.stopped = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
