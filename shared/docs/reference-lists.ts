/**
 * The workspace's valuation reference lists and their typed helpers: the only code that reads or
 * writes these raw Y types. They live in the workspace Y.Doc beside the layout of
 * `workspace-doc.ts`, under their own top-level names:
 *
 * - `priceReferences` Y.Map<priceReferenceId, Y.Map<field, value>> of {@link PriceReferenceFields}
 *                     plus `createdBy/createdAt/updatedBy/updatedAt`.
 * - `exchangeRates`   Y.Map<rateId, Y.Map<field, value>> of {@link ExchangeRateFields} (user-entered
 *                     rates with their source) plus the same stamps.
 * - `audit`           the workspace's existing audit Y.Array: entries `price.*` and `rate.*` are appended to it.
 *
 * Records follow shared/docs/records.ts: one Y.Map per record so concurrent edits of different
 * fields both survive; deletion leaves a tombstone (`deleted: true`) so a concurrent edit never
 * resurrects it. Every write validates with zod first (nothing is written when a field is bad),
 * stamps `updatedBy`/`updatedAt`, appends an audit entry, and runs in one transaction whose origin
 * is a {@link WriteOrigin} naming the member. Like the rest of the workspace doc, only workspace
 * admins may write these lists once the doc is shared (the relay enforces it).
 *
 * Reads are strict: a record that does not satisfy its schema (e.g. `low > high` after two admins
 * edited the two ends concurrently) is left out of the lists and reported by `invalid…()` so the
 * UI can ask someone to fix it, rather than valuing with a reversed range.
 */
import * as Y from 'yjs';
import { WORKSPACE_DOC_ROOTS } from './root-types';
import { DocView } from './doc-view';
import type { z } from 'zod';
import {
  priceReferenceFieldSchemas,
  priceReferenceFieldsSchema,
  priceReferenceSchema,
  type PriceReference,
  type PriceReferenceFields,
} from '../domain/price-reference';
import { exchangeRateFieldSchemas, exchangeRateFieldsSchema, exchangeRateSchema, type ExchangeRate, type ExchangeRateFields } from '../domain/exchange-rate';
import { NestError, fieldIssues, type FieldIssue } from '../errors';
import type { UserRate } from '../valuation/rates';
import type { AuditEntry } from './case-doc';
import { insertRecord, readFields, requireRecord, stamp, validatePatch, validateWhole, writeFields, type RecordKind, type Writer } from './records';

/** Top-level names of the shared types this module owns in the workspace doc. */
export const REFERENCE_LIST_KEYS = { priceReferences: 'priceReferences', exchangeRates: 'exchangeRates' } as const;

/** A stored record that does not pass its schema, with why. */
export interface InvalidRecord {
  readonly id: string;
  readonly issues: readonly FieldIssue[];
}

/** What changed in one transaction: ids of added, changed or deleted records. */
export interface ReferenceListChange {
  readonly priceReferenceIds: Set<string>;
  readonly exchangeRateIds: Set<string>;
}

interface Collection<F, R> {
  map: Y.Map<Y.Map<unknown>>;
  what: RecordKind;
  action: string;
  fieldSchemas: Record<string, z.ZodType>;
  fieldsSchema: z.ZodType<F>;
  recordSchema: z.ZodType<R>;
}

/** Typed view over the reference lists of one workspace Y.Doc. Cheap to construct; holds no state of its own. */
export class ReferenceLists extends DocView {

  constructor(doc: Y.Doc) {
    super(doc, WORKSPACE_DOC_ROOTS);
  }

  private get priceMap(): Y.Map<Y.Map<unknown>> {
    return this.doc.getMap(REFERENCE_LIST_KEYS.priceReferences);
  }
  private get rateMap(): Y.Map<Y.Map<unknown>> {
    return this.doc.getMap(REFERENCE_LIST_KEYS.exchangeRates);
  }
  private get auditLog(): Y.Array<AuditEntry> {
    return this.doc.getArray('audit');
  }

  private get prices(): Collection<PriceReferenceFields, PriceReference> {
    return {
      map: this.priceMap,
      what: 'priceReference',
      action: 'price',
      fieldSchemas: priceReferenceFieldSchemas,
      fieldsSchema: priceReferenceFieldsSchema,
      recordSchema: priceReferenceSchema,
    };
  }
  private get rates(): Collection<ExchangeRateFields, ExchangeRate> {
    return {
      map: this.rateMap,
      what: 'exchangeRate',
      action: 'rate',
      fieldSchemas: exchangeRateFieldSchemas,
      fieldsSchema: exchangeRateFieldsSchema,
      recordSchema: exchangeRateSchema,
    };
  }


