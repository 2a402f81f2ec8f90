/**
 * The seizure: one interdiction of illegal goods at a date and a place. Field names follow the
 * columns of the public seizure data set (`seizures-public.csv`) in camelCase.
 */
import { z } from 'zod';
import { t } from '../messages/format';
import { CITES_APPENDICES, CONCEALMENT_METHODS, CRIME_SECTORS, DATE_PRECISIONS, DETECTION_METHODS, LOCATION_PRECISIONS, QUANTITY_UNITS, TRANSPORT_MODES } from './codes';
import {
  countryCodeSchema,
  countryListSchema,
  currencyCodeSchema,
  idSchema,
  pastDateSchema,
  latitudeSchema,
  lineSchema,
  longitudeSchema,
  urlOrEmptySchema,
} from './fields';

/**
 * Per-field schemas of a seizure. Units: `quantity` in `unit`; `latitude`/`longitude` WGS84 decimal
 * degrees (null when the place is not known: the seizure is then listed as unmapped);
 * `reportedValue` in `reportedCurrency` (ISO 4217), as the authorities reported it, never converted.
 * `seizureDate` is YYYY-MM-DD; with `datePrecision` "month" or "year" only the leading part is meaningful.
 *
 * Nothing is required that the source may not report: `unit` is null when no quantity was reported
 * (a quantity needs its unit), `locationPrecision` null when nobody said what the place stands for.
 * The route roles follow the CITES trade data and ETIS: `originCountries` (where the goods come
 * from), `exportCountries` (where they were exported from, when not the origin),
 * `transitCountries` (in route order) with `missedTransitCountries` the transit countries where a
 * seizure opportunity was missed (each must also be a transit country), `destinationCountries`.
 * `commodity` is free text, checked against the curated list (commodities.ts) but never refused;
 * `taxon` likewise against the bundled species list (species.ts).
 */
/** Most characters a seizure's notes hold (an import's longer cell is refused with a fix). */
export const MAX_NOTES_CHARS = 10_000;

export const seizureFieldSchemas = {
  seizureDate: pastDateSchema,
  datePrecision: z.enum(DATE_PRECISIONS),
  country: countryCodeSchema,
  place: lineSchema(300),
  latitude: latitudeSchema.nullable(),
  longitude: longitudeSchema.nullable(),
  locationPrecision: z.enum(LOCATION_PRECISIONS).nullable(),
  sector: z.enum(CRIME_SECTORS),
  commodity: lineSchema(200).min(1, t('field.required')),
  taxon: lineSchema(300),
  citesAppendix: z.enum(CITES_APPENDICES).nullable(),
  quantity: z.number().finite().positive(t('field.positive')).nullable(),
  unit: z.enum(QUANTITY_UNITS).nullable(),
  originCountries: countryListSchema,
  exportCountries: countryListSchema,
  transitCountries: countryListSchema,
  missedTransitCountries: countryListSchema,
  destinationCountries: countryListSchema,
  concealmentMethod: z.enum(CONCEALMENT_METHODS).nullable(),
  transportMode: z.enum(TRANSPORT_MODES).nullable(),
  detectionMethod: z.enum(DETECTION_METHODS).nullable(),
  seizingAgencies: z.array(lineSchema(200).min(1)).max(20),
  reportedValue: z.number().finite().nonnegative(t('field.non-negative')).nullable(),
  reportedCurrency: currencyCodeSchema.nullable(),
  operation: lineSchema(200),
  sourceTitle: lineSchema(500),
  sourceUrl: urlOrEmptySchema,
  notes: z.string().max(MAX_NOTES_CHARS, t('field.max-characters', { max: MAX_NOTES_CHARS })),
} as const;

/**
 * Most live seizures one case may hold, counted over its case doc and its volume docs
 * (shared/docs/volume-doc.ts: the case doc keeps at most 1,000 inline, each volume at most 5,000,
 * so no single doc grows past one sync message). A million is 200 volumes, well under
 * `MAX_VOLUMES`; larger data sets belong in several cases (e.g. by year or route).
 */
export const MAX_SEIZURES_PER_CASE = 1_000_000;

/** Names of the editable seizure fields. */
export type SeizureField = keyof typeof seizureFieldSchemas;

/** The fields the cross-field rules read. */
interface CrossFields {
  latitude: number | null;
  longitude: number | null;
  reportedValue: number | null;
  reportedCurrency: string | null;
  quantity: number | null;
  unit: string | null;
  transitCountries: string[];
  missedTransitCountries: string[];
}

