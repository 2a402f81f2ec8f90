/**
 * Doc views: a typed view (CaseDoc, WorkspaceDoc, ReferenceLists, CaseValuations, …) over a doc
 * replica, for as long as a component shows it. The one place in the renderer that opens a
 * replica through the client, observes it, re-renders on change (local, from another window or
 * member, or a sync/status change) and releases it on unmount.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type * as Y from 'yjs';
import type { DocStatus } from '../../../shared/protocol/frames';
import { useClient } from '../app/services';
import type { DocReplica } from './client';

/** What a typed doc view offers for observing: a subscription that returns its unsubscribe. */
export interface ObservableView<C> {
  observe(fn: (change: C) => void): () => void;
}

/** A doc view in a component. */
export interface DocViewState<V> {
  /** The typed view over the replica's doc. */
  view: V;
  replica: DocReplica;
  /** Bumped on every change of the doc, its sync state or its status. */
  version: number;
  /** True once the first sync with the data service completed. */
  synced: boolean;
  /** 'read-only' when this member may only read; 'refused' / 'error' with a message when the doc cannot be opened. */
  status: DocStatus | null;
}

/**
 * Opens doc `docName` (skipped while null) and wraps it in `new View(doc)`. `onChange` (optional)
 * hears each change report of the view (`null` for a sync or status change, after which anything
 * may differ), for hooks that keep finer counters than `version`.
 * Returns null until the replica is open (and for a null `docName`).
 */
export function useDocView<V extends ObservableView<C>, C>(
  docName: string | null,
  View: new (doc: Y.Doc) => V,
  onChange?: (change: C | null) => void,
): DocViewState<V> | null {
  const client = useClient();
  const [replica, setReplica] = useState<DocReplica | null>(null);
  const [version, setVersion] = useState(0);
  // Bumped when the service rejects a change made in the replica: the effect then opens a fresh one.
  const [epoch, setEpoch] = useState(0);
  const latest = useRef(onChange);
  latest.current = onChange;

  useEffect(() => {
    if (docName === null) return;
    const r = client.openDoc(docName);
    setReplica(r);
    const bump = (change: C | null): void => {
      latest.current?.(change);
      setVersion((v) => v + 1);
    };
    const offObserve = new View(r.doc).observe((change) => bump(change));
    const offChange = r.onChange(() => {
      if (r.retired) setEpoch((e) => e + 1);
      bump(null);
    });
    return () => {
      offObserve();
      offChange();
      r.release();
      setReplica(null);
    };
  }, [client, docName, View, epoch]);

  const view = useMemo(() => (replica ? new View(replica.doc) : null), [replica, View]);
  // Right after docName changed, the old replica is still in state for one render: show nothing rather than the old doc.
  if (!replica || !view || replica.name !== docName) return null;
  return { view, replica, version, synced: replica.synced, status: replica.status };
}
