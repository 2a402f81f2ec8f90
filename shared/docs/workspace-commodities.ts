/**
 * The workspace's own commodities, extending the curated list (shared/domain/commodities.ts), and
 * their typed helpers: the only code that reads or writes these raw Y types. They live in the
 * workspace Y.Doc beside the layout of `workspace-doc.ts`:
 *
 * - `commodities` Y.Map<commodityId, Y.Map<field, value>> of {@link WorkspaceCommodityFields} plus
 *                 `createdBy/createdAt/updatedBy/updatedAt` (and `deleted: true` once removed).
 * - `audit`       the workspace's audit Y.Array: entries `commodity.*` are appended to it.
 *
 * Records follow shared/docs/records.ts, as reference-lists.ts does: one Y.Map per record, zod
 * validation before anything is written, stamps, an audit entry and one transaction per write
 * attributed to the member; deletion leaves a tombstone so a concurrent edit never resurrects it.
 * Only workspace admins may write the workspace doc once it is shared (the relay enforces it).
 *
 * A name or alias must be free: not held by the curated list nor by another live workspace
 * commodity (matched by {@link commodityKey}); a write that would take one is refused naming who
 * holds it. Two admins offline can still add the same name at once: reads are strict, so the
 * entry created later (then by id) is left out of {@link WorkspaceCommodities.list} and reported
 * by {@link WorkspaceCommodities.invalid} with the entry it collides with, like a record whose
 * fields fail their schema.
 */
import * as Y from 'yjs';
import { WORKSPACE_DOC_ROOTS } from './root-types';
import { DocView } from './doc-view';
import { commodityCatalogue, commodityKey, type CommodityCatalogue, type WorkspaceCommodityEntry } from '../domain/commodities';
import {
  workspaceCommodityFieldSchemas,
  workspaceCommodityFieldsSchema,
  workspaceCommoditySchema,
  type WorkspaceCommodity,
  type WorkspaceCommodityFields,
} from '../domain/workspace-commodity';
import { NestError, fieldIssues, type FieldIssue } from '../errors';
import { t } from '../messages/format';
import type { AuditEntry } from './case-doc';
import type { InvalidRecord } from './reference-lists';
import { addKey } from './reference-lists';
import { insertRecord, readFields, requireRecord, stamp, validatePatch, validateWhole, writeFields, type Writer } from './records';

/** Top-level name of the shared type this module owns in the workspace doc. */
export const WORKSPACE_COMMODITIES_KEY = 'commodities' as const;

/** The catalogue's view of a stored workspace commodity. */
export function toCatalogueEntry(c: WorkspaceCommodity): WorkspaceCommodityEntry {
  return { id: c.id, name: c.name, sector: c.sector, unit: c.unit, ...(c.citesTerm ? { citesTerm: c.citesTerm } : {}), aliases: c.aliases };
}

/** The state of the list in one read: live entries that pass, and those that do not, with why. */
interface ListState {
  valid: WorkspaceCommodity[];
  invalid: InvalidRecord[];
}

/** Typed view over the workspace's own commodities in one workspace Y.Doc. Cheap to construct; holds no state. */
export class WorkspaceCommodities extends DocView {
  constructor(doc: Y.Doc) {
    super(doc, WORKSPACE_DOC_ROOTS);
  }

  private get map(): Y.Map<Y.Map<unknown>> {
    return this.doc.getMap(WORKSPACE_COMMODITIES_KEY);
  }
  private get auditLog(): Y.Array<AuditEntry> {
    return this.doc.getArray('audit');
  }

  /** Reads every live record: schema first, then collisions in creation order (the earlier entry keeps its names). */
  private read(): ListState {
    const parsed: WorkspaceCommodity[] = [];
    const invalid: InvalidRecord[] = [];
    this.map.forEach((rec, id) => {
      if (!(rec instanceof Y.Map) || rec.get('deleted') === true) return;
      const r = workspaceCommoditySchema.safeParse({ ...readFields(rec), id });
      if (r.success) parsed.push(r.data);
      else invalid.push({ id, issues: fieldIssues(r.error.issues) });
    });
    parsed.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
    const valid: WorkspaceCommodity[] = [];
    for (const c of parsed) {
      const issues = collisionIssues(commodityCatalogue(valid.map(toCatalogueEntry)), c, c.id, true);
      if (issues.length) invalid.push({ id: c.id, issues });
      else valid.push(c);
    }
    valid.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    return { valid, invalid: invalid.sort((a, b) => a.id.localeCompare(b.id)) };
  }

  /** The live, valid workspace commodities, by name then id. */
  list(): WorkspaceCommodity[] {
    return this.read().valid;
  }

  /** Live records left out of {@link list}: fields that fail their schema, or a name an earlier entry holds. */
  invalid(): InvalidRecord[] {
    return this.read().invalid;
  }

  /** One workspace commodity, or null when missing, deleted, invalid or colliding. */
  get(id: string): WorkspaceCommodity | null {
    return this.list().find((c) => c.id === id) ?? null;
  }