/**
 * Cross-field rules: coordinates come in pairs; a reported value needs its currency; a quantity
 * needs its unit; a missed seizure opportunity is marked on a transit country of the route.
 */
function checkSeizure(s: CrossFields, ctx: z.RefinementCtx): void {
  if (s.quantity !== null && s.unit === null) {
    ctx.addIssue({ code: 'custom', path: ['unit'], message: t('field.required-when-quantity-reported') });
  }
  const notTransit = s.missedTransitCountries.filter((c) => !s.transitCountries.includes(c));
  if (notTransit.length) {
    ctx.addIssue({ code: 'custom', path: ['missedTransitCountries'], message: t('field.missed-not-transit', { codes: notTransit.join(', ') }) });
  }
  if ((s.latitude === null) !== (s.longitude === null)) {
    ctx.addIssue({ code: 'custom', path: [s.latitude === null ? 'latitude' : 'longitude'], message: t('field.coordinates-paired') });
  }
  if (s.reportedValue !== null && s.reportedCurrency === null) {
    ctx.addIssue({ code: 'custom', path: ['reportedCurrency'], message: t('field.required-when-value-reported') });
  }
}

/** All editable seizure fields, with cross-field rules. */
export const seizureFieldsSchema = z.object(seizureFieldSchemas).superRefine(checkSeizure);
/** All editable seizure fields. */
export type SeizureFields = z.infer<typeof seizureFieldsSchema>;

/**
 * Review flags: doubts a seizure was stored with, shown wherever the seizure is (table, detail,
 * map, exports, case pack) until a member reviews them. Never a guess stored as a fact: the flag
 * says what was measured and who raised it, not what the right value is. One schema per `kind`
 * (a discriminated union), so further doubts fit (e.g. a value resolved by a user's choice).
 *
 * - `outside-country`: the point lay `km` (measured to the outline of the shipped country
 *   polygons, rounded to 0.1 km) outside `country`, the seizing country, which is more than the
 *   importer's tolerance (service/import/plan.ts NEAR_COUNTRY_KM).
 *
 * Every flag names the import batch that raised it (`batch`, shared/docs/case-import-batches.ts;
 * '' when raised outside an import) and when (`at`, ms since epoch). Flags are stored on the record
 * (`reviewFlags`, absent or [] when none) and cleared only by "Mark as reviewed"
 * (case-seizures.ts `markSeizureReviewed`), an attributed write whose audit entry keeps the flags it
 * cleared, so the field's history shows them, or by an edit of the location or seizing country that
 * re-runs the outside-country check (service/seizures/location-flags.ts: the same rule as the
 * importer; the edit's audit entry keeps the flags before and after). Such an edit also raises the
 * flag (batch '') when the point now lies outside its country.
 */
export const reviewFlagSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('outside-country'),
    country: countryCodeSchema,
    km: z.number().finite().positive(),
    batch: z.string().max(100),
    at: z.number().int().nonnegative(),
  }),
  // The commodity was read from a feature's label (a KML/GPX placemark's `name`, a GeoJSON `title`)
  // because the file had no commodity data: what the label names is not a stated commodity.
  z.object({
    kind: z.literal('commodity-from-label'),
    /** The file's property the commodity came from ("name"). */
    label: z.string().min(1).max(100),
    batch: z.string().max(100),
    at: z.number().int().nonnegative(),
  }),
  // The file gave no seizing country: `country` is the one the point lies in (offline lookup), a
  // guess about where the seizure was made, not what the file stated (tester finding).
  z.object({
    kind: z.literal('country-from-location'),
    country: countryCodeSchema,
    batch: z.string().max(100),
    at: z.number().int().nonnegative(),
  }),
  // A KML/GPX/GeoJSON feature whose geometry and whose latitude/longitude properties disagree: it
  // was placed at the geometry (`geometry`, "lat, lon"), the properties' values as written
  // (`stated`) were kept in the notes (tester finding F14).
  z.object({
    kind: z.literal('coordinates-disagree'),
    geometry: z.string().min(1).max(100),
    stated: z.string().min(1).max(200),
    batch: z.string().max(100),
    at: z.number().int().nonnegative(),
  }),
  // The declared CITES appendix contradicts the bundled species list for a taxon the list gives one
  // appendix by its own name (species.ts `appendixConflict`): kept as declared, flagged (tester s28 B6).
  z.object({
    kind: z.literal('appendix-differs'),
    /** The list's name of the taxon. */
    taxon: z.string().min(1).max(300),
    declared: z.enum(CITES_APPENDICES),
    listed: z.enum(CITES_APPENDICES),
    batch: z.string().max(100),
    at: z.number().int().nonnegative(),
  }),
]);
/** One review flag (see {@link reviewFlagSchema}). */
export type ReviewFlag = z.infer<typeof reviewFlagSchema>;
/** A seizure's open review flags. */
export const reviewFlagsSchema = z.array(reviewFlagSchema).max(20);

