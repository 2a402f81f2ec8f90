/**
 * The entities of a case doc (`entities`: Y.Map<entityId, Y.Map<field, value>>, issue 12 item 3):
 * people, organisations, vessels, vehicles, aircraft, accounts, wallets, phones, e-mail addresses
 * and addresses, with the per-kind fields of shared/domain/entities.ts. Same rules as seizures:
 * validated whole before anything is written (an IMO, IBAN or phone number that fails its check is
 * refused with the catalogue's reason), stamped, audited with old → new values (so the field
 * history reads them), deleted as a mark (`deleted: true`). `CaseDoc` delegates here.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import { entityFieldsSchema, MATCH_FIELDS, type EntityFields, type EntityKind, type MatchFields } from '../domain/entities';
import { NestError } from '../errors';
import { changesOf, summaryOf, type AuditEntry } from './case-audit';
import { insertRecord, readFields, requireRecord, stamp, validateWhole, writeFields, type Writer } from './records';
import type { Tx } from './case-seizures';

/** The raw parts of a case doc the entity helpers use. */
export interface EntityParts {
  meta: Y.Map<unknown>;
  entities: Y.Map<Y.Map<unknown>>;
  audit: Y.Array<AuditEntry>;
}

/** An entity as read: its canonical fields plus id and stamps (ms since epoch, member ids). */
export type Entity = EntityFields & { id: string; createdBy: string; createdAt: number; updatedBy: string; updatedAt: number };

/** Fields an audit entry keeps of a deleted entity (whichever its kind has). */
export const ENTITY_SUMMARY_FIELDS = ['kind', 'name', 'plate', 'registration', 'iban', 'number', 'address', 'full', 'imo'] as const;

/** Stamp fields, not part of an entity's editable fields. */
const STAMPS = ['createdBy', 'createdAt', 'updatedBy', 'updatedAt', 'deleted'] as const;

/** The per-kind object schemas, by kind (the discriminated union's options). */
const KIND_SCHEMAS = new Map<string, z.ZodObject>(entityFieldsSchema.options.map((o) => [o.shape.kind.value, o as unknown as z.ZodObject]));

/** The per-kind object schema (the discriminated union's option for `kind`); undefined for an unknown kind. */
function kindSchema(kind: EntityKind): z.ZodObject | undefined {
  return KIND_SCHEMAS.get(kind);
}

/** The empty value of a field schema: '' for text, [] for lists, null for nullable numbers. */
function emptyOf(schema: z.ZodType): unknown {
  const r = [[], '', null].find((v) => schema.safeParse(v).success);
  return r === undefined ? '' : r;
}

/**
 * Reads an entity record leniently: the whole record when it is valid; else each field of its
 * kind parsed alone, falling back to empty (a newer or buggy peer). Null when the kind is unknown.
 */
export function toEntity(id: string, rec: Y.Map<unknown>): Entity | null {
  const raw = readFields(rec);
  const stamps = {
    id,
    createdBy: typeof raw.createdBy === 'string' ? raw.createdBy : '',
    createdAt: typeof raw.createdAt === 'number' ? raw.createdAt : 0,
    updatedBy: typeof raw.updatedBy === 'string' ? raw.updatedBy : '',
    updatedAt: typeof raw.updatedAt === 'number' ? raw.updatedAt : 0,
  };
  const whole = entityFieldsSchema.safeParse(raw);
  // The parse output is a fresh object of ours: stamped in place. A spread into a third object
  // cost twice the parse itself (bench L1: 6,000 entities, ~40 ms of ~90).
  if (whole.success) return Object.assign(whole.data, stamps);
  const schema = typeof raw.kind === 'string' ? kindSchema(raw.kind as EntityKind) : undefined;
  if (!schema) return null;
  const fields: Record<string, unknown> = { kind: raw.kind };
  for (const [key, fs] of Object.entries(schema.shape)) {
    if (key === 'kind') continue;
    const r = (fs as z.ZodType).safeParse(raw[key]);
    fields[key] = r.success ? r.data : emptyOf(fs as z.ZodType);
  }
  return { ...(fields as EntityFields), ...stamps };
}

/**
 * All live entities in the doc's own order (not sorted), for readers that do not show a list:
 * the projections (identifier index, search rows) need every entity, not an order, and sorting
 * by `localeCompare` was a good part of bench L1's time.
 */
export function liveEntities(p: EntityParts): Entity[] {
  const out: Entity[] = [];
  p.entities.forEach((rec, id) => {
    if (!(rec instanceof Y.Map) || rec.get('deleted') === true) return;
    const e = toEntity(id, rec);
    if (e) out.push(e);
  });
  return out;
}

/** A live entity's id with its {@link MatchFields}: what the identifier index stores of it. */
export interface EntityMatchView {
  id: string;
  fields: MatchFields;
}

/**
 * The {@link MatchFields} of every live entity, in the doc's order: each named field read and
 * parsed alone (invalid: the field's empty value), which is what {@link toEntity} yields for
 * those fields whether the whole record is valid or not (each field's schema is the same; the
 * one record-level rule, an address's paired coordinates, touches no match field). Entities of
 * an unknown kind are left out, as toEntity leaves them out. For the identifier index: it needs
 * labels and identifiers only, and parsing every field of every entity was a third of bench L1.
 */
