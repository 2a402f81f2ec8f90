/**
 * The chain-of-custody log of a case doc: `custody`, one append-only Y.Array of
 * {@link CustodyEntry} for all the case's exhibits (each entry names its exhibit). One array, not
 * one per exhibit: a per-exhibit array created concurrently on two machines would make one of the
 * two arrays (and its entries) lose, while concurrent appends to one array all survive. The relay
 * refuses any update that deletes from it (shared/permissions/deletion-rules.ts), and this view
 * offers no way to: {@link CaseCustody.record} only appends, and a correction is a new entry that
 * points at the one it corrects. Readers accept any shape (the log is shared) and skip what does
 * not parse.
 */
import * as Y from 'yjs';
import { CASE_DOC_ROOTS } from './root-types';
import { DocView } from './doc-view';
import { stamp, validateWhole, type Writer } from './records';
import type { AuditEntry } from './case-audit';
import { custodyChain, custodyFieldsSchema, custodyRefusals, type CustodyChain, type CustodyEntry, type CustodyFields } from '../domain/custody';
import { idSchema } from '../domain/fields';
import { NestError } from '../errors';

/**
 * A stored entry, or null when `v` does not have the entry shape (written by a buggy or hostile peer).
 * @param schema the fields' schema; pass one built once when reading a whole log.
 */
export function parseCustodyEntry(v: unknown, schema = custodyFieldsSchema()): CustodyEntry | null {
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  const fields = schema.safeParse(o);
  if (!fields.success || !idSchema.safeParse(o.id).success || typeof o.recordedBy !== 'string' || typeof o.recordedAt !== 'number') return null;
  return { ...fields.data, id: o.id as string, recordedBy: o.recordedBy, recordedAt: o.recordedAt };
}

/** Every readable custody entry of a case doc, in log order. Pure read; defines no root. */
export function readCustodyEntries(doc: Y.Doc): CustodyEntry[] {
  const out: CustodyEntry[] = [];
  const schema = custodyFieldsSchema();
  for (const v of doc.getArray<unknown>('custody').toArray()) {
    const e = parseCustodyEntry(v, schema);
    if (e) out.push(e);
  }
  return out;
}

/** Typed view over a case doc's custody log. */
export class CaseCustody extends DocView {
  constructor(doc: Y.Doc) {
    super(doc, CASE_DOC_ROOTS);
  }

  private get log(): Y.Array<unknown> {
    return this.doc.getArray('custody');
  }
  private get audit(): Y.Array<AuditEntry> {
    return this.doc.getArray('audit');
  }

  /** Every readable entry (all exhibits), in log order. */
  entries(): CustodyEntry[] {
    return readCustodyEntries(this.doc);
  }

  /** The chain of one exhibit: entries in force, what they replaced, and its issues (gaps, inversions …). */
  chain(exhibitId: string, currentHolder?: string): CustodyChain {
    return custodyChain(exhibitId, this.entries(), currentHolder);
  }

  /**
   * Appends one entry (a hand-over, or a correction when `fields.corrects` names an entry of the
   * same exhibit). `exists` tells whether the exhibit exists (the caller's exhibit view).
   * @param id the entry's UUID.
   * @throws NestError('validation') for bad fields, a duplicate id, a correction of an entry
   *   that is not in this exhibit's log, or an entry {@link custodyRefusals} refuses (dated in the
   *   future of `w`'s clock: `custody.future`; released and received by one person:
   *   `custody.self-handover`); NestError('not-found') for an unknown exhibit.
   */
  record(id: string, fields: CustodyFields, w: Writer, exists: (exhibitId: string) => boolean): CustodyEntry {
    const valid = validateWhole(custodyFieldsSchema(), fields);
    if (!idSchema.safeParse(id).success) throw new NestError('validation', { id: 'custody.bad-id', values: { id } });
    if (!exists(valid.exhibitId)) throw new NestError('not-found', { id: 'record.not-found', values: { kind: 'exhibit', id: valid.exhibitId } });
    const refused = custodyRefusals(valid, stamp(w))[0];
    if (refused) throw new NestError('validation', { id: refused.id });
    const all = this.entries();
    if (all.some((e) => e.id === id)) throw new NestError('validation', { id: 'record.exists', values: { kind: 'custodyEntry', id } });
    if (valid.corrects !== null && !all.some((e) => e.id === valid.corrects && e.exhibitId === valid.exhibitId)) {
      throw new NestError('validation', { id: 'custody.correction-unknown', values: { id: valid.corrects } });
    }
    const entry: CustodyEntry = { ...valid, id, recordedBy: w.memberId, recordedAt: stamp(w) };
    this.write(w, () => {
      this.log.push([entry]);
      this.audit.push([{ at: entry.recordedAt, by: w.memberId, action: valid.corrects ? 'custody.correct' : 'custody.record', target: valid.exhibitId }]);
    });
    return entry;
  }
}
