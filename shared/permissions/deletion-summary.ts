/**
 * What an update would erase from a doc, classified by the deletion rules (deletion-rules.ts):
 * items of append-only structures, whole records removed, records' `deleted` flags set. The one
 * reading of an update's deletions, used by the relay before it stores an update
 * (relay/hub/deletion-check.ts) and by the data service before it applies a window's update
 * (service/renderer-sync/sync-hub.ts), so a page can erase no more than a peer can. Isomorphic.
 *
 * The update's delete set is read (`Y.decodeUpdate`) and each deleted range is looked up in the
 * doc as held here: an item not yet deleted is classified by the path of the Y type holding it;
 * new items setting a record's `deleted` to true count as record deletions too; a `deleted: true`
 * overwritten (a restore of a deleted record) does not. Items the doc does
 * not have (new in this update, or waiting for a missing dependency) are not judged: deleting
 * what was never stored erases nothing.
 */
import * as Y from 'yjs';
import { classifyDeletion, DELETED_FIELD, type DeletionSummary } from './deletion-rules';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types its shared types as AbstractType<any>
type AnyType = Y.AbstractType<any>;

/**
 * What `update` would delete from `doc` (the doc as held by the caller: the relay's stored doc plus the tick in progress, or the data service's live doc).
 * @throws Error when `update` is not a valid Yjs update.
 */
export function summariseDeletions(doc: Y.Doc, update: Uint8Array): DeletionSummary {
  const summary: DeletionSummary = { appendOnly: 0, removed: new Set(), flagged: new Set() };
  const { structs: added, ds } = Y.decodeUpdate(update);
  const roots = new Map<AnyType, string>();
  for (const [name, type] of doc.share) roots.set(type, name);
  // Soft deletions: `deleted: true` newly set on a record the relay holds (a first `deleted` key
  // deletes nothing, so it is not in the delete set).
  for (const s of added) {
    if (!(s instanceof Y.Item) || s.parentSub !== DELETED_FIELD || !(s.parent instanceof Y.ID) || !(s.content instanceof Y.ContentAny)) continue;
    if (s.content.getContent()[0] !== true || s.parent.clock >= Y.getState(doc.store, s.parent.client)) continue;
    const record = Y.getItem(doc.store, s.parent);
    if (!(record instanceof Y.Item) || record.deleted || !(record.content instanceof Y.ContentType)) continue;
    const kind = classifyDeletion(pathOf(record.content.type, roots), DELETED_FIELD, false);
    if (kind.kind === 'record-flagged') summary.flagged.add(`${kind.map}/${kind.recordId}`);
  }
  for (const [client, ranges] of ds.clients) {
    const structs = doc.store.clients.get(client);
    if (!structs) continue;
    const known = Y.getState(doc.store, client);
    for (const r of ranges) {
      const end = Math.min(r.clock + r.len, known);
      if (r.clock >= end) continue;
      for (let i = Y.findIndexSS(structs, r.clock); i < structs.length && structs[i]!.id.clock < end; i++) {
        const s = structs[i]!;
        if (!(s instanceof Y.Item) || s.deleted) continue;
        // A `deleted: true` overwritten is a restore (the record comes back), not a deletion;
        // a new `deleted: true` is counted above.
        if (s.parentSub === DELETED_FIELD && s.content instanceof Y.ContentAny && s.content.getContent()[0] === true) continue;
        const kind = classifyDeletion(pathOf(s.parent as AnyType, roots), s.parentSub, s.content instanceof Y.ContentType);
        if (kind.kind === 'append-only') summary.appendOnly++;
        else if (kind.kind === 'record-removed') summary.removed.add(`${kind.map}/${kind.recordId}`);
        else if (kind.kind === 'record-flagged') summary.flagged.add(`${kind.map}/${kind.recordId}`);
      }
    }
  }
  return summary;
}

/** The keys from the root down to `type` (`#` for an array position), e.g. `['seizures', '<id>']`. */
function pathOf(type: AnyType, roots: Map<AnyType, string>): string[] {
  const path: string[] = [];
  for (let t: AnyType | null = type; t; ) {
    const item: Y.Item | null = t._item;
    if (!item) {
      path.unshift(roots.get(t) ?? '?');
      break;
    }
    path.unshift(item.parentSub ?? '#');
    t = item.parent as AnyType | null;
  }
  return path;
}
