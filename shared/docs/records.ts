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
export type RecordKind = 'seizure' | 'route' | 'valuation' | 'priceReference' | 'exchangeRate' | 'member' | 'case';

/** Gets the record map with `id` in `collection`, or throws `not-found` naming the record's `kind`. */
export function requireRecord(collection: Y.Map<Y.Map<unknown>>, id: string, kind: RecordKind): Y.Map<unknown> {
  const rec = collection.get(id);
  if (!(rec instanceof Y.Map) || rec.get('deleted') === true) throw new NestError('not-found', { id: 'record.not-found', values: { kind, id } });
  return rec;
}

/** Creates a record map in `collection` under `id` with `fields`. */
export function insertRecord(collection: Y.Map<Y.Map<unknown>>, id: string, fields: Record<string, unknown>): Y.Map<unknown> {
  const rec = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) rec.set(k, v);
  collection.set(id, rec);
  return rec;
}
