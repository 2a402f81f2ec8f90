/**
 * What one transaction changed in a case doc, for incremental projections and the renderer's
 * per-part versions: meta, summary, routes, the ids of seizures added, changed or deleted, and
 * whether exhibits or the custody log changed (they are searchable); and the entries a
 * transaction inserted into an append-only log.
 */
import * as Y from 'yjs';
import type { CaseParts } from './case-seizures';

/** What changed in one transaction of a case doc, for incremental projections. */
export interface CaseDocChange {
  meta: boolean;
  summary: boolean;
  routes: boolean;
  seizureIds: Set<string>;
  /** An exhibit or the custody log changed (exhibit writes do not stamp the meta). */
  evidence: boolean;
}

/** The change report of transaction `tr` over the case doc's `parts` and `summary` text. */
export function changeOf(tr: Y.Transaction, parts: CaseParts, summary: Y.Text): CaseDocChange {
  const change: CaseDocChange = { meta: false, summary: false, routes: false, seizureIds: new Set(), evidence: false };
  const { seizures, routes } = parts;
  const doc = tr.doc;
  // Read with `share.get`: a doc without exhibits yet must not get the roots defined by a reader.
  const exhibits = doc.share.get('exhibits');
  const custody = doc.share.get('custody');
  for (const [changedType, keys] of tr.changed) {
    const type: unknown = changedType;
    if (type === parts.meta) change.meta = true;
    else if (type === summary) change.summary = true;
    else if (type === routes || (type instanceof Y.Map && type.parent === routes)) change.routes = true;
    else if (type === seizures) keys.forEach((k) => k !== null && change.seizureIds.add(k));
    else if ((exhibits !== undefined && (type === exhibits || (type instanceof Y.Map && type.parent === exhibits))) || (custody !== undefined && type === custody)) change.evidence = true;
    else if (type instanceof Y.Map && type.parent === seizures) {
      const key = keyOf(seizures, type);
      if (key) change.seizureIds.add(key);
    }
  }
  return change;
}

/** The key under which `child` sits in `parent` (Y.Map records know their parent but not their key through public API). */
function keyOf(parent: Y.Map<Y.Map<unknown>>, child: Y.Map<unknown>): string | null {
  // `_item.parentSub` is the key; it is stable Yjs internals (used by y-prosemirror too). Fall back to a scan.
  const sub = (child as unknown as { _item?: { parentSub?: string | null } })._item?.parentSub;
  if (typeof sub === 'string') return sub;
  for (const [k, v] of parent.entries()) if (v === child) return k;
  return null;
}

/** Calls `fn` with the items each transaction inserted into `log` (anywhere in it) and the transaction's origin; returns the unsubscribe function. */
export function observeInserts<T>(log: Y.Array<T>, fn: (added: unknown[], origin: unknown) => void): () => void {
  const onEvent = (e: Y.YArrayEvent<T>): void => {
    const added: unknown[] = [];
    for (const d of e.changes.delta) if (Array.isArray(d.insert)) added.push(...(d.insert as unknown[]));
    if (added.length) fn(added, e.transaction.origin);
  };
  log.observe(onEvent);
  return () => log.unobserve(onEvent);
}
