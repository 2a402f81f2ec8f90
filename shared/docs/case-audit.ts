/**
 * The case audit log's entry shape and the values it carries. The log (`audit`, a Y.Array of the
 * case doc) is append-only and shared: any replica appends to it, so readers accept any shape and
 * use {@link isAuditEntry} / the lenient readers of `field-history.ts`. Entries written before
 * values were recorded have `fields` only; newer update entries add `changes` (old → new per
 * field), and deletions add `summary` (what the deleted record was), so the history of a field
 * and the activity log can say what changed, not only that something did.
 *
 * Values are stored JSON-safe and capped: a text longer than {@link AUDIT_VALUE_MAX} characters
 * (or a list whose JSON is) keeps its first {@link AUDIT_VALUE_MAX} characters and is marked
 * `fromCut`/`toCut`, so a 10,000-character note edited a hundred times does not grow the doc by a
 * megabyte, and a cut value is never offered for restoring as if it were whole.
 */

/** A value as recorded in the audit log: JSON (string, finite number, boolean, null, lists and objects of those). */
export type AuditValue = string | number | boolean | null | AuditValue[] | { [key: string]: AuditValue };

/** One field's change: its value before (`from`) and after (`to`); `fromCut`/`toCut` when that value was cut to {@link AUDIT_VALUE_MAX} characters. */
export interface AuditChange {
  from: AuditValue;
  to: AuditValue;
  fromCut?: true;
  toCut?: true;
}

/**
 * One audit-log entry: `at` ms since epoch, `by` member id, `action` e.g. "seizure.update",
 * `target` record id, `fields` changed, `count` records (imports), `changes` old → new per field
 * (updates and restores), `summary` the deleted record's main fields (deletions).
 */
export interface AuditEntry {
  at: number;
  by: string;
  action: string;
  target?: string;
  fields?: string[];
  count?: number;
  changes?: Record<string, AuditChange>;
  summary?: Record<string, AuditValue>;
}

/** Longest text (in UTF-16 units) kept of one value in an audit entry. */
export const AUDIT_VALUE_MAX = 500;

/** A JSON-safe copy of `v` (undefined and non-finite numbers become null, other types their string). */
function jsonSafe(v: unknown): AuditValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (Array.isArray(v)) return v.map(jsonSafe);
  if (typeof v === 'object') {
    const out: Record<string, AuditValue> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = jsonSafe(x);
    return out;
  }
  return String(v);
}

/** `v` as recorded: JSON-safe and at most {@link AUDIT_VALUE_MAX} characters; `cut` when it had to be shortened (a long list becomes its cut JSON text). */
export function capValue(v: unknown): { value: AuditValue; cut: boolean } {
  const safe = jsonSafe(v);
  if (typeof safe === 'string') return safe.length > AUDIT_VALUE_MAX ? { value: safe.slice(0, AUDIT_VALUE_MAX), cut: true } : { value: safe, cut: false };
  if (safe !== null && typeof safe === 'object') {
    const json = JSON.stringify(safe);
    if (json.length > AUDIT_VALUE_MAX) return { value: json.slice(0, AUDIT_VALUE_MAX), cut: true };
  }
  return { value: safe, cut: false };
}

/** The `changes` of an update entry: for each of `fields`, its value in `before` and in `after`, capped. */
export function changesOf(fields: readonly string[], before: Record<string, unknown>, after: Record<string, unknown>): Record<string, AuditChange> {
  const out: Record<string, AuditChange> = {};
  for (const f of fields) {
    const from = capValue(before[f]);
    const to = capValue(after[f]);
    const c: AuditChange = { from: from.value, to: to.value };
    if (from.cut) c.fromCut = true;
    if (to.cut) c.toCut = true;
    out[f] = c;
  }
  return out;
}

/** The `summary` of a deletion entry: the listed fields of `record` that have a value, capped. */
export function summaryOf(record: Record<string, unknown>, fields: readonly string[]): Record<string, AuditValue> {
  const out: Record<string, AuditValue> = {};
  for (const f of fields) {
    if (record[f] === undefined || record[f] === null || record[f] === '') continue;
    out[f] = capValue(record[f]).value;
  }
  return out;
}

/** Fields a seizure deletion keeps in its audit `summary` (enough to say which seizure it was). */
export const SEIZURE_SUMMARY_FIELDS = ['commodity', 'taxon', 'quantity', 'unit', 'seizureDate', 'country', 'place'] as const;

/** Fields a route deletion keeps in its audit `summary`. */
export const ROUTE_SUMMARY_FIELDS = ['name', 'notes'] as const;

/**
 * True when `e` has the shape of an {@link AuditEntry}. `changes` and `summary` are only checked to
 * be plain objects here: their inner values are read leniently where they are used.
 */
export function isAuditEntry(e: unknown): e is AuditEntry {
  if (!e || typeof e !== 'object') return false;
  const a = e as Record<string, unknown>;
  const plain = (v: unknown): boolean => v === undefined || (v !== null && typeof v === 'object' && !Array.isArray(v));
  return (
    typeof a.at === 'number' &&
    Number.isFinite(a.at) &&
    typeof a.by === 'string' &&
    typeof a.action === 'string' &&
    (a.target === undefined || typeof a.target === 'string') &&
    (a.count === undefined || typeof a.count === 'number') &&
    (a.fields === undefined || (Array.isArray(a.fields) && a.fields.every((f) => typeof f === 'string'))) &&
    plain(a.changes) &&
    plain(a.summary)
  );
}
