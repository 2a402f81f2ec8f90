/**
 * RPC methods of the valuation domain (issue 4, illicit-profit estimates): exchange-rate coverage
 * and imports of newer ECB files, the estimate of one case (totals, breakdowns, the undetected-flow
 * assumption, context figures, methodology) and its per-seizure rows a page at a time (valuations
 * with their rates and dates; issue 11 item 4: a case of 100,000 seizures never ships them all),
 * its full methodology statement, and the network estimate across a workspace's cases.
 *
 * The arithmetic is `shared/valuation/`; the data service runs it over the docs it holds, because
 * only the service has the ECB rates (a 1.8 MB file plus imported ones, kept out of Yjs). The inputs
 * (price references, user rates, valuations, the interdiction assumption) are edited on the
 * renderer's doc replicas through `shared/docs/reference-lists.ts` and `shared/docs/case-valuations.ts`.
 *
 * Units: every money figure is a {@link MoneyRangeDto} in major units of its ISO 4217 currency;
 * quantities carry their unit; rates are units of a currency per 1 EUR; dates are YYYY-MM-DD.
 */
import { z } from 'zod';
import { CRIME_SECTORS, DATE_PRECISIONS, QUANTITY_UNITS } from '../domain/codes';
import { factorSchema, interdictionAssumptionSchema } from '../domain/seizure-valuation';
import { method } from './define';

const workspaceId = z.string().uuid();
const caseRef = z.object({ workspaceId, caseId: z.string().uuid() });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');
const currency = z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code');

/** A money range [low, high] in `currency` (major units, 0 ≤ low ≤ high). */
export const moneyRangeDtoSchema = z.object({ low: z.number(), high: z.number(), currency: z.string() });
/** A money range. */
export type MoneyRangeDto = z.infer<typeof moneyRangeDtoSchema>;

/** The USD leg used to express a user rate entered per USD in EUR. */
const usdLegSchema = z.object({ perEur: z.number(), date: z.string(), stale: z.boolean() });

/**
 * One exchange-rate quote used in a conversion: `perEur` units of `currency` per 1 EUR, published on
 * `date` (on or before the date converted, `ageDays` earlier). `kind`: the ECB file, a user rate
 * (with its stated `source`), or EUR itself. A user rate entered per USD keeps `perUsd` and the USD
 * quote that expressed it per EUR.
 */
export const rateQuoteDtoSchema = z.object({
  currency: z.string(),
  perEur: z.number(),
  date: z.string(),
  ageDays: z.number().int(),
  stale: z.boolean(),
  kind: z.enum(['ecb', 'user', 'definition']),
  source: z.string(),
  perUsd: z.number().nullable(),
  usdLeg: usdLegSchema.nullable(),
});
/** One exchange-rate quote. */
export type RateQuoteDto = z.infer<typeof rateQuoteDtoSchema>;

/**
 * A converted range: `range` in `to`, from an amount in `from`, at the rates for `date`
 * (the seizure date). `rate` is units of `to` per 1 `from` (1 when no conversion was needed);
 * `quotes` are the two rates used (from, to; empty when from = to), as indices into the `quotes`
 * list of the response that carries the conversion: a case of 10,000 seizures repeats the same
 * quotes many times, so each is sent once.
 */
export const conversionDtoSchema = z.object({
  from: z.string(),
  to: z.string(),
  date: z.string(),
  rate: z.number(),
  range: moneyRangeDtoSchema,
  quotes: z.array(z.number().int()),
  stale: z.boolean(),
});
/** A converted range with its rates. */
export type ConversionDto = z.infer<typeof conversionDtoSchema>;

/** A problem (why a valuation failed) or a warning (what a reader must know), with its stable code. */
export const valuationIssueSchema = z.object({ code: z.string(), message: z.string() });

/** One stored valuation of a seizure, computed: its inputs, its figures or why it failed. */
export const valuationDtoSchema = z.object({
  valuationId: z.string(),
  priceReferenceId: z.string(),
  factor: factorSchema.nullable(),
  notes: z.string(),
  ok: z.boolean(),
  problems: z.array(valuationIssueSchema),
  warnings: z.array(valuationIssueSchema),
  /** The seized quantity in the price's unit. */
  quantityInPriceUnit: z.object({ value: z.number(), unit: z.enum(QUANTITY_UNITS) }).nullable(),
  /** The unit price (price currency per one price unit). */
  unitPrice: moneyRangeDtoSchema.nullable(),
  /** quantity × unit price × factor, in the price's currency. */
  inPriceCurrency: moneyRangeDtoSchema.nullable(),
  usd: conversionDtoSchema.nullable(),
  reporting: conversionDtoSchema.nullable(),
});
/** One computed valuation. */
export type ValuationDto = z.infer<typeof valuationDtoSchema>;