  /** The merged lookup of this workspace: the curated list plus {@link list}. */
  catalogue(): CommodityCatalogue {
    return commodityCatalogue(this.list().map(toCatalogueEntry));
  }

  /**
   * Adds a workspace commodity.
   * @param id the new record's UUID (callers pass `crypto.randomUUID()`).
   * @throws NestError('validation') naming each bad field, when the name or an alias is taken
   *   (by the curated list or another workspace commodity), or when the id exists; nothing is written.
   */
  add(id: string, fields: WorkspaceCommodityFields, w: Writer): WorkspaceCommodity {
    const valid = validateWhole(workspaceCommodityFieldsSchema, fields);
    refuseTaken(this.catalogue(), valid, id);
    const at = stamp(w);
    this.write(w, () => {
      if (this.map.has(id)) throw new NestError('validation', { id: 'record.exists', values: { kind: 'commodity', id } });
      insertRecord(this.map, id, { ...valid, createdBy: w.memberId, createdAt: at, updatedBy: w.memberId, updatedAt: at });
      this.auditLog.push([{ at, by: w.memberId, action: 'commodity.add', target: id }]);
    });
    return this.get(id)!;
  }

  /**
   * Updates some fields; the merged record is validated as a whole and its names must stay free.
   * Returns the names of the fields that changed.
   * @throws NestError('not-found') for an unknown or removed id; NestError('validation') naming each bad field or taken name.
   */
  update(id: string, patch: Partial<WorkspaceCommodityFields>, w: Writer): string[] {
    const rec = requireRecord(this.map, id, 'commodity');
    const valid = validatePatch(workspaceCommodityFieldSchemas, patch as Record<string, unknown>);
    const current = readFields(rec);
    const merged: Record<string, unknown> = {};
    for (const key of Object.keys(workspaceCommodityFieldSchemas)) merged[key] = key in valid ? (valid as Record<string, unknown>)[key] : current[key];
    refuseTaken(this.catalogue(), validateWhole(workspaceCommodityFieldsSchema, merged), id);
    return this.write(w, () => {
      const changed = writeFields(rec, valid);
      if (changed.length) {
        const at = stamp(w);
        writeFields(rec, { updatedBy: w.memberId, updatedAt: at });
        this.auditLog.push([{ at, by: w.memberId, action: 'commodity.update', target: id, fields: changed }]);
      }
      return changed;
    });
  }

  /**
   * Removes a workspace commodity (tombstone: the record stays, marked `deleted`, and the audit
   * says who removed it). Seizures naming it keep the name, then "not in the list".
   * @throws NestError('not-found').
   */
  remove(id: string, w: Writer): void {
    const rec = requireRecord(this.map, id, 'commodity');
    this.write(w, () => {
      const at = stamp(w);
      writeFields(rec, { deleted: true, updatedBy: w.memberId, updatedAt: at });
      this.auditLog.push([{ at, by: w.memberId, action: 'commodity.delete', target: id }]);
    });
  }

  /** Calls `fn` after every transaction that changed a workspace commodity, with the ids concerned. Returns the unsubscribe function. */
  observe(fn: (ids: Set<string>, origin: unknown) => void): () => void {
    const onTx = (tr: Y.Transaction): void => {
      const ids = new Set<string>();
      const map = this.map;
      for (const [changedType, keys] of tr.changed) {
        const type: unknown = changedType;
        if (type === map) keys.forEach((k) => k !== null && ids.add(k));
        else if (type instanceof Y.Map && type.parent === map) addKey(map, type, ids);
      }
      if (ids.size) fn(ids, tr.origin);
    };
    this.doc.on('afterTransaction', onTx);
    return () => this.doc.off('afterTransaction', onTx);
  }
}

/**
 * The issues of `c`'s names that `catalogue` already holds (ignoring entry `id`): on `name` or
 * `aliases.<i>`. `concurrent` words them as a collision found on reading rather than a refusal.
 */
function collisionIssues(catalogue: CommodityCatalogue, c: Pick<WorkspaceCommodityFields, 'name' | 'aliases'>, id: string, concurrent = false): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const names: [string, string][] = [['name', c.name], ...c.aliases.map((a, i): [string, string] => [`aliases.${i}`, a])];
  for (const [field, name] of names) {
    if (commodityKey(name) === '') continue;
    const claim = catalogue.claim(name, id);
    if (!claim) continue;
    const message = concurrent
      ? t('commodity.collides', { entry: claim.entry.name })
      : claim.by === 'curated'
        ? t('commodity.name-curated', { name: name.trim(), entry: claim.entry.name })
        : t('commodity.name-workspace', { name: name.trim(), entry: claim.entry.name });
    issues.push({ field, message });
  }
  return issues;
}

/** Throws when a name or alias of `c` is taken. @throws NestError('validation') with one issue per taken name. */
function refuseTaken(catalogue: CommodityCatalogue, c: WorkspaceCommodityFields, id: string): void {
  const issues = collisionIssues(catalogue, c, id);
  if (!issues.length) return;
  throw new NestError('validation', { id: 'commodity.name-taken', values: { count: issues.length, names: issues.map((i) => i.message).join('; ') } }, issues);
}
