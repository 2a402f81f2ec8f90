/**
 * The columns of the public seizure data set (`seizures-public.csv`, described in its README):
 * the format NEST Desk exports and the one it imports without any guessing. The order here is
 * the column order of the file and of every CSV export.
 */
import type { SeizureField } from '../../shared/domain/seizure';

/**
 * Public column name → seizure field, in file order. The columns of the complete seizure model
 * (issue 11: export and missed-transit countries, transport, detection and concealment, and the
 * CITES appendix as 'I', 'II' or 'III') come last, so a file with only the older columns reads as before.
 */
export const PUBLIC_COLUMNS = [
  ['seizure_date', 'seizureDate'],
  ['date_precision', 'datePrecision'],
  ['country_iso2', 'country'],
  ['place', 'place'],
  ['latitude', 'latitude'],
  ['longitude', 'longitude'],
  ['location_precision', 'locationPrecision'],
  ['crime_sector', 'sector'],
  ['commodity', 'commodity'],
  ['taxon', 'taxon'],
  ['quantity', 'quantity'],
  ['unit', 'unit'],
  ['origin_iso2', 'originCountries'],
  ['transit_iso2', 'transitCountries'],
  ['destination_iso2', 'destinationCountries'],
  ['seizing_agency', 'seizingAgencies'],
  ['reported_value', 'reportedValue'],
  ['reported_currency', 'reportedCurrency'],
  ['operation', 'operation'],
  ['source_url', 'sourceUrl'],
  ['source_title', 'sourceTitle'],
  ['notes', 'notes'],
  ['export_iso2', 'exportCountries'],
  ['transit_missed_iso2', 'missedTransitCountries'],
  ['transport_mode', 'transportMode'],
  ['detection_method', 'detectionMethod'],
  ['concealment_method', 'concealmentMethod'],
  ['cites_appendix', 'citesAppendix'],
] as const satisfies readonly (readonly [string, SeizureField])[];

/** One public column name. */
export type PublicColumn = (typeof PUBLIC_COLUMNS)[number][0];

/**
 * The column NEST Desk's exports add after the public ones: a seizure's open review flags as JSON
 * (shared/domain/seizure.ts `reviewFlagSchema`), empty when none. Import reads it back into the
 * seizure's flags (target `reviewFlags`), so a round trip keeps them.
 */
export const REVIEW_FLAGS_COLUMN = 'review_flags';

/** Public column name → seizure field. */
export const PUBLIC_COLUMN_FIELD: ReadonlyMap<string, SeizureField> = new Map(PUBLIC_COLUMNS);