/** Whether a seizure counts in the estimate: valued, all its valuations failed, or no valuation at all. */
export const SEIZURE_VALUATION_STATUSES = ['valued', 'failed', 'not-valued'] as const;

/** One seizure of a case with its valuations, its range (the envelope of its successful valuations) and the reported value beside it. */
export const seizureValuationRowSchema = z.object({
  seizureId: z.string(),
  date: z.string(),
  datePrecision: z.enum(DATE_PRECISIONS),
  sector: z.enum(CRIME_SECTORS),
  commodity: z.string(),
  taxon: z.string(),
  quantity: z.number().nullable(),
  /** Null when no quantity was reported. */
  unit: z.enum(QUANTITY_UNITS).nullable(),
  place: z.string(),
  country: z.string(),
  status: z.enum(SEIZURE_VALUATION_STATUSES),
  /** The seizure's estimated range (null unless valued). */
  estimate: z.object({ usd: moneyRangeDtoSchema, reporting: moneyRangeDtoSchema }).nullable(),
  /** The value the authorities reported, as reported, with its USD equivalent at the seizure date: never part of the estimate. */
  reported: z.object({ amount: z.number(), currency: z.string(), usd: conversionDtoSchema.nullable() }).nullable(),
  valuations: z.array(valuationDtoSchema),
});
/** One seizure row of a case estimate. */
export type SeizureValuationRow = z.infer<typeof seizureValuationRowSchema>;

/** One bar of a breakdown (a sector or a year), in USD and in the reporting currency; `count` seizures. */
export const rangeGroupDtoSchema = z.object({
  key: z.string(),
  label: z.string(),
  count: z.number().int(),
  usd: moneyRangeDtoSchema,
  reporting: moneyRangeDtoSchema,
});
/** One bar of a breakdown. */
export type RangeGroupDto = z.infer<typeof rangeGroupDtoSchema>;

/** The three figures of an undetected-flow estimate in one currency. */
const flowFiguresSchema = z.object({ seized: moneyRangeDtoSchema, totalFlow: moneyRangeDtoSchema, undetected: moneyRangeDtoSchema });

/** The undetected-flow estimate: always an assumption, with its label ("Assumption: seizures are 10–30 % of the flow (basis: …)"). */
export const flowDtoSchema = z.object({
  isAssumption: z.literal(true),
  label: z.string(),
  low: z.number(),
  high: z.number(),
  basis: z.string(),
  usd: flowFiguresSchema,
  reporting: flowFiguresSchema,
});
/** The undetected-flow estimate. */
export type FlowDto = z.infer<typeof flowDtoSchema>;

/** A published context figure (UNEP-INTERPOL), never a NEST Desk figure. `perYear` in whole USD. */
export const contextFigureDtoSchema = z.object({
  id: z.string(),
  label: z.string(),
  sector: z.enum(CRIME_SECTORS).nullable(),
  display: z.string(),
  perYear: moneyRangeDtoSchema,
  citation: z.string(),
  url: z.string(),
  verification: z.object({ status: z.enum(['verified', 'to-verify']), note: z.string() }),
});
/** A published context figure. */
export type ContextFigureDto = z.infer<typeof contextFigureDtoSchema>;

/** Counts of an estimate: live seizures, valued, without valuation, with only failed valuations. */
const countsSchema = z.object({ seizures: z.number().int(), valued: z.number().int(), notValued: z.number().int(), failed: z.number().int() });

/**
 * The reported values of the valued seizures converted to USD at their seizure dates, for comparison
 * only (never added to the estimate): `amount` over `count` seizures; `unconverted` had no rate.
 * `notValued`: the same for the seizures that report a value but are not valued (no price yet).
 */
const reportedUsdSchema = z.object({
  amount: z.number(),
  count: z.number().int(),
  unconverted: z.number().int(),
  notValued: z.object({ amount: z.number(), count: z.number().int(), unconverted: z.number().int() }),
});

/** The ECB data a computation used. */
const ratesUsedSchema = z.object({ ecbFirstDate: z.string(), ecbLastDate: z.string(), importedFiles: z.number().int() });

