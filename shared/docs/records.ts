/**
 * Low-level record helpers for the doc layouts: a collection is a `Y.Map` keyed by record id
 * whose values are `Y.Map`s of fields, so concurrent edits of different fields of one record
 * both survive. Only `shared/docs/` imports this module.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import { NestError, describeIssues, fieldIssues } from '../errors';
import { t } from '../messages/format';

/** Who writes, and when: `memberId` is recorded in the record's `updatedBy`; `now` returns ms since epoch. */
export interface Writer {
  memberId: string;
  now?: () => number;
}

/** The transaction origin used for writes made through these helpers; the store attributes updates by it. */
export interface WriteOrigin {
  memberId: string;
  kind: 'local-write';
}

/** Milliseconds since epoch for a writer. */
export function stamp(w: Writer): number {
  return w.now ? w.now() : Date.now();
}

/** Structural equality for JSON values (field values are JSON). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => jsonEqual(v, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a as object);
    const kb = Object.keys(b as object);
    return ka.length === kb.length && ka.every((k) => jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return false;
}

/** Writes each field of `patch` into `record`, skipping values equal to the current one. Returns changed keys. */
export function writeFields(record: Y.Map<unknown>, patch: Record<string, unknown>): string[] {
  const changed: string[] = [];
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (jsonEqual(record.get(key), value)) continue;
    record.set(key, value);
    changed.push(key);
  }
  return changed;
}

/** Plain-object copy of a record map. */
export function readFields(record: Y.Map<unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  record.forEach((value, key) => {
    out[key] = value;
  });
  return out;
}

/**
 * Validates a partial patch against per-field schemas. Unknown fields and invalid values throw
 * `NestError('validation')` listing every bad field; nothing is written.
 */
export function validatePatch<S extends Record<string, z.ZodType>>(
  schemas: S,
  patch: Record<string, unknown>,
): { [K in keyof S]?: z.infer<S[K]> } {
  const issues: { path: string[]; message: string }[] = [];
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const schema = schemas[key];
    if (!schema) {
      issues.push({ path: [key], message: t('record.unknown-field') });
      continue;
    }
    const r = schema.safeParse(value);
    if (r.success) out[key] = r.data;
    else issues.push(...r.error.issues.map((i) => ({ path: [key, ...i.path.map(String)], message: i.message })));
  }
  if (issues.length) throw new NestError('validation', describeIssues(issues), fieldIssues(issues));
  return out as { [K in keyof S]?: z.infer<S[K]> };
}

/** Validates a whole value, throwing `NestError('validation')` with every issue. */
export function validateWhole<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new NestError('validation', describeIssues(r.error.issues), fieldIssues(r.error.issues));
  return r.data;
}

/**
 * Reads a record leniently: each field is parsed with its schema and falls back to `defaults`
 * when missing or invalid (a peer may send fields from a newer or older version). Unknown fields are ignored.
 */
export function readLenient<T extends Record<string, unknown>>(
  raw: Record<string, unknown>,
  schemas: Record<string, z.ZodType>,
  defaults: T,
): T {
  const out: Record<string, unknown> = { ...defaults };
  for (const key of Object.keys(defaults)) {
    const schema = schemas[key];
    if (!(key in raw)) continue;
    if (!schema) {
      out[key] = raw[key];
      continue;
    }
    const r = schema.safeParse(raw[key]);
    if (r.success) out[key] = r.data;
  }
  return out as T;
}

/** The kinds of record the docs hold: the `kind` of the `record.*` messages (shared/messages/en/records.ts). */
export type RecordKind = 'seizure' | 'route' | 'valuation' | 'priceReference' | 'exchangeRate' | 'member' | 'case' | 'entity' | 'link' | 'file' | 'exhibit' | 'custodyEntry' | 'commodity';

/** Gets the record map with `id` in `collection`, or throws `not-found` naming the record's `kind`. */
export function requireRecord(collection: Y.Map<Y.Map<unknown>>, id: string, kind: RecordKind): Y.Map<unknown> {
  const rec = collection.get(id);
  if (!(rec instanceof Y.Map) || rec.get('deleted') === true) throw new NestError('not-found', { id: 'record.not-found', values: { kind, id } });
  return rec;
}