/** A review flag as a row builder raises it, before it is stamped with its batch and time; a flag carried in from an exported file keeps its own. */
export type RaisedReviewFlag = Unstamped<ReviewFlag>;
/** `F` with `batch` and `at` optional, per kind of a union. */
type Unstamped<F> = F extends { batch: string; at: number } ? Omit<F, 'batch' | 'at'> & Partial<Pick<F, 'batch' | 'at'>> : never;

/** `flags` completed with `batch` and `at` where they have none, validated. @throws ZodError for a malformed flag (a bug: the importer builds them). */
export function stampReviewFlags(flags: readonly RaisedReviewFlag[], batch: string, at: number): ReviewFlag[] {
  return reviewFlagsSchema.parse(flags.map((f) => ({ ...f, batch: f.batch ?? batch, at: f.at ?? at })));
}

/** The readable flags of a stored `reviewFlags` value (any shape: a newer peer's kinds are skipped, never guessed at). */
export function readReviewFlags(raw: unknown): ReviewFlag[] {
  if (!Array.isArray(raw)) return [];
  const out: ReviewFlag[] = [];
  for (const f of raw) {
    const r = reviewFlagSchema.safeParse(f);
    if (r.success) out.push(r.data);
  }
  return out;
}

/**
 * True when a seizure (or a map point) has an open review flag: the one rule of "flagged for
 * review" in code (table badge, map mark, map filter). The projection's SQL form of the same rule
 * is service/projections/seizure-page.ts `FLAGGED_SQL` (an empty `review_flags` cell means none).
 */
export function isFlaggedForReview(s: { readonly reviewFlags?: readonly ReviewFlag[] | undefined }): boolean {
  return (s.reviewFlags?.length ?? 0) > 0;
}

/** The `review_flags` cell of an export (CSV, GeoJSON, KML, the case pack's seizures): the flags as JSON, '' when none (never a default). */
export function reviewFlagsText(flags: readonly ReviewFlag[] | undefined): string {
  return flags?.length ? JSON.stringify(flags) : '';
}

/** The flags of a `review_flags` cell ({@link reviewFlagsText}); [] for an empty cell, null when it is not such a list. */
export function reviewFlagsFromText(text: string): ReviewFlag[] | null {
  if (text.trim() === '') return [];
  try {
    const r = reviewFlagsSchema.safeParse(JSON.parse(text));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

/** A seizure as stored: fields plus id and authorship stamps (ms since epoch). */
export const seizureSchema = z
  .object({
    ...seizureFieldSchemas,
    id: idSchema,
    createdBy: z.string(),
    createdAt: z.number().int(),
    updatedBy: z.string(),
    updatedAt: z.number().int(),
    /** The import batch the seizure came from (shared/docs/case-import-batches.ts); absent for seizures added by hand. */
    importBatch: z.string().optional(),
    /** Open review flags (see {@link reviewFlagSchema}); absent when none. */
    reviewFlags: reviewFlagsSchema.optional(),
  })
  .superRefine(checkSeizure);
/** A seizure as stored. */
export type Seizure = z.infer<typeof seizureSchema>;

/**
 * A blank seizure for the "add seizure" form, dated `today` (YYYY-MM-DD). The country is empty
 * (the form fills in the case's first jurisdiction, or the user chooses): no country is assumed.
 */
export function newSeizureFields(today: string): SeizureFields {
  return {
    seizureDate: today,
    datePrecision: 'day',
    country: '',
    place: '',
    latitude: null,
    longitude: null,
    locationPrecision: null,
    sector: 'wildlife',
    commodity: '',
    taxon: '',
    citesAppendix: null,
    quantity: null,
    unit: null,
    originCountries: [],
    exportCountries: [],
    transitCountries: [],
    missedTransitCountries: [],
    destinationCountries: [],
    concealmentMethod: null,
    transportMode: null,
    detectionMethod: null,
    seizingAgencies: [],
    reportedValue: null,
    reportedCurrency: null,
    operation: '',
    sourceTitle: '',
    sourceUrl: '',
    notes: '',
  };
}