/** The estimate of one case. */
export const caseValuationSchema = z.object({
  caseId: z.string(),
  caseNumber: z.string(),
  caseTitle: z.string(),
  caseSector: z.enum(CRIME_SECTORS),
  reportingCurrency: z.string(),
  /** Sum of the valued seizures' ranges (every live seizure of the case, volumes included; the rows come a page at a time from `valuation.caseRows`). */
  total: z.object({ usd: moneyRangeDtoSchema, reporting: moneyRangeDtoSchema }),
  counts: countsSchema,
  staleRates: z.boolean(),
  /** Reported values of the valued seizures, summed per currency (never converted or added to the estimate). */
  reported: z.array(moneyRangeDtoSchema),
  reportedUsd: reportedUsdSchema,
  bySector: z.array(rangeGroupDtoSchema),
  byYear: z.array(rangeGroupDtoSchema),
  /** The case's interdiction-rate assumption, or null. */
  assumption: interdictionAssumptionSchema.nullable(),
  flow: flowDtoSchema.nullable(),
  /** Context figures for the sectors of the case and its valued seizures, then the global totals. */
  context: z.array(contextFigureDtoSchema),
  contextDisclaimer: z.string(),
  /** Case-level methodology sentences (totals, what is not counted, the assumption, the rates' source). */
  methodology: z.array(z.string()),
  rates: ratesUsedSchema,
  /** Price references of the workspace that fail validation (left out of valuations). */
  invalidPriceReferences: z.number().int(),
});
/** The estimate of one case. */
export type CaseValuation = z.infer<typeof caseValuationSchema>;

/**
 * Which rows of the Valuation tab's table: every seizure, the valued ones, or the open ones (no
 * valuation, or only valuations that failed).
 */
export const VALUATION_ROW_SHOWS = ['all', 'valued', 'open'] as const;
/** Which rows of the Valuation tab's table. */
export type ValuationRowShow = (typeof VALUATION_ROW_SHOWS)[number];

/**
 * Orders of the Valuation tab's table: seizure date; the estimate (USD low, then high; seizures
 * without one last in either direction); the reported value in USD at the seizure date (none or
 * not convertible last, as the seizure table's value sort). Other ties by date then id, ascending.
 */
export const VALUATION_ROW_SORTS = ['date', 'estimate', 'reported'] as const;
/** An order of the Valuation tab's table. */
export type ValuationRowSort = (typeof VALUATION_ROW_SORTS)[number];

/** Most rows one `valuation.caseRows` call returns. */
export const VALUATION_ROWS_MAX = 500;

/**
 * A page of a case's valuation rows: `show` and `text` (every word, lower case, in the seizure's
 * commodity, species or place) filter, `sortBy`/`sortDir` order, rows `offset` … `offset + limit - 1`.
 */
export const caseRowsQuerySchema = caseRef.extend({
  show: z.enum(VALUATION_ROW_SHOWS),
  text: z.string().max(500),
  sortBy: z.enum(VALUATION_ROW_SORTS),
  sortDir: z.enum(['asc', 'desc']),
  offset: z.number().int().min(0),
  limit: z.number().int().min(1).max(VALUATION_ROWS_MAX),
});
/** A page query of a case's valuation rows. */
export type CaseRowsQuery = z.infer<typeof caseRowsQuerySchema>;

/** A page of valuation rows: `total` rows match (all pages), `rows` start at `offset`; `quotes` are what their conversions refer to by index. */
export const caseRowsPageSchema = z.object({
  total: z.number().int(),
  offset: z.number().int(),
  rows: z.array(seizureValuationRowSchema),
  quotes: z.array(rateQuoteDtoSchema),
});
/** A page of valuation rows. */
export type CaseRowsPage = z.infer<typeof caseRowsPageSchema>;

/** One seizure's valuation row (null when it is not a live seizure of the case) and the quotes its conversions refer to. */
export const caseRowSchema = z.object({ row: seizureValuationRowSchema.nullable(), quotes: z.array(rateQuoteDtoSchema) });
/** One seizure's valuation row. */
export type CaseRow = z.infer<typeof caseRowSchema>;

const statementPartSchema = z.object({ heading: z.string(), paragraphs: z.array(z.string()) });

/**
 * A methodology statement: sections of plain sentences (a section may hold one subsection per
 * seizure), and the same as one text for the case pack.
 */
export const statementSchema = z.object({
  title: z.string(),
  sections: z.array(statementPartSchema.extend({ subsections: z.array(statementPartSchema) })),
  text: z.string(),
});
/** A methodology statement. */
export type Statement = z.infer<typeof statementSchema>;

/** One case's line in the network estimate. */
export const caseEstimateRowSchema = z.object({
  caseId: z.string(),
  number: z.string(),
  title: z.string(),
  sector: z.enum(CRIME_SECTORS),
  counts: countsSchema,
  total: z.object({ usd: moneyRangeDtoSchema, reporting: moneyRangeDtoSchema }).nullable(),
  flow: flowDtoSchema.nullable(),
});
/** One case's line in the network estimate. */
export type CaseEstimateRow = z.infer<typeof caseEstimateRowSchema>;

