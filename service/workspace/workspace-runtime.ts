/**
 * A workspace opened by the data service: its database, loaded docs, projections, and the
 * mirror of case meta into the workspace doc's case index.
 */
import { permissionContext } from './permission-context';
import { can } from '../../shared/permissions';
import * as Y from 'yjs';
import type { Logger } from '../../node/log';
import { CaseDoc } from '../../shared/docs/case-doc';
import { caseDocName, parseDocName, volumeDocName, workspaceDocName } from '../../shared/docs/names';
import { VolumeDoc } from '../../shared/docs/volume-doc';
import { WorkspaceDoc } from '../../shared/docs/workspace-doc';
import { DocHost } from './doc-host';
import { PackKeys } from '../packs/pack-keys';
import type { Projector } from '../projections/projector';
import { WorkspaceStore, type LocalWorkspaceSettings } from './workspace-store';
import { NestError } from '../../shared/errors';

/** The member id an update is attributed to, read from its transaction origin. */
export function memberOfOrigin(origin: unknown): string {
  if (origin && typeof origin === 'object' && 'memberId' in origin) {
    const id = (origin as { memberId: unknown }).memberId;
    if (typeof id === 'string') return id;
  }
  return '';
}

/** Bumped when the projection tables' derivation changes: a mismatch triggers a rebuild at open. */
export const PROJECTION_VERSION = 5; // 2: identifier_index (issue 12); 3: seizures.doc and the seizure table's columns (issue 11, migrations 010, 011), case_links (issue 12, migration 012); 4: deleted_seizures (migration 013); 5: seizures.review_flags (migration 014)

/** Which parts of a case changed (lists and maps refetch only what they show). */
export type ProjectionPart = 'meta' | 'summary' | 'seizures' | 'routes';

/** Called after a case's projection changed. */
export type ProjectionListener = (workspaceId: string, caseIds: string[], parts: ProjectionPart[]) => void;

/** An open workspace. */
export class WorkspaceRuntime {
  /** The workspace id. */
  readonly id: string;
  /** Its database. */
  readonly store: WorkspaceStore;
  /** Its loaded docs. */
  readonly host: DocHost;
  /** Its projection writer. */
  readonly projector: Projector;
  private readonly logger: Logger;
  /** Publishes or certifies pack-signing keys in the background (undefined while constructing). */
  readonly packKeys: PackKeys | undefined;
  private readonly workspaceDocName: string;
  private readonly onProjection: ProjectionListener;
  /** Cases whose projection failed (e.g. disk full): re-projected whole when storage recovers. */
  private readonly staleProjections = new Set<string>();

  constructor(store: WorkspaceStore, logger: Logger, onProjection: ProjectionListener, hostOpts: { unloadAfterMs?: number; idleCompactMs?: number } = {}) {
    this.id = store.workspaceId;
    this.store = store;
    this.logger = logger;
    this.onProjection = onProjection;
    this.workspaceDocName = workspaceDocName(this.id);
    this.host = new DocHost(store.docs, { logger, memberOf: memberOfOrigin, ...hostOpts });
    this.projector = store.projector;

    // A crash between a doc update and its projection leaves the projection stale: rebuild at
    // open unless the last run closed cleanly with the same projection version.
    const clean = store.getSetting<number | null>('projectionCleanVersion', null);
    store.setSetting('projectionCleanVersion', null);
    if (clean !== PROJECTION_VERSION) {
      const n = this.rebuildProjections();
      logger.info({ workspace: this.id, cases: n }, 'projections rebuilt');
    }

    this.host.listen({
      loaded: (name, doc) => this.onLoaded(name, doc),
      storage: (state) => {
        if (state.saved) this.reprojectStale();
      },
    });
    // The workspace doc stays loaded while the workspace is open.
    this.host.retain(this.workspaceDocName);
    this.packKeys = new PackKeys(this, logger);
  }

  /** Local facts (member id, role, demo flag). */
  local(): LocalWorkspaceSettings {
    const l = this.store.localSettings();
    if (!l) throw new NestError('internal', { id: 'service.workspace.no-local', values: { id: this.id } });
    return l;
  }

  /** The workspace doc helper (doc always loaded). */
  workspaceDoc(): WorkspaceDoc {
    return new WorkspaceDoc(this.host.retainedDoc(this.workspaceDocName));
  }

  /** Name of a case doc of this workspace. */
  caseDocName(caseId: string): string {
    return caseDocName(this.id, caseId);
  }

  /** Rebuilds all projections from the docs; returns the number of cases. */
  rebuildProjections(): number {
    return this.projector.rebuild(this.store.docs, (name) => {
      const doc = new Y.Doc();
      this.store.docs.loadInto(name, doc);
      return doc;
    });
  }