  private parse<R>(c: Collection<unknown, R>, id: string, rec: Y.Map<unknown>): { ok: true; value: R } | { ok: false; issues: FieldIssue[] } {
    const r = c.recordSchema.safeParse({ ...readFields(rec), id });
    return r.success ? { ok: true, value: r.data } : { ok: false, issues: fieldIssues(r.error.issues) };
  }

  private list<R>(c: Collection<unknown, R>): R[] {
    const out: R[] = [];
    c.map.forEach((rec, id) => {
      if (!(rec instanceof Y.Map) || rec.get('deleted') === true) return;
      const r = this.parse(c, id, rec);
      if (r.ok) out.push(r.value);
    });
    return out;
  }

  private invalid<R>(c: Collection<unknown, R>): InvalidRecord[] {
    const out: InvalidRecord[] = [];
    c.map.forEach((rec, id) => {
      if (!(rec instanceof Y.Map) || rec.get('deleted') === true) return;
      const r = this.parse(c, id, rec);
      if (!r.ok) out.push({ id, issues: r.issues });
    });
    return out.sort((a, b) => a.id.localeCompare(b.id));
  }

  private get<R>(c: Collection<unknown, R>, id: string): R | null {
    const rec = c.map.get(id);
    if (!(rec instanceof Y.Map) || rec.get('deleted') === true) return null;
    const r = this.parse(c, id, rec);
    return r.ok ? r.value : null;
  }

  private addMany<F>(c: Collection<F, unknown>, items: readonly { id: string; fields: F }[], w: Writer, action: string): void {
    const valid = items.map((it, i) => {
      try {
        return { id: it.id, fields: validateWhole(c.fieldsSchema, it.fields) };
      } catch (err) {
        if (err instanceof NestError && items.length > 1) {
          throw new NestError('validation', { id: 'record.nth-invalid', values: { n: i + 1, detail: err.message } }, err.issues?.map((x) => ({ ...x, field: `${i}.${x.field}` })));
        }
        throw err;
      }
    });
    if (!valid.length) return;
    const at = stamp(w);
    this.write(w, () => {
      for (const { id, fields } of valid) {
        if (c.map.has(id)) throw new NestError('validation', { id: 'record.exists', values: { kind: c.what, id } });
        insertRecord(c.map, id, { ...(fields as Record<string, unknown>), createdBy: w.memberId, createdAt: at, updatedBy: w.memberId, updatedAt: at });
      }
      this.auditLog.push([valid.length === 1 ? { at, by: w.memberId, action, target: valid[0]!.id } : { at, by: w.memberId, action, count: valid.length }]);
    });
  }

  private update<F, R>(c: Collection<F, R>, id: string, patch: Partial<F>, w: Writer): string[] {
    const rec = requireRecord(c.map, id, c.what);
    const valid = validatePatch(c.fieldSchemas, patch as Record<string, unknown>);
    const current = readFields(rec);
    const merged: Record<string, unknown> = {};
    for (const key of Object.keys(c.fieldSchemas)) merged[key] = key in valid ? (valid as Record<string, unknown>)[key] : current[key];
    validateWhole(c.fieldsSchema, merged);
    return this.write(w, () => {
      const changed = writeFields(rec, valid);
      if (changed.length) {
        const at = stamp(w);
        writeFields(rec, { updatedBy: w.memberId, updatedAt: at });
        this.auditLog.push([{ at, by: w.memberId, action: `${c.action}.update`, target: id, fields: changed }]);
      }
      return changed;
    });
  }

  private remove(c: Collection<unknown, unknown>, id: string, w: Writer): void {
    const rec = requireRecord(c.map, id, c.what);
    this.write(w, () => {
      const at = stamp(w);
      writeFields(rec, { deleted: true, updatedBy: w.memberId, updatedAt: at });
      this.auditLog.push([{ at, by: w.memberId, action: `${c.action}.delete`, target: id }]);
    });
  }