/** The network estimate: every case of the workspace taken together, each seizure counted once. */
export const workspaceValuationSchema = z.object({
  reportingCurrency: z.string(),
  total: z.object({ usd: moneyRangeDtoSchema, reporting: moneyRangeDtoSchema }),
  counts: countsSchema,
  staleRates: z.boolean(),
  reported: z.array(moneyRangeDtoSchema),
  reportedUsd: reportedUsdSchema,
  bySector: z.array(rangeGroupDtoSchema),
  byYear: z.array(rangeGroupDtoSchema),
  cases: z.array(caseEstimateRowSchema),
  context: z.array(contextFigureDtoSchema),
  contextDisclaimer: z.string(),
  methodology: z.array(z.string()),
  rates: ratesUsedSchema,
});
/** The network estimate. */
export type WorkspaceValuation = z.infer<typeof workspaceValuationSchema>;

/** An imported ECB file (stored in the workspace's local database; `importedAt` ms since epoch). */
export const ecbFileSchema = z.object({
  id: z.number().int(),
  fileName: z.string(),
  sha256: z.string(),
  firstDate: z.string(),
  lastDate: z.string(),
  rowCount: z.number().int(),
  currencies: z.array(z.string()),
  importedAt: z.number(),
  importedBy: z.string(),
});
/** An imported ECB file. */
export type EcbFile = z.infer<typeof ecbFileSchema>;

/** What exchange rates this workspace has: the shipped ECB file, imported newer ones, their union, and user-rate currencies. */
export const ratesInfoSchema = z.object({
  shipped: z.object({ fileName: z.string(), firstDate: z.string(), lastDate: z.string(), rowCount: z.number().int(), currencies: z.array(z.string()) }),
  imported: z.array(ecbFileSchema),
  effective: z.object({ firstDate: z.string(), lastDate: z.string(), rowCount: z.number().int(), currencies: z.array(z.string()) }),
  userRateCurrencies: z.array(z.string()),
  source: z.object({ title: z.string(), url: z.string() }),
  /** A quote older than this many days is flagged stale. */
  staleAfterDays: z.number().int(),
});
/** Exchange-rate coverage. */
export type RatesInfo = z.infer<typeof ratesInfoSchema>;

/** The outcome of importing an ECB file. */
export const ecbImportReportSchema = z.object({
  file: ecbFileSchema,
  /** True when the same file (same SHA-256) was imported before: nothing changed. */
  duplicate: z.boolean(),
  previousLastDate: z.string(),
  lastDate: z.string(),
  /** Business days the workspace did not have before. */
  newDates: z.number().int(),
  /** Rates (date × currency) the file gives differently from the data already held; the file's value is used from now on. */
  changedRates: z.number().int(),
});
/** The outcome of importing an ECB file. */
export type EcbImportReport = z.infer<typeof ecbImportReportSchema>;


export const valuationRpc = {
  'valuation.rates': method(z.object({ workspaceId }), ratesInfoSchema, 'Exchange-rate coverage: the shipped ECB file, imported newer files and user-rate currencies.', 'workspace.read'),
  'valuation.importEcb': method(
    z.object({ workspaceId, fileName: z.string().min(1).max(255), contentBase64: z.string().min(1).max(30_000_000) }),
    ecbImportReportSchema,
    'Imports a newer ECB eurofxref-hist.csv into this workspace’s local database; the whole file is refused when any line is bad.',
    'rates.import',
  ),
  'valuation.removeEcb': method(z.object({ workspaceId, id: z.number().int() }), z.object({}), 'Removes an imported ECB file (the shipped rates stay).', 'rates.remove'),
  'valuation.quote': method(
    z.object({ workspaceId, from: currency, to: currency, date: isoDate }),
    z.object({
      conversion: conversionDtoSchema.nullable(),
      quotes: z.array(rateQuoteDtoSchema),
      missing: z.array(z.object({ currency: z.string(), why: z.string() })),
    }),
    'The cross rate from one currency to another at a date (1 unit converted), with the quotes used, or the currencies without a rate and why (a clause, e.g. "the ECB stopped publishing RUB rates after 1 March 2022").',
    'workspace.read',
  ),
  'valuation.case': method(caseRef, caseValuationSchema, 'The estimate of one case over every live seizure: totals, counts, breakdowns, assumption, context, methodology (the per-seizure rows: valuation.caseRows).', 'case.read'),
  'valuation.caseRows': method(
    caseRowsQuerySchema,
    caseRowsPageSchema,
    'A page of a case estimate’s per-seizure rows (every live seizure, volumes included), filtered by status and words, sorted, with the total matching.',
    'case.read',
  ),
  'valuation.caseRow': method(
    caseRef.extend({ seizureId: z.string().min(1).max(100) }),
    caseRowSchema,
    'One seizure’s valuation row of a case estimate (the detail dialog), or null when it is not a live seizure of the case.',
    'case.read',
  ),
  'valuation.statement': method(caseRef, statementSchema, 'The full methodology statement of a case estimate, ready for the case pack.', 'case.read'),
  'valuation.workspace': method(z.object({ workspaceId }), workspaceValuationSchema, 'The network estimate across the workspace’s cases.', 'workspace.read'),
} as const;
