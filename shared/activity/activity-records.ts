/**
 * History sentences for the records of the case file (issue 12): tasks, timeline events,
 * entities and links ("linked “MV Ocean Star” to “Baraka Traders” as owner of"), and the names
 * the history filter shows for any record. Split from activity-sentence.ts (which handles the
 * case, seizures, routes and valuations and delegates here). Pure: records are named through
 * {@link RecordContext}; a record unknown here (not yet synced, or purged) is named from the
 * entry's own summary, or as "a task" / "an unnamed record", never by its raw id.
 */
import type { AuditChange } from '../docs/case-audit';
import { t } from '../messages';
import type { AuditLine } from './activity-sentence';

/** How the record sentences name tasks, events, entities and links (deleted ones included). */
export interface RecordContext {
  /** The task's title, or null when unknown here. */
  task?(id: string): string | null;
  /** The timeline event's text, or null. */
  event?(id: string): string | null;
  /** The entity's kind and display name, or null. */
  entity?(id: string): { kind: string; name: string } | null;
  /** The link's relationship and the display names of its ends, or null. */
  link?(id: string): { from: string; to: string; relationship: string } | null;
  /** A link to another case: its relation and reason, or null. */
  caseLink?(id: string): { relation: string; reason: string } | null;
}

/** Helpers the caller lends (so both files share one list and one change phrasing). */
export interface PhraseTools {
  /** "the quantity from 8.8 to 9.1 and …". */
  changes(changes: Record<string, AuditChange>): string;
  /** The changed field names as a list in the locale. */
  fields(names: string[]): string;
}

/** The kinds of record the history can be filtered by. */
export const RECORD_KINDS = ['case', 'seizure', 'route', 'valuation', 'task', 'event', 'entity', 'link', 'caseLink'] as const;
/** A record kind of the history filter. */
export type RecordKind = (typeof RECORD_KINDS)[number];

