/**
 * One audit entry of a case as a sentence that follows the member's name: what was done, to which
 * record (the seizure's commodity and species, the route's name), and for changes the old and new
 * values ("changed the quantity from 8.8 to 9.1 of the seizure “elephant ivory”"); tasks, events,
 * entities and links in activity-records.ts. Sentences come
 * from the catalogue (shared/messages/en/case.ts). Pure: the records are looked up through
 * {@link ActivityContext}, so tests pass plain functions. Shared by the case screen's activity log
 * and the case report's history excerpt (service/packs/report/history.ts): one wording.
 *
 * The log is shared: any replica appends to it, so an entry may have any shape (`null`, a number,
 * `{ by: 5 }` from a buggy or hostile peer). {@link toAuditLine} never throws: anything that is not
 * an object is skipped, and each field that is missing or of the wrong type reads as unknown.
 */
import { BULK_SEIZURE_ACTIONS, targetsOf, type AuditChange, type AuditEntry, type AuditRun } from '../docs/case-audit';
import { currentLocale, t } from '../messages';
import { fieldName, formatAuditValue, type DateStyle } from './field-values';
import { recordSentence, type RecordContext } from './activity-records';
import { evidenceSentence, type EvidenceContext } from './evidence-sentences';

/**
 * One audit entry as shown: every field of the right type, or absent; `at` is 0 when unknown.
 * The stored shape, except that a summary read from a peer may hold any value.
 */
export type AuditLine = Omit<AuditEntry, 'summary'> & { summary?: Record<string, unknown> };

