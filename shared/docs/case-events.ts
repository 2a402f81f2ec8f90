/**
 * A case's timeline events: the only code that reads or writes this raw Y type. `events` is a
 * Y.Map<eventId, Y.Map<field, value>> of {@link CaseEventFields} plus stamps in the case Y.Doc,
 * with the seizure rules (case-record-map.ts): validated, stamped, audited (`event.add`,
 * `event.update`, `event.delete`), deletions kept as `deleted: true`.
 */
import type * as Y from 'yjs';
import { CASE_DOC_ROOTS } from './root-types';
import { DocView } from './doc-view';
import { caseEventFieldSchemas, caseEventFieldsSchema, type CaseEvent, type CaseEventFields } from '../domain/case-event';
import type { AuditEntry } from './case-audit';
import { CaseRecordMap } from './case-record-map';
import type { Writer } from './records';

/** What an unreadable event field reads as. */
const EVENT_DEFAULTS: CaseEventFields = { date: '', precision: 'year', text: '', source: '' };

/** Typed view over the timeline events of one case Y.Doc. Cheap to construct; holds no state. */
export class CaseEvents extends DocView {
  constructor(doc: Y.Doc) {
    super(doc, CASE_DOC_ROOTS);
  }

  private get records(): CaseRecordMap<CaseEventFields> {
    return new CaseRecordMap<CaseEventFields>(this.doc.getMap('events'), this.doc.getMap('meta'), this.doc.getArray<AuditEntry>('audit'), {
      kind: 'event',
      fields: caseEventFieldSchemas,
      whole: caseEventFieldsSchema,
      defaults: EVENT_DEFAULTS,
      summary: ['date', 'text'],
    });
  }
  private readonly tx = <T>(w: Writer, fn: () => T): T => this.write(w, fn);

  /** Every live event, oldest written first (the timeline sorts by date). */
  list(): CaseEvent[] {
    return this.records.list();
  }

  /** One event; null when unknown or deleted (unless `withDeleted`). */
  get(id: string, withDeleted = false): CaseEvent | null {
    return this.records.get(id, withDeleted);
  }

  /**
   * Adds an event.
   * @throws NestError('validation') naming each bad field (a date that does not match its precision: `date`).
   */
  add(id: string, fields: CaseEventFields, w: Writer): CaseEvent {
    this.records.add(this.tx, [{ id, fields }], w);
    return this.get(id)!;
  }

  /**
   * Updates an event's fields (the merged event is validated whole).
   * @throws NestError('not-found'); NestError('validation').
   */
  update(id: string, patch: Partial<CaseEventFields>, w: Writer): string[] {
    return this.records.update(this.tx, id, patch, w);
  }

  /**
   * Deletes an event (kept with `deleted: true`).
   * @throws NestError('not-found').
   */
  delete(id: string, w: Writer): void {
    this.records.delete(this.tx, id, w);
  }
}