/** The kind of record an action is about ('seizure.update' → 'seizure'); 'case' for assumptions and case actions, null for unknown kinds. */
export function recordKindOf(action: string): RecordKind | null {
  const head = action.split('.')[0] ?? '';
  if (head === 'assumption') return 'case';
  return (RECORD_KINDS as readonly string[]).includes(head) ? (head as RecordKind) : null;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** ICU select keys cannot hold '-': 'bank-account' → 'bank_account'. */
const selectKey = (v: string): string => v.replace(/-/g, '_');

/** The task's title from the doc, else from the entry's summary, else "a task". */
function taskName(e: AuditLine, ctx: RecordContext): string {
  return (e.target ? ctx.task?.(e.target) : null) || str(e.summary?.title) || t('ui.case.activity.task-unnamed');
}

/** The event's text from the doc or the summary. */
function eventName(e: AuditLine, ctx: RecordContext): string {
  return (e.target ? ctx.event?.(e.target) : null) || str(e.summary?.text) || t('ui.case.activity.record-unnamed');
}

/** The entity's kind and name from the doc, else from a deletion's summary. */
function entityOf(e: AuditLine, ctx: RecordContext): { kind: string; name: string } {
  const known = e.target ? ctx.entity?.(e.target) : null;
  if (known) return { kind: selectKey(known.kind), name: known.name || t('ui.case.activity.record-unnamed') };
  const s = e.summary ?? {};
  const name = str(s.name) || str(s.plate) || str(s.registration) || str(s.iban) || str(s.address) || str(s.number) || str(s.full);
  return { kind: selectKey(str(s.kind) || 'other'), name: name || t('ui.case.activity.record-unnamed') };
}

/** The link's ends and relationship from the doc, else from a deletion's summary (ends then unnamed). */
function linkOf(e: AuditLine, ctx: RecordContext): { from: string; to: string; relationship: string } {
  const known = e.target ? ctx.link?.(e.target) : null;
  const unnamed = t('ui.case.activity.record-unnamed');
  if (known) return { from: known.from || unnamed, to: known.to || unnamed, relationship: selectKey(known.relationship || 'other') };
  const s = e.summary ?? {};
  const end = (id: unknown): string => (typeof id === 'string' && id ? (ctx.entity?.(id)?.name ?? unnamed) : unnamed);
  return { from: end(s.from), to: end(s.to), relationship: selectKey(str(s.relationship) || 'other') };
}

/** A case link's relation and reason from the doc, else from a deletion's summary. */
function caseLinkOf(e: AuditLine, ctx: RecordContext): { relation: string; reason: string } {
  const known = e.target ? ctx.caseLink?.(e.target) : null;
  if (known) return { relation: selectKey(known.relation), reason: known.reason };
  return { relation: selectKey(str(e.summary?.relation) || 'other'), reason: str(e.summary?.reason) };
}

/**
 * The sentence for a task, event, entity or link entry, to follow the member's name; null when
 * the action is not one of theirs (the caller then says "made a change").
 */
export function recordSentence(e: AuditLine, ctx: RecordContext, tools: PhraseTools): string | null {
  const fields = e.fields?.length ? tools.fields(e.fields) : '';
  switch (e.action) {
    case 'task.add':
      return t('ui.case.activity.task-add', { task: taskName(e, ctx) });
    case 'task.update':
    case 'task.restore':
      if (e.changes) return t('ui.case.activity.task-update', { changes: tools.changes(e.changes), task: taskName(e, ctx) });
      return t('ui.case.activity.task-update-fields', { task: taskName(e, ctx), fields });
    case 'task.progress':
      return t('ui.case.activity.task-progress', { task: taskName(e, ctx) });
    case 'task.delete':
      return t('ui.case.activity.task-delete', { task: taskName(e, ctx) });
    case 'event.add':
      return t('ui.case.activity.event-add', { event: eventName(e, ctx) });
    case 'event.update':
    case 'event.restore':
      if (e.changes) return t('ui.case.activity.event-update', { changes: tools.changes(e.changes), event: eventName(e, ctx) });
      return t('ui.case.activity.event-update-fields', { event: eventName(e, ctx), fields });
    case 'event.delete':
      return t('ui.case.activity.event-delete', { event: eventName(e, ctx) });
    case 'entity.add':
      return t('ui.case.activity.entity-add', entityOf(e, ctx));
    case 'entity.update':
      if (e.changes) return t('ui.case.activity.entity-update', { ...entityOf(e, ctx), changes: tools.changes(e.changes) });
      return t('ui.case.activity.entity-update-fields', { ...entityOf(e, ctx), fields });
    case 'entity.restore':
      return t('ui.case.activity.entity-restore', { ...entityOf(e, ctx), changes: e.changes ? tools.changes(e.changes) : fields });
    case 'entity.delete':
      return t('ui.case.activity.entity-delete', entityOf(e, ctx));
    case 'link.add':
      return t('ui.case.activity.link-add', linkOf(e, ctx));
    case 'link.update':
      if (e.changes) return t('ui.case.activity.link-update', { ...linkOf(e, ctx), changes: tools.changes(e.changes) });
      return t('ui.case.activity.link-update-fields', { ...linkOf(e, ctx), fields });
    case 'link.delete':
      return t('ui.case.activity.link-delete', linkOf(e, ctx));
    case 'caseLink.add':
      return t('ui.case.activity.case-link-add', caseLinkOf(e, ctx));
    case 'caseLink.update':
    case 'caseLink.restore':
      return t('ui.case.activity.case-link-update', caseLinkOf(e, ctx));
    case 'caseLink.delete':
      return t('ui.case.activity.case-link-delete', caseLinkOf(e, ctx));
    default:
      return null;
  }
}

/** The name of the record an entry is about, for the history's record filter ("Task: Trace the consignee"). */
export function recordLabel(e: AuditLine, ctx: RecordContext & { seizure(id: string): { commodity: string } | null; route(id: string): string | null }): string {
  const kind = recordKindOf(e.action) ?? 'other';
  let name = '';
  if (kind === 'case') name = t('ui.case.activity.record-case');
  else if (kind === 'seizure' && e.target) name = ctx.seizure(e.target)?.commodity || str(e.summary?.commodity);
  else if (kind === 'route' && e.target) name = ctx.route(e.target) ?? str(e.summary?.name);
  else if (kind === 'task') name = taskName(e, ctx);
  else if (kind === 'event') name = eventName(e, ctx);
  else if (kind === 'entity') name = entityOf(e, ctx).name;
  else if (kind === 'caseLink') name = caseLinkOf(e, ctx).reason;
  else if (kind === 'link') {
    const l = linkOf(e, ctx);
    name = `${l.from} → ${l.to}`;
  }
  return t('ui.case.activity.record-option', { kind, name: name || t('ui.case.activity.record-unnamed') });
}
