/**
 * The workspace's valuation reference lists (price references and user exchange rates) from the
 * workspace doc replica, re-read whenever they change here or arrive from another member. Edits go
 * through the returned {@link ReferenceLists}; only workspace admins may write the workspace doc
 * (`readOnly` is true for everyone else: the data service refuses their writes).
 */
import { useEffect, useMemo, useState } from 'react';
import { ReferenceLists, type InvalidRecord } from '../../../shared/docs/reference-lists';
import { workspaceDocName } from '../../../shared/docs/names';
import type { ExchangeRate } from '../../../shared/domain/exchange-rate';
import type { PriceReference } from '../../../shared/domain/price-reference';
import type { DocReplica } from '../data/client';
import { useClient } from '../app/services';

/** What a screen gets from {@link useReferenceLists}. */
export interface ReferenceListsState {
  lists: ReferenceLists;
  /** Live, valid price references, by commodity then date. */
  prices: PriceReference[];
  /** Live, valid user exchange rates, by currency then date. */
  rates: ExchangeRate[];
  invalidPrices: InvalidRecord[];
  invalidRates: InvalidRecord[];
  /** True once the replica has synced with the data service. */
  synced: boolean;
  /** True when this member may not write the workspace doc. */
  readOnly: boolean;
  /** Changes whenever a list changes (for refreshing computed estimates). */
  version: number;
}

/** Opens the workspace doc replica of `workspaceId` and reads its reference lists. */
export function useReferenceLists(workspaceId: string): ReferenceListsState | null {
  const client = useClient();
  const [replica, setReplica] = useState<DocReplica | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const r = client.openDoc(workspaceDocName(workspaceId));
    setReplica(r);
    const lists = new ReferenceLists(r.doc);
    const bump = (): void => setVersion((v) => v + 1);
    const offObserve = lists.observe(bump);
    const offChange = r.onChange(bump);
    return () => {
      offObserve();
      offChange();
      r.release();
      setReplica(null);
    };
  }, [client, workspaceId]);
  const lists = useMemo(() => (replica ? new ReferenceLists(replica.doc) : null), [replica]);
  const read = useMemo(
    () =>
      lists
        ? {
            prices: lists.listPriceReferences(),
            rates: lists.listExchangeRates(),
            invalidPrices: lists.invalidPriceReferences(),
            invalidRates: lists.invalidExchangeRates(),
          }
        : null,
    [lists, version],
  );
  if (!replica || !lists || !read) return null;
  return { lists, ...read, synced: replica.synced, readOnly: replica.status?.state === 'read-only', version };
}
