/**
 * The attached files of a case doc (`files`: Y.Map<fileId, Y.Map<field, value>>): metadata only
 * (hash, size, media type, original name, who added it when); the bytes are content-addressed blobs
 * outside the doc. Removing a file marks it `deleted` (the record and the hash stay, so the audit
 * trail and an exhibit that cites the file still resolve). Every write is attributed and audited.
 */
import * as Y from 'yjs';
import { CASE_DOC_ROOTS } from './root-types';
import { DocView } from './doc-view';
import { insertRecord, readFields, requireRecord, stamp, validateWhole, writeFields, type Writer } from './records';
import { fileMetaSchema, isSha256, type AttachedFile, type FileMeta } from '../domain/attached-file';
import { NestError } from '../errors';
import type { AuditEntry } from './case-audit';

/** A file record read leniently; null when it is not readable as one (no valid hash). */
function toFile(id: string, rec: Y.Map<unknown>): AttachedFile | null {
  const raw = readFields(rec);
  if (!isSha256(raw.hash)) return null;
  return {
    id,
    hash: raw.hash,
    size: typeof raw.size === 'number' ? raw.size : 0,
    mediaType: typeof raw.mediaType === 'string' ? raw.mediaType : 'application/octet-stream',
    name: typeof raw.name === 'string' ? raw.name : '',
    addedBy: typeof raw.addedBy === 'string' ? raw.addedBy : '',
    addedAt: typeof raw.addedAt === 'number' ? raw.addedAt : 0,
    deleted: raw.deleted === true,
    ...(raw.deleted === true && typeof raw.deletedBy === 'string' ? { deletedBy: raw.deletedBy } : {}),
    ...(raw.deleted === true && typeof raw.deletedAt === 'number' ? { deletedAt: raw.deletedAt } : {}),
  };
}

/** Typed view over a case doc's attached files. */
export class CaseFiles extends DocView {
  constructor(doc: Y.Doc) {
    super(doc, CASE_DOC_ROOTS);
  }

  private get map(): Y.Map<Y.Map<unknown>> {
    return this.doc.getMap('files');
  }
  private get audit(): Y.Array<AuditEntry> {
    return this.doc.getArray('audit');
  }

  /** Live (not deleted) files, newest first. */
  list(): AttachedFile[] {
    return this.all().filter((f) => !f.deleted);
  }

  /** Every file record, deleted ones included, newest first. */
  all(): AttachedFile[] {
    const out: AttachedFile[] = [];
    this.map.forEach((rec, id) => {
      const f = rec instanceof Y.Map ? toFile(id, rec) : null;
      if (f) out.push(f);
    });
    return out.sort((a, b) => b.addedAt - a.addedAt || a.id.localeCompare(b.id));
  }

  /** One file by id (also when deleted), or null. */
  get(id: string): AttachedFile | null {
    const rec = this.map.get(id);
    return rec instanceof Y.Map ? toFile(id, rec) : null;
  }

  /**
   * True when a live file of this case has `hash`: the relay serves a blob to a member of a case
   * only when this holds, so a hash learnt elsewhere opens nothing.
   */
  references(hash: string): boolean {
    return caseFileHashes(this.doc).has(hash);
  }

  /**
   * Adds a file record for a blob already in the store.
   * @param id the record's UUID.
   * @throws NestError('validation') for bad metadata; NestError('validation') when `id` exists.
   */
  add(id: string, meta: FileMeta, w: Writer): AttachedFile {
    const valid = validateWhole(fileMetaSchema, meta);
    if (this.map.has(id)) throw new NestError('validation', { id: 'record.exists', values: { kind: 'file', id } });
    const at = stamp(w);
    this.write(w, () => {
      insertRecord(this.map, id, { ...valid, addedBy: w.memberId, addedAt: at });
      this.audit.push([{ at, by: w.memberId, action: 'file.add', target: id, summary: { name: valid.name, hash: valid.hash } }]);
    });
    return this.get(id)!;
  }

  /**
   * Marks a file deleted (the record stays).
   * @throws NestError('not-found') for an unknown or already deleted id.
   */
  remove(id: string, w: Writer): void {
    const rec = requireRecord(this.map, id, 'file');
    const at = stamp(w);
    this.write(w, () => {
      writeFields(rec, { deleted: true, deletedBy: w.memberId, deletedAt: at });
      this.audit.push([{ at, by: w.memberId, action: 'file.delete', target: id, summary: { name: String(rec.get('name') ?? '') } }]);
    });
  }
}

/**
 * The hashes of the live files a case doc lists (read directly from the `files` root, so the
 * relay can check a blob request against the doc it holds without a view). Pure read.
 */
export function caseFileHashes(doc: Y.Doc): Set<string> {
  const out = new Set<string>();
  doc.getMap<unknown>('files').forEach((rec) => {
    if (rec instanceof Y.Map && rec.get('deleted') !== true && isSha256(rec.get('hash'))) out.add(rec.get('hash') as string);
  });
  return out;
}
