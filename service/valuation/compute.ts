/**
 * Reads a case's valuation inputs from the docs the data service holds and runs the valuation
 * arithmetic of `shared/valuation/` over them: every stored valuation valued at the seizure date,
 * the case estimate (interval sums), and the undetected-flow estimate when the case has an
 * interdiction-rate assumption. Used by the case estimate, its statement and the network estimate.
 *
 * Inputs: valuations, the assumption and the case meta from the case doc (`CaseValuations`,
 * `CaseDoc`), loaded through the workspace's DocHost (`ws.host.with`, so a doc nobody shows is
 * unloaded again after the usual delay); the seizures from the `seizures` projection derived from
 * that doc (see {@link ValuedSeizure}); price references, user rates and the reporting currency
 * from the workspace doc (`ReferenceLists`, `WorkspaceDoc`); ECB rates from ecb-files.ts.
 */
import { CaseDoc } from '../../shared/docs/case-doc';
import { CaseValuations, type StoredInterdictionAssumption } from '../../shared/docs/case-valuations';
import { ReferenceLists } from '../../shared/docs/reference-lists';
import type { CaseMeta } from '../../shared/domain/case';
import { CRIME_SECTORS, type CrimeSector } from '../../shared/domain/codes';
import type { PriceReference } from '../../shared/domain/price-reference';
import type { ValuationRecord } from '../../shared/domain/seizure-valuation';
import { NestError } from '../../shared/errors';
import { countryName } from '../../shared/domain/iso';
import { CONTEXT_FIGURES, contextForSector, type ContextFigure } from '../../shared/valuation/context';
import { formatDateLong } from '../../shared/valuation/dates';
import { caseEstimate, undetectedFlow, type CaseEstimate, type FlowEstimate } from '../../shared/valuation/estimates';
import { exactSum } from '../../shared/valuation/interval';
import { formatSignificant, moneyRange } from '../../shared/valuation/money';
import type { RecordNames } from '../../shared/valuation/methodology';
import { ECB_CITATION, type Converted, type EcbRates, type RateTable } from '../../shared/valuation/rates';
import { valuateRecords, type PriceInput, type SeizureInput, type ValuationResult } from '../../shared/valuation/valuate';
import type { WorkspaceRuntime } from '../workspace/workspace-runtime';
import { workspaceRateTable } from './workspace-rates';
import { t } from '../../shared/messages';

/** What every valuation in a workspace shares: rates, reporting currency and price list. */
export interface WorkspaceValuationContext {
  readonly rates: RateTable;
  readonly ecb: EcbRates;
  readonly importedFiles: number;
  readonly reportingCurrency: string;
  readonly prices: readonly PriceReference[];
  readonly priceById: ReadonlyMap<string, PriceReference>;
  /** Price references failing validation (left out). */
  readonly invalidPrices: number;
}

/** The valuation context of a workspace, read now. */
export function workspaceValuationContext(ws: WorkspaceRuntime): WorkspaceValuationContext {
  const wsDoc = ws.workspaceDoc();
  const lists = new ReferenceLists(wsDoc.doc);
  const prices = lists.listPriceReferences();
  return {
    rates: workspaceRateTable(ws),
    ecb: ws.store.ecbFiles.rates(),
    importedFiles: ws.store.ecbFiles.list().length,
    reportingCurrency: wsDoc.readSettings().reportingCurrency,
    prices,
    priceById: new Map(prices.map((p) => [p.id, p])),
    invalidPrices: lists.invalidPriceReferences().length,
  };
}

/**
 * A seizure as valuations read it: the fields of `SeizureInput` plus what the tables show. Read from
 * the `seizures` projection (migrations/003_projections.sql), which the service updates in the same
 * turn as every case-doc transaction: 10,000 seizures read there in ~15 ms, against ~450 ms for
 * the doc's lenient per-field read (`CaseDoc.listSeizures`).
 */
export interface ValuedSeizure extends SeizureInput {
  readonly taxon: string;
  readonly place: string;
  readonly country: string;
}

/** A case's valuation inputs. */
export interface CaseInputs {
  readonly caseId: string;
  readonly meta: CaseMeta;
  /** Live seizures, by date then id. */
  readonly seizures: readonly ValuedSeizure[];
  readonly records: readonly ValuationRecord[];
  readonly assumption: StoredInterdictionAssumption | null;
}

