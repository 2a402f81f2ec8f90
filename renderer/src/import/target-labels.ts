/**
 * Labels of the import targets a source column can be mapped to, grouped for the mapping
 * dialog's selects, and the wording of each mapping source and file format (from the catalogue,
 * `ui.import.*`).
 */
import type { ImportPreview, ImportTarget } from '../../../shared/rpc/import';
import { t, type MessageId } from '../../../shared/messages';
import { messageLabels } from '../format/message-labels';

/** Label of each import target ("Seizure date"), read from the catalogue. */
export const IMPORT_TARGET_LABELS: Readonly<Record<ImportTarget, string>> = messageLabels<ImportTarget>({
  seizureDate: 'ui.import.target-seizureDate',
  datePrecision: 'ui.import.target-datePrecision',
  country: 'ui.import.target-country',
  place: 'ui.import.target-place',
  latitude: 'ui.import.target-latitude',
  longitude: 'ui.import.target-longitude',
  coordinates: 'ui.import.target-coordinates',
  locationPrecision: 'ui.import.target-locationPrecision',
  sector: 'ui.import.target-sector',
  commodity: 'ui.import.target-commodity',
  taxon: 'ui.import.target-taxon',
  citesAppendix: 'ui.import.target-citesAppendix',
  quantity: 'ui.import.target-quantity',
  unit: 'ui.import.target-unit',
  quantityWithUnit: 'ui.import.target-quantityWithUnit',
  originCountries: 'ui.import.target-originCountries',
  exportCountries: 'ui.import.target-exportCountries',
  transitCountries: 'ui.import.target-transitCountries',
  missedTransitCountries: 'ui.import.target-missedTransitCountries',
  transportMode: 'ui.import.target-transportMode',
  detectionMethod: 'ui.import.target-detectionMethod',
  concealmentMethod: 'ui.import.target-concealmentMethod',
  destinationCountries: 'ui.import.target-destinationCountries',
  seizingAgencies: 'ui.import.target-seizingAgencies',
  reportedValue: 'ui.import.target-reportedValue',
  reportedCurrency: 'ui.import.target-reportedCurrency',
  operation: 'ui.import.target-operation',
  sourceUrl: 'ui.import.target-sourceUrl',
  sourceTitle: 'ui.import.target-sourceTitle',
  notes: 'ui.import.target-notes',
  reviewFlags: 'ui.import.target-reviewFlags',
  ignore: 'ui.import.target-ignore',
});

/** Targets in groups, for <optgroup>s; `label` is a catalogue id. */
export const IMPORT_TARGET_GROUPS: { label: MessageId; targets: ImportTarget[] }[] = [
  { label: 'ui.import.group-when', targets: ['seizureDate', 'datePrecision'] },
  { label: 'ui.import.group-where', targets: ['country', 'place', 'latitude', 'longitude', 'coordinates', 'locationPrecision'] },
  { label: 'ui.import.group-what', targets: ['sector', 'commodity', 'taxon', 'citesAppendix', 'quantity', 'unit', 'quantityWithUnit'] },
  { label: 'ui.import.group-route', targets: ['originCountries', 'exportCountries', 'transitCountries', 'missedTransitCountries', 'destinationCountries', 'seizingAgencies', 'operation', 'transportMode', 'detectionMethod', 'concealmentMethod'] },
  { label: 'ui.import.group-value', targets: ['reportedValue', 'reportedCurrency', 'sourceUrl', 'sourceTitle', 'notes', 'reviewFlags'] },
];

const SOURCE_IDS: Record<ImportPreview['mappingSource'] | 'format', [MessageId, MessageId]> = {
  given: ['ui.import.source-given', 'ui.import.source-given-text'],
  remembered: ['ui.import.source-remembered', 'ui.import.source-remembered-text'],
  guessed: ['ui.import.source-guessed', 'ui.import.source-guessed-text'],
  fixed: ['ui.import.source-standard', 'ui.import.source-standard-text'],
  format: ['ui.import.source-format', 'ui.import.source-format-text'],
};

/** How the mapping was chosen, in words (a "fixed" CSV mapping is the standard layout; otherwise the format sets it). */
export function mappingSourceText(source: ImportPreview['mappingSource'], format: ImportPreview['format']): { label: string; text: string } {
  const [label, text] = SOURCE_IDS[source === 'fixed' && format !== 'csv' ? 'format' : source];
  return { label: t(label), text: t(text) };
}

/** Names of the file formats ("CSV table"), read from the catalogue. */
export const FORMAT_LABELS: Readonly<Record<ImportPreview['format'], string>> = messageLabels<ImportPreview['format']>({
  csv: 'ui.import.format-csv',
  kml: 'ui.import.format-kml',
  gpx: 'ui.import.format-gpx',
  geojson: 'ui.import.format-geojson',
});
