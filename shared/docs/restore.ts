/**
 * Restoring a doc, or one record, to a past state as a NEW change (issue 10): the diff from the
 * current state to the past one is applied as ordinary, attributed writes, so nothing is rewound
 * and the history keeps both the erase and the restore. The past state comes from the relay's
 * provenance log (`GET /v1/history/state`, shared/protocol/relay/history.ts).
 *
 * What a restore writes, per root type of the layout:
 * - maps (meta, records, reference lists): fields set back to their past value; fields added
 *   since are removed; a record removed since is re-created with its past fields; a record added
 *   since is marked `deleted: true` (never removed: it stays in the history and the evidence);
 * - text (the case summary): the changed middle replaced, so concurrent edits elsewhere survive;
 * - arrays (audit, custody): append-only, never touched; one `history.restore` audit entry is
 *   appended naming the seq restored to.
 * Every write is one transaction whose origin names the restoring member. Isomorphic.
 */
import * as Y from 'yjs';
import { DELETED_FIELD, RECORD_MAPS } from '../permissions/deletion-rules';
import { DocView } from './doc-view';
import { jsonEqual, stamp, type Writer } from './records';

/** What a restore changed: how many map entries it set, removed or re-created, and whether text changed. */
export interface RestoreResult {
  /** Map entries (fields or records) written. */
  changed: number;
  /** Records re-created or marked deleted. */
  records: number;
}

/** A view that restores a doc of the given layout from a past state of the same doc. */
export class DocRestorer extends DocView {
  /** @param roots the doc's layout (CASE_DOC_ROOTS or WORKSPACE_DOC_ROOTS of root-types.ts). */
  constructor(
    doc: Y.Doc,
    private readonly roots: Record<string, 'map' | 'text' | 'array' | 'xml'>,
  ) {
    super(doc, roots);
  }

  /**
   * Makes every map and text root of this doc equal to `past` (arrays are append-only and kept),
   * as one attributed change, and appends a `history.restore` audit entry (`target` "seq <n>").
   */
  restoreDoc(past: Y.Doc, seq: number, w: Writer): RestoreResult {
    const result: RestoreResult = { changed: 0, records: 0 };
    this.write(w, () => {
      for (const [name, kind] of Object.entries(this.roots)) {
        if (kind === 'map') restoreMap(this.doc.getMap(name), past.getMap(name), [name], result);
        else if (kind === 'text') restoreText(this.doc.getText(name), past.getText(name).toString(), result);
        else if (kind === 'xml') restoreXml(this.doc.getXmlFragment(name), past.getXmlFragment(name), result);
      }
      this.audit(w, `seq ${seq}`, result);
    });
    return result;
  }

  /**
   * Makes one record (`map`/`recordId`, e.g. a seizure) equal to its state in `past`: re-created
   * when it was removed since, marked deleted when it did not exist then.
   */
  restoreRecord(past: Y.Doc, seq: number, map: string, recordId: string, w: Writer): RestoreResult {
    const result: RestoreResult = { changed: 0, records: 0 };
    this.write(w, () => {
      restoreEntry(this.doc.getMap(map), past.getMap(map), recordId, [map], result);
      this.audit(w, `${map}/${recordId} seq ${seq}`, result);
    });
    return result;
  }

  private audit(w: Writer, target: string, result: RestoreResult): void {
    if (this.roots.audit !== 'array') return;
    this.doc.getArray('audit').push([{ at: stamp(w), by: w.memberId, action: 'history.restore', target, count: result.changed + result.records }]);
  }
}

/** Makes `cur` equal to `past` (a map at `path` from the root). */
function restoreMap(cur: Y.Map<unknown>, past: Y.Map<unknown>, path: string[], result: RestoreResult): void {
  for (const key of past.keys()) restoreEntry(cur, past, key, path, result);
  for (const key of [...cur.keys()]) if (!past.has(key)) restoreEntry(cur, past, key, path, result);
}

/** Makes `cur.get(key)` equal to `past.get(key)`. */
function restoreEntry(cur: Y.Map<unknown>, past: Y.Map<unknown>, key: string, path: string[], result: RestoreResult): void {
  const isRecord = path.length === 1 && RECORD_MAPS.includes(path[0]!);
  const c = cur.get(key);
  if (!past.has(key)) {
    if (!cur.has(key)) return;
    if (isRecord && c instanceof Y.Map) {
      // A record added since: marked deleted, never removed (records.purge is not a restore's job).
      if (c.get(DELETED_FIELD) !== true) {
        c.set(DELETED_FIELD, true);
        result.records++;
      }
      return;
    }
    cur.delete(key);
    result.changed++;
    return;
  }
  const p = past.get(key);
  if (p instanceof Y.Map && c instanceof Y.Map) return restoreMap(c, p, [...path, key], result);
  if (p instanceof Y.Text && c instanceof Y.Text) return restoreText(c, p.toString(), result);
  if (p instanceof Y.Array && c instanceof Y.Array) return; // append-only logs are never rewritten
  if (!(p instanceof Y.AbstractType) && !(c instanceof Y.AbstractType) && cur.has(key) && jsonEqual(c, p)) return;
  cur.set(key, clone(p));
  if (isRecord) result.records++;
  else result.changed++;
}

/** Replaces the part of `text` that differs from `target` (common prefix and suffix kept). */
function restoreText(text: Y.Text, target: string, result: RestoreResult): void {
  const now = text.toString();
  if (now === target) return;
  let start = 0;
  while (start < now.length && start < target.length && now[start] === target[start]) start++;
  let end = 0;
  while (end < now.length - start && end < target.length - start && now[now.length - 1 - end] === target[target.length - 1 - end]) end++;
  if (now.length - start - end > 0) text.delete(start, now.length - start - end);
  if (target.length - start - end > 0) text.insert(start, target.slice(start, target.length - end));
  result.changed++;
}

/** Replaces a rich-text fragment (the case notes) by its past content when it differs: its children re-created from the past doc's. */
function restoreXml(frag: Y.XmlFragment, past: Y.XmlFragment, result: RestoreResult): void {
  if (frag.toString() === past.toString()) return;
  frag.delete(0, frag.length);
  frag.insert(0, past.toArray().map((n) => n.clone()) as (Y.XmlElement | Y.XmlText)[]);
  result.changed++;
}

/** A copy of a value of a past doc that can be inserted into the current one (Y types are re-created). */
function clone(v: unknown): unknown {
  if (v instanceof Y.Map) {
    const m = new Y.Map<unknown>();
    for (const [k, x] of v.entries()) m.set(k, clone(x));
    return m;
  }
  if (v instanceof Y.Array) {
    const a = new Y.Array<unknown>();
    a.push(v.toArray().map(clone));
    return a;
  }
  if (v instanceof Y.Text) return new Y.Text(v.toString());
  return v;
}
