/**
 * A case's links to other cases (issue 12 item 7): the only code that reads or writes this raw Y
 * type. `caseLinks` is a Y.Map<linkId, Y.Map<field, value>> of {@link CaseLinkFields} plus stamps
 * in the case Y.Doc, with the record rules of case-record-map.ts: validated, stamped, audited
 * (`caseLink.add`, `caseLink.update`, `caseLink.delete`), deletions kept as `deleted: true`.
 * A case cannot be linked to itself, nor twice to the same case (the reason is edited instead).
 */
import type * as Y from 'yjs';
import { CASE_DOC_ROOTS } from './root-types';
import { DocView } from './doc-view';
import { caseLinkFieldSchemas, caseLinkFieldsSchema, type CaseLink, type CaseLinkFields } from '../domain/case-link';
import type { AuditEntry } from './case-audit';
import { CaseRecordMap } from './case-record-map';
import type { Writer } from './records';
import { NestError } from '../errors';

/** What an unreadable field reads as (a link to no case is left out of {@link CaseLinkedCases.list}). */
const LINK_DEFAULTS: CaseLinkFields = { caseId: '', relation: 'other', reason: '' };

/** Typed view over the links of one case Y.Doc to other cases. Cheap to construct; holds no state. */
export class CaseLinkedCases extends DocView {
  constructor(doc: Y.Doc) {
    super(doc, CASE_DOC_ROOTS);
  }

  private get records(): CaseRecordMap<CaseLinkFields> {
    return new CaseRecordMap<CaseLinkFields>(this.doc.getMap('caseLinks'), this.doc.getMap('meta'), this.doc.getArray<AuditEntry>('audit'), {
      kind: 'caseLink',
      fields: caseLinkFieldSchemas,
      whole: caseLinkFieldsSchema,
      defaults: LINK_DEFAULTS,
      summary: ['caseId', 'relation', 'reason'],
    });
  }
  private readonly tx = <T>(w: Writer, fn: () => T): T => this.write(w, fn);

  /** Every live link that names a case, oldest written first. */
  list(): CaseLink[] {
    return this.records.list().filter((l) => l.caseId !== '');
  }

  /**
   * Every link that names a case, removed ones too (`deleted`; a removed link's `updatedBy` and
   * `updatedAt` say who removed it when): the projection of links seen from the other case.
   */
  listWithDeleted(): (CaseLink & { deleted: boolean })[] {
    return this.records.listWithDeleted().filter((l) => l.caseId !== '');
  }

  /** One link; null when unknown or deleted (unless `withDeleted`). */
  get(id: string, withDeleted = false): CaseLink | null {
    return this.records.get(id, withDeleted);
  }

  /**
   * Links this case (`ownCaseId`) to another.
   * @throws NestError('validation') for bad fields, a link to the case itself
   *   (`case-link.self`) or to a case already linked (`case-link.exists`).
   */
  add(id: string, ownCaseId: string, fields: CaseLinkFields, w: Writer): CaseLink {
    if (fields.caseId.toLowerCase() === ownCaseId.toLowerCase()) throw new NestError('validation', { id: 'case-link.self' });
    if (this.list().some((l) => l.caseId.toLowerCase() === fields.caseId.toLowerCase())) throw new NestError('validation', { id: 'case-link.exists' });
    this.records.add(this.tx, [{ id, fields }], w);
    return this.get(id)!;
  }

  /**
   * Updates a link's relation or reason (the linked case stays: a link to another case is a new link).
   * @throws NestError('not-found'); NestError('validation').
   */
  update(id: string, patch: Partial<Pick<CaseLinkFields, 'relation' | 'reason'>>, w: Writer): string[] {
    return this.records.update(this.tx, id, patch, w);
  }

  /**
   * Removes a link (kept with `deleted: true`).
   * @throws NestError('not-found').
   */
  delete(id: string, w: Writer): void {
    this.records.delete(this.tx, id, w);
  }
}