/** Creates a record map in `collection` under `id` with `fields`. */
export function insertRecord(collection: Y.Map<Y.Map<unknown>>, id: string, fields: Record<string, unknown>): Y.Map<unknown> {
  const rec = new Y.Map<unknown>();
  // Keys, not entries: an import writes ~35 fields per record, 100,000 records (docs/architecture.md "P3").
  for (const k of Object.keys(fields)) {
    const v = fields[k];
    if (v !== undefined) rec.set(k, v);
  }
  collection.set(id, rec);
  return rec;
}

/**
 * A collection whose records are written as flat field keys `<id>/<field>` in one root map, so a
 * record created concurrently on two machines merges field by field (each key is its own
 * last-writer-wins register). A nested `Y.Map` per record does not: two peers' concurrent
 * `collection.set(id, new Y.Map())` make one whole map win, and every field written into the
 * other one, then or later, is lost (issue 9: an admin's edit to a case index record was lost in
 * 6 of 20 runs).
 *
 * Creation writes the initial values under `<id>/<field>#init`, edits under `<id>/<field>`, and a
 * read takes the edit when there is one: so when two machines create the same record at once and
 * one of them then edits a field, the edit is not undone by the other's concurrent creation
 * (concurrent creations settle among themselves, concurrent edits among themselves).
 *
 * Records of the older nested layout (`legacy`: id → Y.Map of fields) are still read, with the
 * flat fields overlaid; writes always go to the flat keys. `fields` lists the field names read
 * per record (unknown fields are ignored by every reader anyway). Ids must not be empty; field
 * names must not contain '/'.
 */
export class FlatRecords {
  constructor(
    private readonly flat: Y.Map<unknown>,
    private readonly legacy: Y.Map<unknown>,
    private readonly fields: readonly string[],
  ) {}

  private static key(id: string, field: string, initial = false): string {
    return `${id}/${field}${initial ? '#init' : ''}`;
  }

  /** Every record id (including deleted records). */
  ids(): string[] {
    const ids = new Set<string>();
    this.flat.forEach((_v, k) => {
      const i = k.lastIndexOf('/');
      if (i > 0) ids.add(k.slice(0, i));
    });
    this.legacy.forEach((v, id) => {
      if (v instanceof Y.Map) ids.add(id);
    });
    return [...ids];
  }

  /** A record's fields (the legacy map's, overlaid by the flat keys), or null when there is none. */
  read(id: string): Record<string, unknown> | null {
    const old = this.legacy.get(id);
    let found = old instanceof Y.Map;
    const out: Record<string, unknown> = old instanceof Y.Map ? readFields(old as Y.Map<unknown>) : {};
    for (const f of this.fields) {
      const edited = FlatRecords.key(id, f);
      const initial = FlatRecords.key(id, f, true);
      const k = this.flat.has(edited) ? edited : this.flat.has(initial) ? initial : null;
      if (k === null) continue;
      found = true;
      out[f] = this.flat.get(k);
    }
    return found ? out : null;
  }

  /** A record that exists and is not marked `deleted`, or throws `not-found` naming the record's `kind`. */
  require(id: string, kind: RecordKind): Record<string, unknown> {
    const rec = this.read(id);
    if (!rec || rec.deleted === true) throw new NestError('not-found', { id: 'record.not-found', values: { kind, id } });
    return rec;
  }

  /**
   * Writes each defined field of `patch` that differs from the record; returns the changed keys.
   * A record that does not exist yet here is created: its fields go to the initial layer.
   */
  write(id: string, patch: Record<string, unknown>): string[] {
    const existing = this.read(id);
    const current = existing ?? {};
    const changed: string[] = [];
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      if (key in current && jsonEqual(current[key], value)) continue;
      this.flat.set(FlatRecords.key(id, key, existing === null), value);
      changed.push(key);
    }
    return changed;
  }
}