/**
 * Reads a case's seizures (projection), and its meta, valuations and interdiction assumption
 * (case doc, loaded through the DocHost).
 * @throws NestError('not-found') when the case doc does not exist in this workspace.
 */
export function readCaseInputs(ws: WorkspaceRuntime, caseId: string): CaseInputs {
  const fromDoc = readCaseDocInputs(ws, caseId);
  const seizures: ValuedSeizure[] = ws.store.projections.caseSeizures(caseId);
  return { caseId, ...fromDoc, seizures };
}

/**
 * The case doc's part of a case's valuation inputs: meta, valuations, interdiction assumption.
 * @throws NestError('not-found') when the case doc does not exist in this workspace.
 */
export function readCaseDocInputs(ws: WorkspaceRuntime, caseId: string): Pick<CaseInputs, 'meta' | 'records' | 'assumption'> {
  const name = ws.caseDocName(caseId);
  if (!ws.host.exists(name)) throw new NestError('not-found', { id: 'valuation.case-not-found', values: { caseId } });
  return ws.host.with(name, (doc) => {
    const cv = new CaseValuations(doc);
    return { meta: new CaseDoc(doc).readMeta(), records: cv.listValuations(), assumption: cv.readInterdictionRate() };
  });
}

/** A price reference as the valuation arithmetic reads it. */
export function priceInput(p: PriceReference): PriceInput {
  return {
    id: p.id,
    commodity: p.commodity,
    taxon: p.taxon,
    low: p.low,
    high: p.high,
    currency: p.currency,
    unit: p.unit,
    marketLevel: p.marketLevel,
    place: p.place,
    country: p.country,
    date: p.date,
    citationTitle: p.citationTitle,
    citationUrl: p.citationUrl,
  };
}

/** A case valued: every valuation result (in record order), the estimate and the flow under the case's assumption. */
export interface ComputedCase {
  readonly inputs: CaseInputs;
  readonly results: readonly ValuationResult[];
  readonly estimate: CaseEstimate;
  /** Under the case's interdiction-rate assumption, in USD and in the reporting currency; null without one. */
  readonly flow: { readonly usd: FlowEstimate; readonly reporting: FlowEstimate } | null;
}

/** Values every stored valuation of a case and builds its estimate. */
export function computeCase(inputs: CaseInputs, ctx: WorkspaceValuationContext): ComputedCase {
  const seizures = inputs.seizures;
  const prices = [...new Set(inputs.records.map((r) => r.priceReferenceId))].flatMap((id) => {
    const p = ctx.priceById.get(id);
    return p ? [priceInput(p)] : [];
  });
  const results = valuateRecords(inputs.records, seizures, prices, { rates: ctx.rates, reportingCurrency: ctx.reportingCurrency });
  const estimate = caseEstimate(seizures, results, ctx.reportingCurrency);
  const a = inputs.assumption;
  const flow = a ? { usd: undetectedFlow(estimate.total.usd, a), reporting: undetectedFlow(estimate.total.reporting, a) } : null;
  return { inputs, results, estimate, flow };
}

/** A seizure's reported value converted to USD at its date, or null when it has none; `converted` null when no rate exists. */
export function reportedInUsd(s: Pick<ValuedSeizure, 'reportedValue' | 'reportedCurrency' | 'seizureDate'>, rates: RateTable): { amount: number; currency: string; converted: Converted | null } | null {
  if (s.reportedValue === null || !s.reportedCurrency) return null;
  try {
    const c = rates.convert(moneyRange(s.reportedValue, s.reportedValue, s.reportedCurrency), 'USD', s.seizureDate);
    return { amount: s.reportedValue, currency: s.reportedCurrency, converted: c.ok ? { range: c.range, rate: c.rate } : null };
  } catch (err) {
    if (err instanceof NestError) return { amount: s.reportedValue, currency: s.reportedCurrency, converted: null };
    throw err;
  }
}

/**
 * The reported values of the valued seizures converted to USD (exactly rounded sum), for comparison
 * only; and apart, `notValued`, the reported values of the seizures not valued (no price yet), so a
 * case whose reported seizures are all unpriced does not read as "no value reported".
 */