  /** All live, valid price references, by commodity, then newest date first, then id. */
  listPriceReferences(): PriceReference[] {
    return this.list(this.prices).sort((a, b) => a.commodity.localeCompare(b.commodity) || b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
  }

  /** One price reference, or null when missing, deleted or invalid. */
  getPriceReference(id: string): PriceReference | null {
    return this.get(this.prices, id);
  }

  /** Live price references whose stored fields fail validation (e.g. low > high after concurrent edits). */
  invalidPriceReferences(): InvalidRecord[] {
    return this.invalid(this.prices);
  }

  /**
   * Adds a price reference.
   * @param id the new record's UUID (callers pass `crypto.randomUUID()`).
   * @throws NestError('validation') naming each bad field, or when the id exists; nothing is written.
   */
  addPriceReference(id: string, fields: PriceReferenceFields, w: Writer): PriceReference {
    this.addMany(this.prices, [{ id, fields }], w, 'price.add');
    return this.getPriceReference(id)!;
  }

  /**
   * Adds many price references in one transaction (e.g. a CSV import) with one audit entry.
   * All are validated first: if any is invalid nothing is written.
   * @throws NestError('validation') with the issues of the first bad record, fields prefixed by its index.
   */
  addPriceReferences(items: readonly { id: string; fields: PriceReferenceFields }[], w: Writer): void {
    this.addMany(this.prices, items, w, 'price.import');
  }

  /**
   * Updates some fields of a price reference; the merged record is validated as a whole (low ≤ high).
   * @throws NestError('not-found') for an unknown or deleted id; NestError('validation') naming each bad field.
   */
  updatePriceReference(id: string, patch: Partial<PriceReferenceFields>, w: Writer): string[] {
    return this.update(this.prices, id, patch, w);
  }

  /**
   * Deletes a price reference (tombstone). Valuations that point to it then fail with `price-missing`.
   * @throws NestError('not-found').
   */
  deletePriceReference(id: string, w: Writer): void {
    this.remove(this.prices, id, w);
  }

  /** All live, valid user exchange rates, by currency then date. */
  listExchangeRates(): ExchangeRate[] {
    return this.list(this.rates).sort((a, b) => a.currency.localeCompare(b.currency) || a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  }

  /** One user exchange rate, or null. */
  getExchangeRate(id: string): ExchangeRate | null {
    return this.get(this.rates, id);
  }

  /** Live exchange rates whose stored fields fail validation (e.g. both perEur and perUsd after concurrent edits). */
  invalidExchangeRates(): InvalidRecord[] {
    return this.invalid(this.rates);
  }

  /**
   * Adds a user exchange rate (with its source).
   * @throws NestError('validation'); nothing is written.
   */
  addExchangeRate(id: string, fields: ExchangeRateFields, w: Writer): ExchangeRate {
    this.addMany(this.rates, [{ id, fields }], w, 'rate.add');
    return this.getExchangeRate(id)!;
  }

  /**
   * Adds many user exchange rates in one transaction with one audit entry; all are validated first.
   * @throws NestError('validation').
   */
  addExchangeRates(items: readonly { id: string; fields: ExchangeRateFields }[], w: Writer): void {
    this.addMany(this.rates, items, w, 'rate.import');
  }

  /**
   * Updates some fields of a user exchange rate; the merged record is validated as a whole.
   * @throws NestError('not-found'); NestError('validation').
   */
  updateExchangeRate(id: string, patch: Partial<ExchangeRateFields>, w: Writer): string[] {
    return this.update(this.rates, id, patch, w);
  }

  /** Deletes a user exchange rate (tombstone). @throws NestError('not-found'). */
  deleteExchangeRate(id: string, w: Writer): void {
    this.remove(this.rates, id, w);
  }

  /** The live user rates in the form the valuation rate table takes (`new RateTable({ ecb, userRates })`). */
  userRates(): UserRate[] {
    return this.listExchangeRates().map((r) => ({ id: r.id, currency: r.currency, perEur: r.perEur, perUsd: r.perUsd, date: r.date, source: r.source }));
  }

  /**
   * Calls `fn` after every transaction that changed a price reference or an exchange rate, with the
   * ids concerned. Returns the unsubscribe function.
   */
  observe(fn: (change: ReferenceListChange, origin: unknown) => void): () => void {
    const onTx = (tr: Y.Transaction): void => {
      const change: ReferenceListChange = { priceReferenceIds: new Set(), exchangeRateIds: new Set() };
      const prices = this.priceMap;
      const rates = this.rateMap;
      for (const [changedType, keys] of tr.changed) {
        const type: unknown = changedType;
        if (type === prices) keys.forEach((k) => k !== null && change.priceReferenceIds.add(k));
        else if (type === rates) keys.forEach((k) => k !== null && change.exchangeRateIds.add(k));
        else if (type instanceof Y.Map && type.parent === prices) addKey(prices, type, change.priceReferenceIds);
        else if (type instanceof Y.Map && type.parent === rates) addKey(rates, type, change.exchangeRateIds);
      }
      if (change.priceReferenceIds.size || change.exchangeRateIds.size) fn(change, tr.origin);
    };
    this.doc.on('afterTransaction', onTx);
    return () => this.doc.off('afterTransaction', onTx);
  }
}

/** Adds the key under which `child` sits in `parent` (via `_item.parentSub`, as case-doc.ts does; falls back to a scan). */
export function addKey(parent: Y.Map<Y.Map<unknown>>, child: Y.Map<unknown>, into: Set<string>): void {
  const sub = (child as unknown as { _item?: { parentSub?: string | null } })._item?.parentSub;
  if (typeof sub === 'string') {
    into.add(sub);
    return;
  }
  for (const [k, v] of parent.entries()) {
    if (v === child) {
      into.add(k);
      return;
    }
  }
}