  /** Projects every case whose projection failed, now that writes succeed again. */
  private reprojectStale(): void {
    for (const caseId of [...this.staleProjections]) {
      try {
        const name = this.caseDocName(caseId);
        this.host.with(name, (doc) => this.projector.projectAll(caseId, new CaseDoc(doc), this.volumeReader(caseId)));
        this.staleProjections.delete(caseId);
        this.onProjection(this.id, [caseId], ['meta', 'summary', 'seizures', 'routes']);
      } catch (err) {
        this.logger.error({ workspace: this.id, case: caseId, err: err instanceof Error ? err.message : String(err) }, 'projection failed again');
      }
    }
  }

  private onLoaded(name: string, doc: Y.Doc): (() => void) | void {
    const ref = parseDocName(name);
    if (ref?.kind === 'registry' && ref.workspaceId === this.id) {
      // A member's published signing key may need a certificate (service/packs/pack-keys.ts).
      const changed = (): void => this.packKeys?.registryChanged();
      doc.on('update', changed);
      changed();
      return () => doc.off('update', changed);
    }
    if (ref?.kind === 'volume' && ref.workspaceId === this.id) return this.observeVolume(ref.caseId, ref.volume, doc);
    if (ref?.kind !== 'case' || ref.workspaceId !== this.id) return;
    const cd = new CaseDoc(doc);
    const caseId = ref.caseId;
    // A change that arrives before the case's meta (e.g. another member's seizure relayed ahead
    // of the first sync answer) cannot be projected yet; nor can a volume's seizures. The first
    // change after the meta is there projects the whole case. "Not projected yet" is read from the
    // projection itself, not remembered in memory: a clean restart between the early change and
    // the meta must not lose it (found by the convergence property, test/sync, seed -1617583326).
    return cd.observe((change) => {
      if (!cd.isInitialised()) return;
      try {
        if (!this.projector.isProjected(caseId)) this.projector.projectAll(caseId, cd, this.volumeReader(caseId));
        else this.projector.project(caseId, cd, change);
        if (change.meta) this.mirrorIndex(caseId, cd);
      } catch (err) {
        // E.g. a full disk: the projection is stale until it is rebuilt once writes succeed again.
        this.staleProjections.add(caseId);
        this.logger.error({ workspace: this.id, case: caseId, err: err instanceof Error ? err.message : String(err) }, 'projection failed');
      }
      const parts: ProjectionPart[] = [];
      if (change.meta) parts.push('meta');
      if (change.summary) parts.push('summary');
      if (change.seizureIds.size) parts.push('seizures');
      if (change.routes) parts.push('routes');
      this.onProjection(this.id, [caseId], parts);
    });
  }

  /**
   * Projects each change of a loaded volume doc (a case's seizures beyond the case doc) under its
   * case. A volume that arrives before its case's meta is projected with the case (projectAll).
   */
  private observeVolume(caseId: string, n: number, doc: Y.Doc): () => void {
    const vol = new VolumeDoc(doc);
    return vol.observeSeizures((ids) => {
      try {
        // False while the case is not projected: its first projection reads this volume (projectAll).
        if (this.projector.projectVolume(caseId, n, vol, ids)) this.onProjection(this.id, [caseId], ['seizures']);
      } catch (err) {
        this.staleProjections.add(caseId);
        this.logger.error({ workspace: this.id, case: caseId, err: err instanceof Error ? err.message : String(err) }, 'projection failed');
      }
    });
  }

  /** Reads volume `n` of case `caseId` when this replica stores it (for projectAll), else null. */
  private volumeReader(caseId: string): (n: number) => VolumeDoc | null {
    return (n) => {
      const name = volumeDocName(this.id, caseId, n);
      return this.host.exists(name) ? this.host.with(name, (doc) => new VolumeDoc(doc)) : null;
    };
  }

  /** Copies a case's listed fields into the workspace doc's case index, when this member may write it. */
  private mirrorIndex(caseId: string, cd: CaseDoc): void {
    const { subject, target } = permissionContext(this);
    if (!can(subject, 'case.index', target)) return;
    const ws = target.workspace;
    const m = cd.readMeta();
    const entry = ws.getCase(caseId);
    const next = { id: caseId, number: m.number, title: m.title, status: m.status, sector: m.sector, tlp: m.tlp, createdBy: entry?.createdBy ?? m.createdBy, createdAt: entry?.createdAt ?? m.createdAt };
    if (entry && entry.number === next.number && entry.title === next.title && entry.status === next.status && entry.sector === next.sector && entry.tlp === next.tlp) return;
    ws.upsertCase(next, { memberId: subject.memberId });
  }

  /**
   * Closes: compacts and unloads docs, marks projections clean (unless a case's projection failed
   * and was not redone: then the next open rebuilds them), closes the database.
   */
  close(): void {
    this.packKeys?.close();
    this.host.close();
    if (this.staleProjections.size === 0) this.store.setSetting('projectionCleanVersion', PROJECTION_VERSION);
    this.store.close();
  }
}
