/**
 * The Valuation tab's table rows, a page at a time from the data service (`valuation.caseRows`,
 * issue 11 item 4) as the table scrolls, filtered and sorted there over every live seizure of the
 * case (volumes included): a 100,000-seizure case never sends its rows whole. Each row carries the
 * rate quotes of its page (conversions refer to them by index). The rows are fetched again, those
 * in view first, whenever the estimate they belong to was (`refresh`: a valuation, price, rate or
 * seizure changed), so the table and the totals above it describe the same inputs.
 */
import { useCallback } from 'react';
import type { RateQuoteDto, SeizureValuationRow, ValuationRowShow, ValuationRowSort } from '../../../shared/rpc/valuation';
import { useClient } from '../app/services';
import { usePagedWindow, type PagedWindow } from '../data/use-paged-window';
import { useAfterChange } from '../hooks/use-after-change';

/** Rows per `valuation.caseRows` call. */
export const VALUATION_PAGE_SIZE = 100;

/** A row of the table with the quotes its conversions refer to. */
export interface ValuationRowItem {
  row: SeizureValuationRow;
  quotes: readonly RateQuoteDto[];
}

/** The table's filter and order. */
export interface ValuationRowQuery {
  show: ValuationRowShow;
  text: string;
  sortBy: ValuationRowSort;
  sortDir: 'asc' | 'desc';
}

/** The paged valuation rows of case `caseId` for `q`; `refresh` changes whenever the estimate was fetched again. */
export function useValuationWindow(workspaceId: string, caseId: string, q: ValuationRowQuery, refresh: unknown): PagedWindow<ValuationRowItem> {
  const client = useClient();
  const fetchPage = useCallback(
    async (query: ValuationRowQuery & { workspaceId: string; caseId: string }, offset: number, limit: number) => {
      const page = await client.call('valuation.caseRows', { ...query, offset, limit });
      return { total: page.total, rows: page.rows.map((row) => ({ row, quotes: page.quotes })) };
    },
    [client],
  );
  const win = usePagedWindow({ workspaceId, caseId, ...q }, fetchPage, VALUATION_PAGE_SIZE);
  useAfterChange(refresh, win.refetch);
  return win;
}
