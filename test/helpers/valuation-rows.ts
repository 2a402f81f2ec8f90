/**
 * Every valuation row of a case read through `valuation.caseRows`, page after page (by date), with
 * each page's quote indices rewritten into one merged quote list: the shape `valuation.case` had
 * before its rows were paged (issue 11 item 4), for tests that check rows and their rates.
 */
import type { DataClient } from '../../renderer/src/data/client';
import type { RateQuoteDto, SeizureValuationRow } from '../../shared/rpc/valuation';

/** Every row of case `caseId` by date, and the quotes their conversions refer to. */
export async function valuationRows(c: DataClient, ref: { workspaceId: string; caseId: string }, limit = 500): Promise<{ seizures: SeizureValuationRow[]; quotes: RateQuoteDto[] }> {
  const seizures: SeizureValuationRow[] = [];
  const quotes: RateQuoteDto[] = [];
  const index = new Map<string, number>();
  for (let offset = 0; ; offset += limit) {
    const page = await c.call('valuation.caseRows', { ...ref, show: 'all', text: '', sortBy: 'date', sortDir: 'asc', offset, limit });
    const remap = page.quotes.map((q) => {
      const key = JSON.stringify(q);
      let i = index.get(key);
      if (i === undefined) {
        i = quotes.push(q) - 1;
        index.set(key, i);
      }
      return i;
    });
    const fix = <T extends { quotes: number[] } | null>(conv: T): T => (conv ? { ...conv, quotes: conv.quotes.map((i) => remap[i]!) } : conv);
    for (const r of page.rows) {
      seizures.push({
        ...r,
        reported: r.reported ? { ...r.reported, usd: fix(r.reported.usd) } : null,
        valuations: r.valuations.map((v) => ({ ...v, usd: fix(v.usd), reporting: fix(v.reporting) })),
      });
    }
    if (offset + limit >= page.total) return { seizures, quotes };
  }
}
