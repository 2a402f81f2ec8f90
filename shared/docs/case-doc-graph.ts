/**
 * The base of {@link CaseDoc} (case-doc.ts): the case doc's raw parts, handed to the part helpers,
 * and the entity, link and link-chart-layout methods (case-entities.ts, case-links.ts,
 * case-chart-layout.ts). Split from case-doc.ts to keep each file to one job; callers use
 * `CaseDoc`, whose public API this is part of.
 */
import type * as Y from 'yjs';
import { CASE_DOC_ROOTS } from './root-types';
import { DocView } from './doc-view';
import type { Writer } from './records';
import type { AuditEntry } from './case-audit';
import type * as seizureOps from './case-seizures';
import * as entityOps from './case-entities';
import * as linkOps from './case-links';
import { readChartLayout, saveChartLayout, type ChartPosition } from './case-chart-layout';

/** The raw parts and the graph (entities, links, chart layout) of a case doc view. */
export abstract class CaseDocGraph extends DocView {
  protected constructor(doc: Y.Doc) {
    super(doc, CASE_DOC_ROOTS);
  }

  protected get metaMap(): Y.Map<unknown> {
    return this.doc.getMap('meta');
  }
  protected get seizureMap(): Y.Map<Y.Map<unknown>> {
    return this.doc.getMap('seizures');
  }
  protected get summaryText(): Y.Text {
    return this.doc.getText('summary');
  }
  protected get auditLog(): Y.Array<AuditEntry> {
    return this.doc.getArray('audit');
  }
  protected get routeMap(): Y.Map<Y.Map<unknown>> {
    return this.doc.getMap('routes');
  }
  /** The raw parts the seizure and route helpers (case-seizures.ts, case-routes.ts) work on. */
  protected get parts(): seizureOps.CaseParts {
    return { meta: this.metaMap, seizures: this.seizureMap, routes: this.routeMap, audit: this.auditLog };
  }
  /** The parts the entity and link helpers (case-entities.ts, case-links.ts) work on. */
  protected get graphParts(): linkOps.LinkParts {
    return { meta: this.metaMap, seizures: this.seizureMap, entities: this.doc.getMap('entities'), links: this.doc.getMap('links'), audit: this.auditLog };
  }
  /** This view's transaction runner, for the helpers. */
  protected readonly tx: seizureOps.Tx = (w, fn) => this.write(w, fn);

  /** Live entities (case-entities.ts listEntities). */
  listEntities = (): entityOps.Entity[] => entityOps.listEntities(this.graphParts);
  /** Live entities unsorted, for projections (case-entities.ts liveEntities). */
  liveEntities = (): entityOps.Entity[] => entityOps.liveEntities(this.graphParts);
  /** Live entities' match fields, unsorted, for the identifier index (case-entities.ts liveMatchFields). */
  liveMatchFields = (): entityOps.EntityMatchView[] => entityOps.liveMatchFields(this.graphParts);
  /** One live entity, or null (`withDeleted`: also a deleted one). */
  getEntity = (id: string, withDeleted = false): entityOps.Entity | null => entityOps.readEntity(this.graphParts, id, withDeleted);
  /** Adds an entity; @throws NestError('validation') (case-entities.ts addEntity). */
  addEntity = (id: string, fields: unknown, w: Writer): void => entityOps.addEntity(this.graphParts, this.tx, id, fields, w);
  /** Updates an entity, returns changed fields; @throws as case-entities.ts updateEntity. `action` "entity.restore" for a restored value. */
  updateEntity = (id: string, patch: Record<string, unknown>, w: Writer, action?: string): string[] => entityOps.updateEntity(this.graphParts, this.tx, id, { ...patch }, w, action);
  /** Deletes an entity (mark); @throws NestError('not-found'). */
  deleteEntity = (id: string, w: Writer): void => entityOps.deleteEntity(this.graphParts, this.tx, id, w);
  /** Live links whose ends are live (case-links.ts listLinks); `volumes`: the case's seizures in volume docs, when known. */
  listLinks = (volumes?: linkOps.VolumeSeizureEnds): linkOps.Link[] => linkOps.listLinks({ ...this.graphParts, ...(volumes ? { volumes } : {}) });
  /** Link ends that may be seizures, to look up before {@link listLinks} (case-links.ts seizureEndCandidates). */
  seizureEndCandidates = (): string[] => linkOps.seizureEndCandidates(this.graphParts);
  /** One link, or null (`withDeleted`: also a deleted one); `volumes` as for {@link listLinks}. */
  getLink = (id: string, withDeleted = false, volumes?: linkOps.VolumeSeizureEnds): linkOps.Link | null =>
    linkOps.readLink({ ...this.graphParts, ...(volumes ? { volumes } : {}) }, id, withDeleted);
  /** Adds a link (its seizure end may be in `volumes`); @throws NestError('validation') (case-links.ts addLink). */
  addLink = (id: string, fields: unknown, w: Writer, volumes?: linkOps.VolumeSeizureEnds): void =>
    linkOps.addLink({ ...this.graphParts, ...(volumes ? { volumes } : {}) }, this.tx, id, fields, w);
  /** Updates a link, returns changed fields (`volumes` as for {@link addLink}); @throws as case-links.ts updateLink. */
  updateLink = (id: string, patch: Record<string, unknown>, w: Writer, volumes?: linkOps.VolumeSeizureEnds): string[] =>
    linkOps.updateLink({ ...this.graphParts, ...(volumes ? { volumes } : {}) }, this.tx, id, patch, w);
  /** Deletes a link (mark); @throws NestError('not-found'). */
  deleteLink = (id: string, w: Writer): void => linkOps.deleteLink(this.graphParts, this.tx, id, w);
  /** Link chart node positions by node id (case-chart-layout.ts). */
  readChartLayout = (): Record<string, ChartPosition> => readChartLayout(this.doc.getMap('chartLayout'));
  /** Stores changed link chart positions; returns how many were written. */
  saveChartLayout = (positions: Record<string, ChartPosition>, w: Writer): number => saveChartLayout(this.doc.getMap('chartLayout'), this.tx, positions, w);
}
