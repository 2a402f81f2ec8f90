/**
 * Concurrent-edit detection for a member's seizure fields. Yjs settles two concurrent sets of one
 * field last-writer-wins: one value silently replaces the other. The merge itself cannot tell the
 * loser, so the member's side keeps what it wrote (or is typing) per field, and each audit entry
 * that arrives from another member is compared with it: when a colleague changed a field this
 * member is editing or edited within {@link RECENT_EDIT_MS}, to a different value, a notice names
 * who, their value and ours — whichever of the two the merge kept. Both members see one, since
 * each receives the other's entry. Pure: the hook (use-concurrent-edits.ts) holds the state.
 */
import type { AuditValue } from '../../../shared/docs/case-doc';
import { jsonEqual } from '../../../shared/docs/records';
import { toAuditLine, type AuditLine } from '../../../shared/activity/activity-sentence';
import { BULK_SEIZURE_ACTIONS, bulkChangesFor, type AuditChange } from '../../../shared/docs/case-audit';

/** How long after writing a field a member is told of a colleague's change to it (ms). */
export const RECENT_EDIT_MS = 2 * 60_000;

/** A value this member wrote to a field (`at` ms since epoch, local clock), or is typing (`typing`). */
export interface MyValue {
  value: unknown;
  at: number;
  typing?: boolean;
}

/** What a member is told about a colleague's change to a field they are editing or just edited. */
export interface EditNotice {
  seizureId: string;
  field: string;
  /** The colleague's member id, and when they changed it (their clock, ms since epoch). */
  by: string;
  at: number;
  /** The colleague's value (as recorded: cut when longer than the audit maximum). */
  theirs: AuditValue;
  theirsCut: boolean;
  /** This member's value (what they wrote, or are typing). */
  mine: unknown;
}

/** The key of a seizure's field in the maps below. */
export function fieldKey(seizureId: string, field: string): string {
  return `${seizureId}/${field}`;
}

const EDITS = new Set(['seizure.update', 'seizure.restore']);

/**
 * The field changes of entry `e` that may concern this member: a single edit's, or — a bulk
 * set-field's one entry naming many seizures (shared/docs/case-audit.ts) — those of the seizures
 * among `mine`'s keys, each with its own old → new.
 */
function editsOf(e: AuditLine, mine: ReadonlyMap<string, MyValue>): [string, string, AuditChange][] {
  if (e.action === BULK_SEIZURE_ACTIONS.update) {
    const out: [string, string, AuditChange][] = [];
    for (const seizureId of new Set([...mine.keys()].map((k) => k.slice(0, k.lastIndexOf('/'))))) {
      const changes = bulkChangesFor(e, seizureId) as Record<string, AuditChange> | undefined;
      for (const [field, change] of Object.entries(changes ?? {})) out.push([seizureId, field, change]);
    }
    return out;
  }
  if (!e.target || !EDITS.has(e.action) || !e.changes) return [];
  const target = e.target;
  return Object.entries(e.changes).map(([field, change]) => [target, field, change]);
}

/**
 * Applies the audit entries `added` (any shape; one transaction's inserts) to `notices`, for member
 * `me` with their values `mine` (by {@link fieldKey}) at local time `now`:
 * - a colleague's change to a field of mine, recent or being typed, to another value than mine → a notice (replacing an older one);
 * - a colleague's change that sets the field to my value → the notice is resolved and removed;
 * - my own entries change nothing (the buttons that resolve a notice close it themselves).
 * Returns the new notices map (the same object when nothing changed).
 */
export function applyAuditEntries(
  notices: ReadonlyMap<string, EditNotice>,
  added: readonly unknown[],
  me: string,
  mine: ReadonlyMap<string, MyValue>,
  now: number,
): ReadonlyMap<string, EditNotice> {
  let out: Map<string, EditNotice> | null = null;
  const edit = (): Map<string, EditNotice> => (out ??= new Map(notices));
  for (const raw of added) {
    const e = toAuditLine(raw);
    if (!e) continue;
    for (const [seizureId, field, change] of editsOf(e, mine)) {
      const key = fieldKey(seizureId, field);
      const my = mine.get(key);
      if (!my || (!my.typing && now - my.at > RECENT_EDIT_MS)) continue;
      // My own entries never open or close a notice here: "Keep mine", "Keep theirs" and Restore close it themselves,
      // and committing my text after a colleague's change must leave their value on show.
      if (e.by === me) continue;
      // While typing, the text is compared with the value as text ("7.5" and 7.5 agree).
      const same = !change.toCut && (jsonEqual(change.to, my.value) || (my.typing === true && String(change.to ?? '') === my.value));
      if (same) {
        if ((out ?? notices).has(key)) edit().delete(key);
        continue;
      }
      edit().set(key, { seizureId, field, by: e.by, at: e.at, theirs: change.to, theirsCut: change.toCut === true, mine: my.value });
    }
  }
  return out ?? notices;
}