/** How a sentence names the records an entry is about (tasks, events, entities and links: {@link RecordContext}). */
export interface ActivityContext extends RecordContext, EvidenceContext {
  /** The seizure's commodity and species (also of a deleted seizure), or null when unknown here. */
  seizure(id: string): { commodity: string; taxon: string } | null;
  /** The route's name (also of a deleted route), or null. */
  route(id: string): string | null;
  /** The id of the seizure a valuation values, or null. */
  valuationSeizure(id: string): string | null;
  /** How dates inside values are written: `medium` ("15 Jan 2026", the default) or `long` (the report). */
  dateStyle?: DateStyle;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The entry's changes that have the {from, to} shape (others are left out). */
function readChanges(v: unknown): Record<string, AuditChange> | undefined {
  if (!isObject(v)) return undefined;
  const out: Record<string, AuditChange> = {};
  for (const [field, c] of Object.entries(v)) {
    if (!isObject(c) || !('to' in c)) continue;
    out[field] = { from: (c.from ?? null) as AuditChange['from'], to: c.to as AuditChange['to'], ...(c.fromCut === true ? { fromCut: true as const } : {}), ...(c.toCut === true ? { toCut: true as const } : {}) };
  }
  return Object.keys(out).length ? out : undefined;
}

/** Reads one raw audit entry of any shape; null when it is not an object (nothing to show). Never throws. */
export function toAuditLine(raw: unknown): AuditLine | null {
  if (!isObject(raw)) return null;
  const e = raw;
  const line: AuditLine = {
    at: typeof e.at === 'number' && Number.isFinite(e.at) && e.at > 0 ? e.at : 0,
    by: typeof e.by === 'string' ? e.by : '',
    action: typeof e.action === 'string' ? e.action : '',
  };
  if (typeof e.target === 'string') line.target = e.target;
  if (Array.isArray(e.targets)) line.targets = targetsOf(e);
  if (Array.isArray(e.runs)) line.runs = e.runs.filter((r): r is AuditRun => isObject(r) && typeof r.n === 'number' && isObject(r.changes)).map((r) => ({ n: r.n, changes: readChanges(r.changes) ?? {} }));
  if (Array.isArray(e.fields)) line.fields = e.fields.filter((f): f is string => typeof f === 'string');
  if (typeof e.count === 'number' && Number.isFinite(e.count)) line.count = e.count;
  const changes = readChanges(e.changes);
  if (changes) line.changes = changes;
  if (isObject(e.summary)) line.summary = e.summary;
  return line;
}

/** "the seizure “elephant ivory” (Loxodonta africana)", or "a seizure" when it is not known. */
function seizurePhrase(names: { commodity: unknown; taxon?: unknown } | null): string {
  const commodity = typeof names?.commodity === 'string' ? names.commodity : '';
  if (!commodity) return t('ui.case.activity.seizure-unnamed');
  const taxon = typeof names?.taxon === 'string' ? names.taxon : '';
  return t('ui.case.activity.seizure-named', { commodity, hasTaxon: taxon ? 'yes' : 'no', taxon });
}

/** "the route “Mombasa to Singapore”", or "a route". */
function routePhrase(name: unknown): string {
  return typeof name === 'string' && name ? t('ui.case.activity.route-named', { name }) : t('ui.case.activity.route-unnamed');
}

/** Joins phrases as a list in the locale ("a, b and c"). */
function list(items: string[]): string {
  return new Intl.ListFormat(currentLocale(), { type: 'conjunction' }).format(items);
}

/** "the quantity from 8.8 to 9.1 and the place from “Jurong” to “Pasir Panjang”". */
function changePhrases(changes: Record<string, AuditChange>, style: DateStyle | undefined): string {
  return list(
    Object.entries(changes).map(([field, c]) =>
      t('ui.case.activity.change', { field: fieldName(field), from: formatAuditValue(field, c.from, c.fromCut, style), to: formatAuditValue(field, c.to, c.toCut, style) }),
    ),
  );
}

/** How many seizures a bulk action's entry names: its `count`, else its targets. */
function bulkCount(e: AuditLine): number {
  return e.count ?? e.targets?.length ?? 0;
}

/**
 * What a bulk set-field did, for its sentence: "the crime sector to “forestry”" for each field
 * every seizure got the same value of (the patch), the field's name alone for one whose new value
 * differed between seizures (review flags re-checked per seizure). The old values, which differ,
 * are in each seizure's own history.
 */
function bulkChangePhrases(e: AuditLine, style: DateStyle | undefined): string {
  const runs = e.runs ?? [];
  const fields = e.fields ?? [...new Set(runs.flatMap((r) => Object.keys(r.changes)))];
  return list(
    fields.map((field) => {
      const tos = runs.map((r) => r.changes[field]).filter((c): c is AuditChange => c !== undefined);
      const first = tos[0];
      const same = first !== undefined && tos.length === runs.length && tos.every((c) => JSON.stringify(c.to) === JSON.stringify(first.to));
      return same ? t('ui.case.activity.change-to', { field: fieldName(field), to: formatAuditValue(field, first.to, first.toCut, style) }) : fieldName(field);
    }),
  );
}

/** The phrase helpers lent to activity-records.ts and evidence-sentences.ts. */
function tools(ctx: ActivityContext): { changes: (c: Record<string, AuditChange>) => string; fields: (names: string[]) => string } {
  return { changes: (c) => changePhrases(c, ctx.dateStyle), fields: (names) => list(names.map(fieldName)) };
}

/** The one change of a restore entry (restores write one field). */
function firstChange(e: AuditLine): [string, AuditChange] | null {
  const first = e.changes ? Object.entries(e.changes)[0] : undefined;
  return first ?? null;
}

/** The seizure an entry is about, named from the doc, or else from the deletion's summary. */
function seizureOf(e: AuditLine, ctx: ActivityContext): string {
  const known = e.target ? ctx.seizure(e.target) : null;
  return seizurePhrase(known ?? (e.summary ? { commodity: e.summary.commodity, taxon: e.summary.taxon } : null));
}

/** The sentence for one audit entry, to follow the member's name. Unknown actions read "made a change", never a raw key. */
export function activitySentence(e: AuditLine, ctx: ActivityContext): string {
  const fields = e.fields?.length ? list(e.fields.map(fieldName)) : '';
  switch (e.action) {
    case 'case.create':
      return t('ui.case.activity.case-create');
    case 'case.update':
      if (e.changes) return t('ui.case.activity.case-update', { changes: changePhrases(e.changes, ctx.dateStyle) });
      return fields ? t('ui.case.activity.case-update-fields', { fields }) : t('ui.case.activity.case-update-unknown');
    case 'case.restore': {
      const c = firstChange(e);
      if (!c) return t('ui.case.activity.case-update-unknown');
      return t('ui.case.activity.case-restore', { field: fieldName(c[0]), to: formatAuditValue(c[0], c[1].to, c[1].toCut, ctx.dateStyle), from: formatAuditValue(c[0], c[1].from, c[1].fromCut, ctx.dateStyle) });
    }
    case 'case.import':
      return t('ui.case.activity.case-import', { count: e.count ?? 0, hasSource: e.target ? 'yes' : 'no', source: e.target ?? '' });
    case 'import.cancel':
      return t('ui.case.activity.import-cancel', { count: e.count ?? 0, source: e.target ?? '' });
    case 'case.import-undo':
      return t('ui.case.activity.import-undo', { count: e.count ?? 0, source: e.target ?? '' });
    case 'seizure.move-in':
      return t('ui.case.activity.seizure-move-in', { seizure: seizureOf(e, ctx), from: String(e.summary?.from ?? '') });
    case 'seizure.move-out':
      return t('ui.case.activity.seizure-move-out', { seizure: seizureOf(e, ctx), to: String(e.summary?.to ?? '') });
    case 'seizure.add':
      return t('ui.case.activity.seizure-add', { seizure: seizureOf(e, ctx) });
    case 'seizure.import':
      return t('ui.case.activity.seizure-import', { count: e.count ?? 0 });
    case 'seizure.update':
      if (e.changes) return t('ui.case.activity.seizure-update', { changes: changePhrases(e.changes, ctx.dateStyle), seizure: seizureOf(e, ctx) });
      return fields ? t('ui.case.activity.seizure-update-fields', { seizure: seizureOf(e, ctx), fields }) : t('ui.case.activity.seizure-edit', { seizure: seizureOf(e, ctx) });
    case 'seizure.restore': {
      const c = firstChange(e);
      if (!c) return t('ui.case.activity.seizure-edit', { seizure: seizureOf(e, ctx) });
      return t('ui.case.activity.seizure-restore', { field: fieldName(c[0]), seizure: seizureOf(e, ctx), to: formatAuditValue(c[0], c[1].to, c[1].toCut, ctx.dateStyle), from: formatAuditValue(c[0], c[1].from, c[1].fromCut, ctx.dateStyle) });
    }
    case 'seizure.delete':
      return t('ui.case.activity.seizure-delete', { seizure: seizureOf(e, ctx) });
    case BULK_SEIZURE_ACTIONS.delete:
      return t('ui.case.activity.seizure-bulk-delete', { count: bulkCount(e) });
    case BULK_SEIZURE_ACTIONS.update:
      return t('ui.case.activity.seizure-bulk-update', { count: bulkCount(e), changes: bulkChangePhrases(e, ctx.dateStyle) });
    case BULK_SEIZURE_ACTIONS.moveOut:
      return t('ui.case.activity.seizure-bulk-move-out', { count: bulkCount(e), to: String(e.summary?.to ?? '') });
    case BULK_SEIZURE_ACTIONS.moveIn:
      return t('ui.case.activity.seizure-bulk-move-in', { count: bulkCount(e), from: String(e.summary?.from ?? '') });
    case 'seizure.review':
      return t('ui.case.activity.seizure-review', { seizure: seizureOf(e, ctx) });
    case 'seizure.restore-deleted':
      return t('ui.case.activity.seizure-restore-deleted', { seizure: seizureOf(e, ctx) });
    case 'route.add':
      return t('ui.case.activity.route-add', { count: e.count ?? 1, route: routePhrase(e.target ? ctx.route(e.target) : null) });
    case 'route.delete':
      return t('ui.case.activity.route-delete', { route: routePhrase((e.target ? ctx.route(e.target) : null) ?? e.summary?.name) });
    case 'valuation.add':
    case 'valuation.update':
    case 'valuation.delete': {
      const seizureId = e.target ? ctx.valuationSeizure(e.target) : null;
      const seizure = seizurePhrase(seizureId ? ctx.seizure(seizureId) : null);
      if (e.action === 'valuation.add') return t('ui.case.activity.valuation-add', { seizure });
      if (e.action === 'valuation.delete') return t('ui.case.activity.valuation-delete', { hasSeizure: seizureId ? 'yes' : 'no', seizure });
      return fields ? t('ui.case.activity.valuation-update', { seizure, fields }) : t('ui.case.activity.valuation-update-unknown', { seizure });
    }
    case 'assumption.interdiction':
      return t('ui.case.activity.assumption-set');
    case 'assumption.interdiction.clear':
      return t('ui.case.activity.assumption-clear');
    default:
      // Tasks, timeline events, entities and links: activity-records.ts; evidence: evidence-sentences.ts.
      return recordSentence(e, ctx, tools(ctx)) ?? evidenceSentence(e, ctx, tools(ctx)) ?? t('ui.case.activity.other');
  }
}
