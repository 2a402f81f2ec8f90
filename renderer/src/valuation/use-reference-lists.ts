/**
 * The workspace's valuation reference lists (price references and user exchange rates) from a
 * view of the workspace doc ({@link useDocView}), re-read whenever they change here or arrive from another member. Edits go
 * through the returned {@link ReferenceLists}; only workspace admins may write the workspace doc
 * (`readOnly` is true for everyone else: the data service refuses their writes).
 */
import { useMemo } from 'react';
import { ReferenceLists, type InvalidRecord } from '../../../shared/docs/reference-lists';
import { workspaceDocName } from '../../../shared/docs/names';
import type { ExchangeRate } from '../../../shared/domain/exchange-rate';
import type { PriceReference } from '../../../shared/domain/price-reference';
import { useDocView } from '../data/use-doc-view';

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

/** Opens the workspace doc of `workspaceId` as a {@link ReferenceLists} view and reads its lists. */
export function useReferenceLists(workspaceId: string): ReferenceListsState | null {
  const dv = useDocView(workspaceDocName(workspaceId), ReferenceLists);
  const lists = dv?.view ?? null;
  const version = dv?.version ?? 0;
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
  if (!dv || !lists || !read) return null;
  return { lists, ...read, synced: dv.synced, readOnly: dv.status?.state === 'read-only', version };
}
