/**
 * What exchange rates a workspace has (`valuation.rates`) and single look-ups (`valuation.quote`):
 * the shipped ECB snapshot, the newer ECB files imported into the workspace, their union, and the
 * currencies of the user-entered rates.
 */
import type { ConversionDto, RateQuoteDto, RatesInfo } from '../../shared/rpc/valuation';
import { moneyRange } from '../../shared/valuation/money';
import { ECB_CITATION } from '../../shared/valuation/rates';
import type { WorkspaceRuntime } from '../workspace/workspace-runtime';
import { SHIPPED_ECB_FILE, shippedEcbRates } from './ecb-files';
import { QuoteTable, conversionDto } from './dto';
import { workspaceRateTable, workspaceUserRates } from './workspace-rates';

/** The exchange-rate coverage of a workspace. */
export function ratesInfo(ws: WorkspaceRuntime): RatesInfo {
  const shipped = shippedEcbRates();
  const effective = ws.store.ecbFiles.rates();
  const withRates = (r: typeof shipped): string[] => r.currencies.filter((c) => r.series.has(c));
  const table = workspaceRateTable(ws);
  return {
    shipped: { fileName: SHIPPED_ECB_FILE, firstDate: shipped.firstDate, lastDate: shipped.lastDate, rowCount: shipped.rowCount, currencies: withRates(shipped) },
    imported: ws.store.ecbFiles.list(),
    effective: { firstDate: effective.firstDate, lastDate: effective.lastDate, rowCount: effective.rowCount, currencies: withRates(effective) },
    userRateCurrencies: [...new Set(workspaceUserRates(ws).map((r) => r.currency))].sort(),
    source: { title: ECB_CITATION.title, url: ECB_CITATION.url },
    staleAfterDays: table.staleAfterDays,
  };
}

/**
 * 1 `from` in `to` at `date` with the quotes used, or the currencies that have no rate then, each
 * with why (a clause from `RateTable.whyNoRate`).
 * @throws NestError('validation') when `date` is not a real date.
 */
export function quote(
  ws: WorkspaceRuntime,
  from: string,
  to: string,
  date: string,
): { conversion: ConversionDto | null; quotes: RateQuoteDto[]; missing: { currency: string; why: string }[] } {
  const table = workspaceRateTable(ws);
  const r = table.convert(moneyRange(1, 1, from), to, date);
  if (!r.ok) return { conversion: null, quotes: [], missing: r.missing.map((currency) => ({ currency, why: table.whyNoRate(currency, date) })) };
  const quotes = new QuoteTable();
  return { conversion: conversionDto(r.rate, r.range, quotes), quotes: quotes.list, missing: [] };
}
