/**
 * A case's valuation inputs and their typed helpers: the only code that reads or writes these raw
 * Y types. They live in the case Y.Doc beside the layout of `case-doc.ts`, under their own
 * top-level names:
 *
 * - `valuations`          Y.Map<valuationId, Y.Map<field, value>> of {@link ValuationFields}: each
 *                         names its `seizureId` (a seizure of this case) and its `priceReferenceId`
 *                         (a workspace price reference), with an optional `factor` {low, high, label}
 *                         stored as one value so its ends change together; plus
 *                         `createdBy/createdAt/updatedBy/updatedAt`; deleted ones keep a tombstone.
 * - `estimateAssumptions` Y.Map with key `interdictionRate`: the case's {@link InterdictionAssumption}
 *                         with `updatedBy`/`updatedAt`, one value (last writer wins as a whole, so
 *                         low and high never come from two different edits), or null when cleared.
 * - `audit`               the case's existing audit Y.Array: entries `valuation.*` and
 *                         `assumption.interdiction` are appended to it.
 *
 * Every write validates with zod first (nothing is written when a field is bad), stamps the member,
 * appends an audit entry and runs in one transaction whose origin is a {@link WriteOrigin}.
 */
import * as Y from 'yjs';
import { CASE_DOC_ROOTS } from './root-types';
import { DocView } from './doc-view';
import type { VolumeSeizureEnds } from './case-links';
import {
  interdictionAssumptionSchema,
  valuationFieldSchemas,
  valuationFieldsSchema,
  valuationRecordSchema,
  type InterdictionAssumption,
  type ValuationFields,
  type ValuationRecord,
} from '../domain/seizure-valuation';
import { NestError } from '../errors';
import type { AuditEntry } from './case-doc';
import { insertRecord, readFields, requireRecord, stamp, validatePatch, validateWhole, writeFields, type Writer } from './records';
import { addKey } from './reference-lists';
import { t } from '../messages/format';

/** Top-level names of the shared types this module owns in the case doc. */
export const CASE_VALUATION_KEYS = { valuations: 'valuations', assumptions: 'estimateAssumptions' } as const;

/** The stored interdiction-rate assumption with who set it, when (ms since epoch). */
export type StoredInterdictionAssumption = InterdictionAssumption & { updatedBy: string; updatedAt: number };

/** What changed in one transaction. */
export interface CaseValuationChange {
  readonly valuationIds: Set<string>;
  assumptions: boolean;
}

/** Typed view over the valuations of one case Y.Doc. Cheap to construct; holds no state of its own. */
export class CaseValuations extends DocView {

  constructor(doc: Y.Doc) {
    super(doc, CASE_DOC_ROOTS);
  }

  private get valuationMap(): Y.Map<Y.Map<unknown>> {
    return this.doc.getMap(CASE_VALUATION_KEYS.valuations);
  }
  private get assumptionMap(): Y.Map<unknown> {
    return this.doc.getMap(CASE_VALUATION_KEYS.assumptions);
  }
  private get seizureMap(): Y.Map<Y.Map<unknown>> {
    return this.doc.getMap('seizures');
  }
  private get auditLog(): Y.Array<AuditEntry> {
    return this.doc.getArray('audit');
  }


  private parse(id: string, rec: Y.Map<unknown>): ValuationRecord | null {
    const r = valuationRecordSchema.safeParse({ ...readFields(rec), id });
    return r.success ? r.data : null;
  }

  /** All live, valid valuations, oldest first (then by id). */
  listValuations(): ValuationRecord[] {
    const out: ValuationRecord[] = [];
    this.valuationMap.forEach((rec, id) => {
      if (!(rec instanceof Y.Map) || rec.get('deleted') === true) return;
      const v = this.parse(id, rec);
      if (v) out.push(v);
    });
    return out.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  }

  /** The live valuations of one seizure. */
  valuationsForSeizure(seizureId: string): ValuationRecord[] {
    return this.listValuations().filter((v) => v.seizureId === seizureId);
  }

  /** One valuation, or null when missing, deleted or invalid. */
  getValuation(id: string): ValuationRecord | null {
    const rec = this.valuationMap.get(id);
    if (!(rec instanceof Y.Map) || rec.get('deleted') === true) return null;
    return this.parse(id, rec);
  }

  /** The id of the seizure valuation `id` values, also when the valuation was deleted (the activity log names it); null when unknown. */
  seizureOfValuation(id: string): string | null {
    const rec = this.valuationMap.get(id);
    const seizureId = rec instanceof Y.Map ? rec.get('seizureId') : undefined;
    return typeof seizureId === 'string' ? seizureId : null;
  }

  private requireSeizure(seizureId: string, volumes?: VolumeSeizureEnds): void {
    const s = this.seizureMap.get(seizureId);
    const inDoc = s instanceof Y.Map && s.get('deleted') !== true;
    if (!inDoc && !(volumes?.live(seizureId) ?? false)) throw new NestError('not-found', { id: 'record.seizure-not-in-case', values: { id: seizureId } });
  }