export function reportedUsdOfValued(
  seizures: readonly ValuedSeizure[],
  valued: ReadonlySet<string>,
  rates: RateTable,
): { amount: number; count: number; unconverted: number; notValued: { amount: number; count: number; unconverted: number } } {
  const sums = { valued: { amounts: [] as number[], unconverted: 0 }, other: { amounts: [] as number[], unconverted: 0 } };
  for (const s of seizures) {
    const r = reportedInUsd(s, rates);
    if (!r) continue;
    const into = valued.has(s.id) ? sums.valued : sums.other;
    if (r.converted) into.amounts.push(r.converted.range.low);
    else into.unconverted++;
  }
  return {
    amount: exactSum(sums.valued.amounts),
    count: sums.valued.amounts.length,
    unconverted: sums.valued.unconverted,
    notValued: { amount: exactSum(sums.other.amounts), count: sums.other.amounts.length, unconverted: sums.other.unconverted },
  };
}

/** Context figures for `sectors` (in CRIME_SECTORS order), then the global totals. */
export function contextFor(sectors: Iterable<CrimeSector>): ContextFigure[] {
  const wanted = new Set(sectors);
  return [...CRIME_SECTORS.filter((s) => wanted.has(s)).flatMap((s) => contextForSector(s)), ...CONTEXT_FIGURES.filter((f) => f.sector === null)];
}

/**
 * "the seizure of 3 January 2013 (elephant ivory, Hong Kong)": how statements name a seizure.
 * `form`: `sentence` starts a sentence ("The seizure …"), `heading` starts a heading ("Seizure …").
 */
export function seizureName(s: ValuedSeizure, form: 'inline' | 'sentence' | 'heading' = 'inline'): string {
  const long = formatDateLong(s.seizureDate);
  const when = s.datePrecision === 'day' ? long : s.datePrecision === 'month' ? long.replace(/^\d+ /, '') : s.seizureDate.slice(0, 4);
  const where = s.place || countryName(s.country);
  return where ? t('valuation.seizure-name-at', { form, when, commodity: s.commodity, where }) : t('valuation.seizure-name', { form, when, commodity: s.commodity });
}

/** Names for failure sentences: seizures by date and commodity, prices by commodity, amount and source. */
export function recordNames(seizures: readonly ValuedSeizure[], ctx: WorkspaceValuationContext): RecordNames {
  const byId = new Map(seizures.map((s) => [s.id, s]));
  return {
    seizure: (id) => {
      const s = byId.get(id);
      return s ? seizureName(s, 'sentence') : t('valuation.seizure-gone');
    },
    price: (id) => {
      const p = ctx.priceById.get(id);
      if (!p) return t('valuation.price-gone');
      const amount = p.low === p.high ? formatSignificant(p.low, 15) : `${formatSignificant(p.low, 15)}–${formatSignificant(p.high, 15)}`;
      return t('valuation.price-name', { commodity: p.commodity, currency: p.currency, amount, unit: p.unit, source: p.citationTitle });
    },
  };
}

/** One sentence on the exchange rates used: the ECB data (with imported files) and the user rates with their sources. */
export function describeRatesUsed(ctx: WorkspaceValuationContext, results: readonly ValuationResult[]): string {
  const user = new Map<string, string>();
  for (const r of results) {
    if (!r.ok) continue;
    for (const c of [r.usd, r.reporting]) {
      for (const q of c.rate.legs ? [c.rate.legs.from, c.rate.legs.to] : []) {
        if (q.origin.kind !== 'user') continue;
        const rate = q.origin.perUsd
          ? t('valuation.rate-per-usd', { currency: q.currency, rate: formatSignificant(q.origin.perUsd, 15) })
          : t('valuation.rate-per-eur', { currency: q.currency, rate: formatSignificant(q.perEur, 15) });
        user.set(`${q.currency}|${q.date}|${rate}`, t('valuation.user-rate', { rate, date: formatDateLong(q.date), source: q.origin.label }));
      }
    }
  }
  const imported = ctx.importedFiles ? t('valuation.imported-ecb-files', { count: ctx.importedFiles }) : '';
  const ecb = t('valuation.rates-ecb', {
    title: ECB_CITATION.title,
    url: ECB_CITATION.url,
    first: formatDateLong(ctx.ecb.firstDate),
    last: formatDateLong(ctx.ecb.lastDate),
    imported,
  });
  return user.size ? t('valuation.rates-user', { ecb, rates: [...user.values()].join('; ') }) : ecb;
}
