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
 *
 * A bulk action over seizures (delete, set field, assign to another case: issue 11 item 3) writes
 * ONE entry, not one per seizure ({@link BULK_SEIZURE_ACTIONS}): `targets` names every seizure it
 * touched, `count` how many, and a bulk update keeps each seizure's old → new in `runs` (runs of
 * consecutive targets whose changes are the same), so the field history of any one of them reads
 * as for a single edit ({@link bulkChangesFor}). A bulk action of one seizure writes the single
 * entry ("seizure.delete", "seizure.update", …) as before. At 100,000 seizures the entry holds
 * 100,000 ids (~3.7 MB) where the per-seizure entries held them plus a summary each (~25 MB).
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

/** In a bulk update's entry: the next `n` of its `targets` (in order) changed as `changes` says. */
export interface AuditRun {
  n: number;
  changes: Record<string, AuditChange>;
}

/**
 * One audit-log entry: `at` ms since epoch, `by` member id, `action` e.g. "seizure.update",
 * `target` record id, `fields` changed, `count` records (imports, bulk actions), `changes` old →
 * new per field (updates and restores), `summary` the deleted record's main fields (deletions; a
 * bulk move: the other case's number). A bulk action's entry ({@link BULK_SEIZURE_ACTIONS}) has
 * `targets` (every seizure id it touched) instead of `target`, and a bulk update `runs`.
 */
export interface AuditEntry {
  at: number;
  by: string;
  action: string;
  target?: string;
  targets?: string[];
  fields?: string[];
  count?: number;
  changes?: Record<string, AuditChange>;
  runs?: AuditRun[];
  summary?: Record<string, AuditValue>;
}

/** The actions of the one entry a bulk action over seizures writes (more than one seizure). */
export const BULK_SEIZURE_ACTIONS = {
  delete: 'seizure.bulk-delete',
  update: 'seizure.bulk-update',
  moveOut: 'seizure.bulk-move-out',
  moveIn: 'seizure.bulk-move-in',
} as const;

/** True when `action` is one of {@link BULK_SEIZURE_ACTIONS}. */
export function isBulkSeizureAction(action: unknown): boolean {
  return typeof action === 'string' && (Object.values(BULK_SEIZURE_ACTIONS) as string[]).includes(action);
}

/**
 * The one entry of a bulk action by `by` at `at` over `targets` (at least two), with `extra`
 * (a move's `summary`, an update's `fields`).
 */
export function bulkEntry(action: (typeof BULK_SEIZURE_ACTIONS)[keyof typeof BULK_SEIZURE_ACTIONS], at: number, by: string, targets: string[], extra: Pick<AuditEntry, 'fields' | 'runs' | 'summary'> = {}): AuditEntry {
  return { at, by, action, targets, count: targets.length, ...extra };
}

/**
 * A bulk update's `targets` and `runs` from each changed seizure's id and changes: the seizures
 * are grouped by identical changes (a set-field over 100,000 seizures that held five distinct old
 * values makes five runs), in the order each group is first met.
 */
export function runsOf(items: readonly { id: string; changes: Record<string, AuditChange> }[]): { targets: string[]; runs: AuditRun[] } {
  const groups = new Map<string, { changes: Record<string, AuditChange>; ids: string[] }>();
  for (const it of items) {
    const key = JSON.stringify(it.changes);
    const g = groups.get(key);
    if (g) g.ids.push(it.id);
    else groups.set(key, { changes: it.changes, ids: [it.id] });
  }
  const targets: string[] = [];
  const runs: AuditRun[] = [];
  for (const g of groups.values()) {
    targets.push(...g.ids);
    runs.push({ n: g.ids.length, changes: g.changes });
  }
  return { targets, runs };
}

/** The string ids of a raw entry's `targets` (any shape: read leniently), [] when it has none. */
export function targetsOf(e: unknown): string[] {
  const raw = e !== null && typeof e === 'object' ? (e as Record<string, unknown>).targets : undefined;
  return Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string') : [];
}

/**
 * The changes a bulk update's entry `e` (raw, any shape) made to seizure `id`: the run that holds
 * its place among `targets`; undefined when `id` is not a target or the runs are damaged.
 */
export function bulkChangesFor(e: unknown, id: string): Record<string, unknown> | undefined {
  if (e === null || typeof e !== 'object') return undefined;
  const raw = e as Record<string, unknown>;
  if (!Array.isArray(raw.targets) || !Array.isArray(raw.runs)) return undefined;
  const at = raw.targets.indexOf(id);
  if (at < 0) return undefined;
  let end = 0;
  for (const run of raw.runs as unknown[]) {
    if (run === null || typeof run !== 'object') return undefined;
    const r = run as Record<string, unknown>;
    if (typeof r.n !== 'number' || !(r.n > 0)) return undefined;
    end += r.n;
    if (at < end) return r.changes !== null && typeof r.changes === 'object' && !Array.isArray(r.changes) ? (r.changes as Record<string, unknown>) : undefined;
  }
  return undefined;
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
    (a.targets === undefined || Array.isArray(a.targets)) &&
    (a.runs === undefined || Array.isArray(a.runs)) &&
    (a.count === undefined || typeof a.count === 'number') &&
    (a.fields === undefined || (Array.isArray(a.fields) && a.fields.every((f) => typeof f === 'string'))) &&
    plain(a.changes) &&
    plain(a.summary)
  );
}