export function liveMatchFields(p: EntityParts): EntityMatchView[] {
  const out: EntityMatchView[] = [];
  p.entities.forEach((rec, id) => {
    if (!(rec instanceof Y.Map) || rec.get('deleted') === true) return;
    const kind = rec.get('kind');
    const schema = typeof kind === 'string' ? kindSchema(kind as EntityKind) : undefined;
    if (!schema) return;
    const fields: Record<string, unknown> = { kind };
    for (const key of MATCH_FIELDS[kind as EntityKind]) {
      const fs = schema.shape[key] as z.ZodType;
      const r = fs.safeParse(rec.get(key));
      fields[key] = r.success ? r.data : emptyOf(fs);
    }
    out.push({ id, fields: fields as MatchFields });
  });
  return out;
}

/** All live entities, by display name then id. */
export function listEntities(p: EntityParts): Entity[] {
  return liveEntities(p).sort((a, b) => entityLabel(a).localeCompare(entityLabel(b)) || a.id.localeCompare(b.id));
}

/** One entity; null when missing, unreadable, or deleted unless `withDeleted`. */
export function readEntity(p: EntityParts, id: string, withDeleted = false): Entity | null {
  const rec = p.entities.get(id);
  if (!(rec instanceof Y.Map) || (!withDeleted && rec.get('deleted') === true)) return null;
  return toEntity(id, rec);
}

/** The name an entity is shown by: its name, plate, registration, number or address (never empty for a valid record). */
export function entityLabel(e: MatchFields): string {
  switch (e.kind) {
    case 'person':
    case 'organisation':
    case 'vessel':
      return e.name;
    case 'vehicle':
      return e.plate;
    case 'aircraft':
      return e.registration;
    case 'bank-account':
      return e.iban || e.accountNumber || e.holder;
    case 'crypto-wallet':
    case 'email':
      return e.address;
    case 'phone':
      return e.number;
    case 'address':
      return e.full;
  }
}

/** The editable fields of an entity (stamps and id left out). */
export function entityFields(e: Entity): EntityFields {
  const { id: _id, createdBy: _cb, createdAt: _ca, updatedBy: _ub, updatedAt: _ua, ...fields } = e;
  return fields as EntityFields;
}

/**
 * Adds an entity. `fields` are validated whole (the per-kind schema: identifiers checked).
 * @throws NestError('validation') naming each bad field; NestError('validation', record.exists) for a used id.
 */
export function addEntity(p: EntityParts, tx: Tx, id: string, fields: unknown, w: Writer): void {
  const valid = validateWhole(entityFieldsSchema, fields);
  if (p.entities.has(id)) throw new NestError('validation', { id: 'record.exists', values: { kind: 'entity', id } });
  const at = stamp(w);
  tx(w, () => {
    insertRecord(p.entities, id, { ...valid, createdBy: w.memberId, createdAt: at, updatedBy: w.memberId, updatedAt: at });
    p.audit.push([{ at, by: w.memberId, action: 'entity.add', target: id }]);
    writeFields(p.meta, { updatedBy: w.memberId, updatedAt: at });
  });
}

/**
 * Updates some fields of an entity; the merged record is validated whole (its kind cannot
 * change). The audit entry ("entity.update", or `action`) carries each changed field's old and new value.
 * @returns the changed field names (none: nothing written).
 * @throws NestError('not-found'); NestError('validation') naming each bad field.
 */
export function updateEntity(p: EntityParts, tx: Tx, id: string, patch: Record<string, unknown>, w: Writer, action = 'entity.update'): string[] {
  const rec = requireRecord(p.entities, id, 'entity');
  const current = toEntity(id, rec);
  if (!current) throw new NestError('not-found', { id: 'record.not-found', values: { kind: 'entity', id } });
  if ('kind' in patch && patch.kind !== current.kind) throw new NestError('validation', { id: 'record.cannot-change' }, [{ field: 'kind', message: 'cannot be changed' }]);
  for (const k of STAMPS) delete patch[k];
  const merged = validateWhole(entityFieldsSchema, { ...entityFields(current), ...patch }) as Record<string, unknown>;
  // Only the fields the patch names are written, in their canonical (parsed) form.
  const valid: Record<string, unknown> = {};
  for (const k of Object.keys(patch)) if (k in merged) valid[k] = merged[k];
  return tx(w, () => {
    const before = readFields(rec);
    const changed = writeFields(rec, valid);
    if (changed.length) {
      const at = stamp(w);
      writeFields(rec, { updatedBy: w.memberId, updatedAt: at });
      p.audit.push([{ at, by: w.memberId, action, target: id, fields: changed, changes: changesOf(changed, before, valid) }]);
      writeFields(p.meta, { updatedBy: w.memberId, updatedAt: at });
    }
    return changed;
  });
}

/**
 * Deletes an entity (kept with `deleted: true`); the audit entry keeps a summary of what it was.
 * Its links stay in the doc and are hidden by readers (a link is shown only when both ends live).
 * @throws NestError('not-found') for an unknown or already deleted id.
 */
export function deleteEntity(p: EntityParts, tx: Tx, id: string, w: Writer): void {
  const rec = requireRecord(p.entities, id, 'entity');
  tx(w, () => {
    const at = stamp(w);
    const summary = summaryOf(readFields(rec), ENTITY_SUMMARY_FIELDS);
    writeFields(rec, { deleted: true, updatedBy: w.memberId, updatedAt: at });
    p.audit.push([{ at, by: w.memberId, action: 'entity.delete', target: id, summary }]);
    writeFields(p.meta, { updatedBy: w.memberId, updatedAt: at });
  });
}
