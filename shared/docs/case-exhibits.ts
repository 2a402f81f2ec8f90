/**
 * The exhibits of a case doc (`exhibits`: Y.Map<exhibitId, Y.Map<field, value>>; a deleted exhibit
 * keeps its record with `deleted: true`, like seizures). Numbers are allocated locally (highest
 * known + 1) and duplicates from concurrent creation are shown, never silently changed
 * (shared/domain/exhibit.ts). Every write is validated first, attributed and audited.
 */
import * as Y from 'yjs';
import { CASE_DOC_ROOTS } from './root-types';
import { DocView } from './doc-view';
import { insertRecord, readFields, readLenient, requireRecord, stamp, validatePatch, validateWhole, writeFields, type Writer } from './records';
import { changesOf, type AuditEntry } from './case-audit';
import { exhibitFieldsSchema, exhibitNumberSchema, nextExhibitNumber, type Exhibit, type ExhibitFields } from '../domain/exhibit';
import { NestError } from '../errors';

/** What an unreadable field reads as: empty or the least committal value. */
const UNREADABLE: ExhibitFields = { description: '', type: 'physical-item', seizureId: null, fileIds: [], sealNumber: '', storageLocation: '', currentHolder: '', status: 'in-custody' };

const fieldSchemas = exhibitFieldsSchema.shape;

/** An exhibit record read leniently. */
function toExhibit(id: string, rec: Y.Map<unknown>): Exhibit {
  const raw = readFields(rec);
  const n = exhibitNumberSchema.safeParse(raw.number);
  return {
    ...readLenient(raw, fieldSchemas, UNREADABLE),
    id,
    number: n.success ? n.data : 0,
    createdBy: typeof raw.createdBy === 'string' ? raw.createdBy : '',
    createdAt: typeof raw.createdAt === 'number' ? raw.createdAt : 0,
    updatedBy: typeof raw.updatedBy === 'string' ? raw.updatedBy : '',
    updatedAt: typeof raw.updatedAt === 'number' ? raw.updatedAt : 0,
  };
}

/** Typed view over a case doc's exhibits. */
export class CaseExhibits extends DocView {
  constructor(doc: Y.Doc) {
    super(doc, CASE_DOC_ROOTS);
  }

  private get map(): Y.Map<Y.Map<unknown>> {
    return this.doc.getMap('exhibits');
  }
  private get audit(): Y.Array<AuditEntry> {
    return this.doc.getArray('audit');
  }

  /** Live exhibits by number, then id. */
  list(): Exhibit[] {
    const out: Exhibit[] = [];
    this.map.forEach((rec, id) => {
      if (rec instanceof Y.Map && rec.get('deleted') !== true) out.push(toExhibit(id, rec));
    });
    return out.sort((a, b) => a.number - b.number || a.id.localeCompare(b.id));
  }

  /** One exhibit by id, or null when missing or deleted. */
  get(id: string): Exhibit | null {
    const rec = this.map.get(id);
    return rec instanceof Y.Map && rec.get('deleted') !== true ? toExhibit(id, rec) : null;
  }

  /** The number the next exhibit gets (deleted exhibits keep theirs: a number is never reused). */
  nextNumber(): number {
    const numbers: number[] = [];
    this.map.forEach((rec) => {
      if (rec instanceof Y.Map && typeof rec.get('number') === 'number') numbers.push(rec.get('number') as number);
    });
    return nextExhibitNumber(numbers);
  }

  /**
   * Adds an exhibit with the next number.
   * @param id the record's UUID.
   * @throws NestError('validation') naming each bad field (nothing written), or when `id` exists.
   */
  add(id: string, fields: ExhibitFields, w: Writer): Exhibit {
    const valid = validateWhole(exhibitFieldsSchema, fields);
    if (this.map.has(id)) throw new NestError('validation', { id: 'record.exists', values: { kind: 'exhibit', id } });
    const at = stamp(w);
    const number = this.nextNumber();
    this.write(w, () => {
      insertRecord(this.map, id, { ...valid, number, createdBy: w.memberId, createdAt: at, updatedBy: w.memberId, updatedAt: at });
      this.audit.push([{ at, by: w.memberId, action: 'exhibit.add', target: id, summary: { number, description: valid.description } }]);
    });
    return this.get(id)!;
  }

  /**
   * Updates some fields; only changed ones are written and audited (old → new).
   * @returns the changed field names.
   * @throws NestError('not-found'); NestError('validation') naming each bad field.
   */
  update(id: string, patch: Partial<ExhibitFields>, w: Writer): string[] {
    const rec = requireRecord(this.map, id, 'exhibit');
    const valid = validatePatch(fieldSchemas, patch);
    return this.write(w, () => {
      const before = readFields(rec);
      const changed = writeFields(rec, valid);
      if (changed.length) {
        const at = stamp(w);
        writeFields(rec, { updatedBy: w.memberId, updatedAt: at });
        this.audit.push([{ at, by: w.memberId, action: 'exhibit.update', target: id, fields: changed, changes: changesOf(changed, before, valid) }]);
      }
      return changed;
    });
  }

  /**
   * Gives an exhibit the next free number (to resolve a duplicate number from concurrent creation).
   * @returns the new number.
   * @throws NestError('not-found').
   */
  renumber(id: string, w: Writer): number {
    const rec = requireRecord(this.map, id, 'exhibit');
    const number = this.nextNumber();
    this.write(w, () => {
      const from = rec.get('number');
      const at = stamp(w);
      writeFields(rec, { number, updatedBy: w.memberId, updatedAt: at });
      this.audit.push([{ at, by: w.memberId, action: 'exhibit.renumber', target: id, fields: ['number'], changes: { number: { from: typeof from === 'number' ? from : null, to: number } } }]);
    });
    return number;
  }

  /**
   * Deletes an exhibit (kept as a tombstone; its custody log stays).
   * @throws NestError('not-found').
   */
  remove(id: string, w: Writer): void {
    const rec = requireRecord(this.map, id, 'exhibit');
    const at = stamp(w);
    this.write(w, () => {
      writeFields(rec, { deleted: true, updatedBy: w.memberId, updatedAt: at });
      this.audit.push([{ at, by: w.memberId, action: 'exhibit.delete', target: id, summary: { number: Number(rec.get('number') ?? 0), description: String(rec.get('description') ?? '') } }]);
    });
  }
}
