/**
 * What may be deleted from a shared doc, and by whom: the rules the relay applies to every update
 * before storing it (relay/hub/deletion-check.ts), declared here beside the other permission
 * rules so that the data service and the UI can tell a member beforehand. Pure data and
 * functions over paths: a path is the keys from a root type down to the Y type that holds the
 * deleted item, e.g. `['audit']` or `['seizures', '<id>']`.
 *
 * - Append-only structures refuse every deletion, from everyone: the audit arrays of case and
 *   workspace docs, the case's custody log (`custody`, shared/docs/case-custody.ts), import batches, provenance, task progress and the case's list of volume docs (`volumes`). A
 *   correction is a new entry.
 * - Removing a whole record (its key from a record map: seizures, routes, valuations, entities, links) needs the
 *   action `records.purge` (admins). The app never does it: a deleted seizure keeps its record
 *   with `deleted: true`; only an admin's restore or clean-up removes one.
 * - Every record deletion (removal, or setting `deleted`) counts towards the mass-deletion limit:
 *   more than {@link MASS_DELETION_THRESHOLD} records by one member in one doc within
 *   {@link MASS_DELETION_WINDOW_MS} is refused (admins excepted) and raises an alert to admins.
 * Isomorphic.
 */
import type { MemberRole } from '../domain/codes';
import { roleMay } from './actions';

/** Paths (from the doc's root) of append-only Y types; `*` matches any one key. */
export const APPEND_ONLY_PATHS: readonly (readonly string[])[] = [['audit'], ['exhibits', '*', 'custody'], ['custody'], ['importBatches'], ['provenance'], ['taskProgress'], ['volumes']];

/** Root record maps: `Y.Map<recordId, Y.Map<field, value>>` whose records are deleted by `deleted: true`. */
export const RECORD_MAPS: readonly string[] = ['seizures', 'routes', 'valuations', 'tasks', 'events', 'entities', 'links', 'exhibits', 'files', 'caseLinks'];

/** The field that marks a record deleted (soft deletion). */
export const DELETED_FIELD = 'deleted';

/** More record deletions than this by one member in one doc within the window is a mass deletion. */
export const MASS_DELETION_THRESHOLD = 25;

/** The sliding window of the mass-deletion limit, ms. */
export const MASS_DELETION_WINDOW_MS = 10 * 60_000;

/**
 * Why an update's deletions were refused (stable codes, the close reason the relay sends):
 * `append-only` (it deletes from an append-only structure), `record-removal-denied` (it removes a
 * whole record and the member may not), `mass-deletion` (over the mass-deletion limit).
 */
export type DeletionRefusal = 'append-only' | 'record-removal-denied' | 'mass-deletion';

/** One deleted item, classified by where it sits. */
export type DeletionKind =
  /** An item of an append-only structure. */
  | { kind: 'append-only'; path: string[] }
  /** A whole record removed from a record map. */
  | { kind: 'record-removed'; map: string; recordId: string }
  /** A record's `deleted` field overwritten (a soft deletion, or its undoing). */
  | { kind: 'record-flagged'; map: string; recordId: string }
  /** Anything else (a field value overwritten, text deleted): allowed to whoever may write. */
  | { kind: 'content' };

/** True when `path` (keys from the root to the Y type holding a deleted item) is append-only. */
export function isAppendOnly(path: readonly string[]): boolean {
  return APPEND_ONLY_PATHS.some((p) => p.length <= path.length && p.every((k, i) => k === '*' || k === path[i]));
}

/**
 * Classifies a deleted item from the path of the Y type holding it, the item's map key
 * (`parentSub`, null in arrays and text) and whether the item held a Y type (a record).
 */
export function classifyDeletion(path: readonly string[], key: string | null, holdsType: boolean): DeletionKind {
  if (isAppendOnly(path)) return { kind: 'append-only', path: [...path] };
  if (path.length === 1 && RECORD_MAPS.includes(path[0]!) && key !== null && holdsType) return { kind: 'record-removed', map: path[0]!, recordId: key };
  if (path.length === 2 && RECORD_MAPS.includes(path[0]!) && key === DELETED_FIELD) return { kind: 'record-flagged', map: path[0]!, recordId: path[1]! };
  return { kind: 'content' };
}

/** What an update deletes, summed by {@link judgeDeletions}'s caller. */
export interface DeletionSummary {
  /** Items deleted from append-only structures. */
  appendOnly: number;
  /** Records removed whole. */
  removed: Set<string>;
  /** Records whose `deleted` field changed. */
  flagged: Set<string>;
}

/**
 * Decides whether a member with `role` may make the deletions of `summary`, given how many
 * records they deleted in this doc within the window before (`recentRecords`). Returns null
 * when allowed, else the refusal. Admins are not held by the mass-deletion limit (their mass
 * deletions still raise an alert; see {@link isMassDeletion}).
 */
export function judgeDeletions(role: MemberRole, summary: DeletionSummary, recentRecords: number): DeletionRefusal | null {
  const erasure = judgeErasure(role, summary);
  if (erasure) return erasure;
  if (role !== 'admin' && isMassDeletion(summary, recentRecords)) return 'mass-deletion';
  return null;
}

/**
 * The rules that hold on every replica, for any single update: `append-only` when it deletes an
 * entry of an append-only structure (every role), `record-removal-denied` when it removes a whole
 * record and `role` may not purge; null when neither. The data service applies these to a window's
 * updates; the relay adds the mass-deletion limit ({@link judgeDeletions}), which counts across a
 * member's desktops.
 */
export function judgeErasure(role: MemberRole, summary: DeletionSummary): Exclude<DeletionRefusal, 'mass-deletion'> | null {
  if (summary.appendOnly > 0) return 'append-only';
  if (summary.removed.size > 0 && !roleMay(role, 'records.purge')) return 'record-removal-denied';
  return null;
}

/** How many records `summary` deletes (removed or flagged, each record once). */
export function recordsDeleted(summary: DeletionSummary): number {
  return new Set([...summary.removed, ...summary.flagged]).size;
}

/** True when `summary` takes a member past the mass-deletion limit, given `recentRecords` before it. */
export function isMassDeletion(summary: DeletionSummary, recentRecords: number): boolean {
  const n = recordsDeleted(summary);
  return n > 0 && recentRecords + n > MASS_DELETION_THRESHOLD;
}