  /**
   * Adds a valuation of a seizure of this case.
   * @param id the new record's UUID (callers pass `crypto.randomUUID()`).
   * @param volumes the case's seizures held in volume docs (case-links.ts); without it only the
   *   case doc's own seizures can be valued.
   * @throws NestError('validation') naming each bad field or when the id exists; NestError('not-found')
   *   when the seizure is not a live seizure of this case. Nothing is written then.
   */
  addValuation(id: string, fields: ValuationFields, w: Writer, volumes?: VolumeSeizureEnds): ValuationRecord {
    const valid = validateWhole(valuationFieldsSchema, fields);
    this.requireSeizure(valid.seizureId, volumes);
    const at = stamp(w);
    this.write(w, () => {
      if (this.valuationMap.has(id)) throw new NestError('validation', { id: 'record.exists', values: { kind: 'valuation', id } });
      insertRecord(this.valuationMap, id, { ...valid, createdBy: w.memberId, createdAt: at, updatedBy: w.memberId, updatedAt: at });
      this.auditLog.push([{ at, by: w.memberId, action: 'valuation.add', target: id }]);
    });
    return this.getValuation(id)!;
  }

  /**
   * Updates the price reference, factor or notes of a valuation (its seizure does not change:
   * delete it and add another).
   * @throws NestError('not-found') for an unknown or deleted id; NestError('validation') naming each bad field.
   */
  updateValuation(id: string, patch: Partial<Omit<ValuationFields, 'seizureId'>>, w: Writer): string[] {
    const rec = requireRecord(this.valuationMap, id, 'valuation');
    if ('seizureId' in patch) throw new NestError('validation', { id: 'record.valuation-seizure-fixed' }, [{ field: 'seizureId', message: t('record.cannot-change') }]);
    const { seizureId: _s, ...schemas } = valuationFieldSchemas;
    const valid = validatePatch(schemas, patch);
    return this.write(w, () => {
      const changed = writeFields(rec, valid);
      if (changed.length) {
        const at = stamp(w);
        writeFields(rec, { updatedBy: w.memberId, updatedAt: at });
        this.auditLog.push([{ at, by: w.memberId, action: 'valuation.update', target: id, fields: changed }]);
      }
      return changed;
    });
  }

  /** Deletes a valuation (tombstone). @throws NestError('not-found'). */
  deleteValuation(id: string, w: Writer): void {
    const rec = requireRecord(this.valuationMap, id, 'valuation');
    this.write(w, () => {
      const at = stamp(w);
      writeFields(rec, { deleted: true, updatedBy: w.memberId, updatedAt: at });
      this.auditLog.push([{ at, by: w.memberId, action: 'valuation.delete', target: id }]);
    });
  }

  /** The case's interdiction-rate assumption, or null when none is set (or the stored value is not valid). */
  readInterdictionRate(): StoredInterdictionAssumption | null {
    const raw = this.assumptionMap.get('interdictionRate');
    if (!raw || typeof raw !== 'object') return null;
    const r = interdictionAssumptionSchema.safeParse(raw);
    if (!r.success) return null;
    const o = raw as { updatedBy?: unknown; updatedAt?: unknown };
    return { ...r.data, updatedBy: typeof o.updatedBy === 'string' ? o.updatedBy : '', updatedAt: typeof o.updatedAt === 'number' ? o.updatedAt : 0 };
  }

  /**
   * Sets (or with null, clears) the case's interdiction-rate assumption.
   * @throws NestError('validation') unless 0 < low ≤ high ≤ 1 and a basis is given.
   */
  setInterdictionRate(a: InterdictionAssumption | null, w: Writer): void {
    const valid = a === null ? null : validateWhole(interdictionAssumptionSchema, a);
    this.write(w, () => {
      const at = stamp(w);
      this.assumptionMap.set('interdictionRate', valid === null ? null : { ...valid, updatedBy: w.memberId, updatedAt: at });
      this.auditLog.push([{ at, by: w.memberId, action: valid === null ? 'assumption.interdiction.clear' : 'assumption.interdiction' }]);
    });
  }

  /** Calls `fn` after every transaction that changed a valuation or an assumption. Returns the unsubscribe function. */
  observe(fn: (change: CaseValuationChange, origin: unknown) => void): () => void {
    const onTx = (tr: Y.Transaction): void => {
      const change: CaseValuationChange = { valuationIds: new Set(), assumptions: false };
      const vals = this.valuationMap;
      for (const [changedType, keys] of tr.changed) {
        const type: unknown = changedType;
        if (type === vals) keys.forEach((k) => k !== null && change.valuationIds.add(k));
        else if (type instanceof Y.Map && type.parent === vals) addKey(vals, type, change.valuationIds);
        else if (type === this.assumptionMap) change.assumptions = true;
      }
      if (change.valuationIds.size || change.assumptions) fn(change, tr.origin);
    };
    this.doc.on('afterTransaction', onTx);
    return () => this.doc.off('afterTransaction', onTx);
  }
}
