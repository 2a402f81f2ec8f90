/**
 * The history of one field of one record, read from a case's audit log: the values it had over
 * time, who set each and when. Pure: it takes the log's raw entries (any shape, as the log is
 * shared and append-only) and never throws on a damaged one.
 *
 * A bulk set-field's one entry ("seizure.bulk-update") counts for each seizure it names, with that
 * seizure's own old → new. Entries written before values were recorded (`fields` only, no `changes`) still appear, as a
 * change whose value is unknown; they cannot be restored. A value the log had to cut (longer than
 * AUDIT_VALUE_MAX) cannot be restored either: restoring it would silently shorten the text.
 * Restoring itself is a normal attributed write (`CaseDoc.restoreSeizureField`,
 * `CaseDoc.restoreMetaField`) whose own entry then appears here as a `restore`.
 */
import { BULK_SEIZURE_ACTIONS, bulkChangesFor, type AuditValue } from './case-audit';

/** One value a field had: from `at` (ms since epoch, 0 when unknown) on, set by member `by` ('' when unknown). */
export interface FieldVersion {
  /** 'initial': the value before the first recorded change; 'change': an edit; 'restore': a value restored from the history or after a concurrent edit. */
  kind: 'initial' | 'change' | 'restore';
  /** The value (null when `known` is false). */
  value: AuditValue;
  /** The value it replaced, when recorded (absent for 'initial' and for old entries). */
  from?: AuditValue;
  /** False for old entries that recorded only which fields changed, not their values. */
  known: boolean;
  /** True when the value was cut to the audit log's maximum length. */
  cut: boolean;
  by: string;
  at: number;
}

/** Who created the record and when: the author of its initial value. */
export interface RecordOrigin {
  by: string;
  at: number;
}

/** The record a history is about: a record id (seizure), or `null` for the case's own fields (meta). */
export type HistoryTarget = string | null;

const META_ACTIONS = new Set(['case.update', 'case.restore']);

/** True when `entry` (any shape) is about `target`: its `target` is the id, or, for meta (null), a case field change. */
function isAbout(e: Record<string, unknown>, target: HistoryTarget): boolean {
  if (target === null) return typeof e.action === 'string' && META_ACTIONS.has(e.action);
  // A bulk set-field names every seizure it changed (case-audit.ts bulkChangesFor).
  if (e.action === BULK_SEIZURE_ACTIONS.update) return Array.isArray(e.targets) && e.targets.includes(target);
  return e.target === target && typeof e.action === 'string' && !META_ACTIONS.has(e.action);
}

/** `e[key]` when it is a plain object, else undefined. */
function objectAt(e: Record<string, unknown>, key: string): Record<string, unknown> | undefined {
  const v = e[key];
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** `v` if it is JSON as the audit log records it, else null (a damaged entry). */
function asValue(v: unknown): AuditValue {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (Array.isArray(v) || (typeof v === 'object' && v !== undefined)) return v as AuditValue;
  return null;
}

/**
 * The values field `field` of `target` had, oldest first: the value before the first recorded
 * change (as `initial`, attributed to `origin` when given), then one version per audit entry that
 * changed it. Entries are ordered by time (`at`), ties by their place in the log; concurrent edits
 * of two members both appear, whichever of them the merge kept.
 * @param log the case's raw audit entries, oldest first (`CaseDoc.readAudit()` or the raw array).
 */
export function fieldHistory(log: readonly unknown[], target: HistoryTarget, field: string, origin?: RecordOrigin): FieldVersion[] {
  const found: { v: FieldVersion; i: number }[] = [];
  log.forEach((raw, i) => {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return;
    const e = raw as Record<string, unknown>;
    if (!isAbout(e, target)) return;
    const at = typeof e.at === 'number' && Number.isFinite(e.at) && e.at > 0 ? e.at : 0;
    const by = typeof e.by === 'string' ? e.by : '';
    const kind = e.action === 'seizure.restore' || e.action === 'case.restore' ? 'restore' : 'change';
    const changes = e.action === BULK_SEIZURE_ACTIONS.update ? bulkChangesFor(e, target!) : objectAt(e, 'changes');
    const change = changes ? objectAt(changes, field) : undefined;
    if (change && 'to' in change) {
      const v: FieldVersion = { kind, value: asValue(change.to), known: true, cut: change.toCut === true, by, at };
      if ('from' in change) v.from = asValue(change.from);
      found.push({ v, i });
    } else if (e.action !== BULK_SEIZURE_ACTIONS.update && Array.isArray(e.fields) && e.fields.includes(field)) {
      found.push({ v: { kind, value: null, known: false, cut: false, by, at }, i });
    }
  });
  found.sort((a, b) => a.v.at - b.v.at || a.i - b.i);
  const versions = found.map((f) => f.v);
  const first = versions[0];
  if (first && first.known && 'from' in first) {
    const rawFirst = log[found[0]!.i] as Record<string, unknown>;
    const firstChanges = rawFirst.action === BULK_SEIZURE_ACTIONS.update ? bulkChangesFor(rawFirst, target!) : objectAt(rawFirst, 'changes');
    const firstChange = objectAt(firstChanges!, field)!;
    versions.unshift({ kind: 'initial', value: first.from!, known: true, cut: firstChange.fromCut === true, by: origin?.by ?? '', at: origin?.at ?? 0 });
  }
  return versions;
}

/** True when `v` can be restored: its value was recorded whole. */
export function isRestorable(v: FieldVersion): boolean {
  return v.known && !v.cut;
}
