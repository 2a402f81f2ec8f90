/**
 * The per-seizure rows of a case estimate, a page at a time (`valuation.caseRows`) or one by id
 * (`valuation.caseRow`), issue 11 item 4: the Valuation tab of a 100,000-seizure case receives the
 * rows it shows, never all of them. Filtered, sorted and paged here over every live seizure of the
 * case (case doc and volumes, from the projection) of the cached estimate (valued-case.ts), so the
 * totals of `valuation.case` and the rows always describe the same seizures.
 */
import type { CaseRow, CaseRowsPage, CaseRowsQuery, SeizureValuationRow, ValuationRowShow, ValuationRowSort } from '../../shared/rpc/valuation';
import { filterWords } from '../../shared/domain/seizure-order';
import type { WorkspaceRuntime } from '../workspace/workspace-runtime';
import { reportedInUsd, type ValuedSeizure } from './compute';
import { QuoteTable, convertedDto, moneyDto, valuationDto } from './dto';
import { valuedCase, type ValuedCase } from './valued-case';

/** Whether a seizure counts in the estimate (shared/rpc/valuation.ts `SEIZURE_VALUATION_STATUSES`). */
export type ValuationStatus = SeizureValuationRow['status'];

/** True when a seizure of status `status` is among the rows `show` asks for. */
export function showsStatus(show: ValuationRowShow, status: ValuationStatus): boolean {
  return show === 'all' || (show === 'valued' ? status === 'valued' : status !== 'valued');
}

/** True when every word of `words` occurs in the seizure's commodity, species or place (lower case); no words: true. */
export function matchesValuationFilter(s: Pick<ValuedSeizure, 'commodity' | 'taxon' | 'place'>, words: readonly string[]): boolean {
  if (!words.length) return true;
  const hay = `${s.commodity} ${s.taxon} ${s.place}`.toLowerCase();
  return words.every((w) => hay.includes(w));
}

/** The row of seizure `s` of a valued case; its conversions' quotes go into `quotes`. */
export function seizureRow(v: ValuedCase, s: ValuedSeizure, quotes: QuoteTable): SeizureValuationRow {
  const { c } = v;
  const idx = v.recordsOf.get(s.id) ?? [];
  const e = v.estimateOf(s.id);
  const reported = reportedInUsd(s, v.ctx.rates);
  return {
    seizureId: s.id,
    date: s.seizureDate,
    datePrecision: s.datePrecision,
    sector: s.sector,
    commodity: s.commodity,
    taxon: s.taxon,
    quantity: s.quantity,
    unit: s.unit,
    place: s.place,
    country: s.country,
    status: v.status(s.id),
    estimate: e ? { usd: moneyDto(e.usd), reporting: moneyDto(e.reporting) } : null,
    reported: reported ? { amount: reported.amount, currency: reported.currency, usd: reported.converted ? convertedDto(reported.converted, quotes) : null } : null,
    valuations: idx.map((i) => valuationDto(c.results[i]!, c.inputs.records[i]!, quotes)),
  };
}

/** Orders seizures by `sortBy`/`sortDir`; seizures without an estimate or reported value last either way; ties by date then id. */
function sortRows(v: ValuedCase, list: ValuedSeizure[], sortBy: ValuationRowSort, dir: 'asc' | 'desc'): ValuedSeizure[] {
  const sign = dir === 'asc' ? 1 : -1;
  const tie = (a: ValuedSeizure, b: ValuedSeizure): number => (a.seizureDate < b.seizureDate ? -1 : a.seizureDate > b.seizureDate ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const cmp = (x: number, y: number): number => (x < y ? -1 : x > y ? 1 : 0);
  if (sortBy === 'date') return list.sort((a, b) => sign * tie(a, b));
  // estimate / reported: a number or none (last in either direction).
  const num = (s: ValuedSeizure): [number, number] | null => {
    if (sortBy === 'reported') {
      const r = v.reportedUsd(s);
      return r === null ? null : [r, r];
    }
    const e = v.estimateOf(s.id);
    return e ? [e.usd.low, e.usd.high] : null;
  };
  const keys = new Map(list.map((s) => [s.id, num(s)]));
  return list.sort((a, b) => {
    const ka = keys.get(a.id)!;
    const kb = keys.get(b.id)!;
    if (!ka || !kb) return (ka ? 0 : 1) - (kb ? 0 : 1) || tie(a, b);
    return sign * (cmp(ka[0], kb[0]) || cmp(ka[1], kb[1])) || tie(a, b);
  });
}

/**
 * A page of case `q.caseId`'s valuation rows.
 * @throws NestError('not-found') when the case does not exist in this workspace.
 */
export function caseRows(ws: WorkspaceRuntime, q: Omit<CaseRowsQuery, 'workspaceId'>): CaseRowsPage {
  const v = valuedCase(ws, q.caseId);
  const words = filterWords(q.text);
  const matching = v.c.inputs.seizures.filter((s) => showsStatus(q.show, v.status(s.id)) && matchesValuationFilter(s, words));
  const sorted = sortRows(v, matching, q.sortBy, q.sortDir);
  const quotes = new QuoteTable();
  const rows = sorted.slice(q.offset, q.offset + q.limit).map((s) => seizureRow(v, s, quotes));
  return { total: matching.length, offset: q.offset, rows, quotes: quotes.list };
}

/**
 * The valuation row of seizure `seizureId` of case `caseId` (null when it is not a live seizure of the case).
 * @throws NestError('not-found') when the case does not exist in this workspace.
 */
export function caseRow(ws: WorkspaceRuntime, caseId: string, seizureId: string): CaseRow {
  const v = valuedCase(ws, caseId);
  const s = v.seizureById.get(seizureId);
  const quotes = new QuoteTable();
  return { row: s ? seizureRow(v, s, quotes) : null, quotes: quotes.list };
}
