/**
 * Labels of the import targets a source column can be mapped to, grouped for the mapping
 * dialog's selects, and the wording of each mapping source.
 */
import type { ImportPreview, ImportTarget } from '../../../shared/rpc/import';

/** Label of each import target. */
export const IMPORT_TARGET_LABELS: Record<ImportTarget, string> = {
  seizureDate: 'Seizure date',
  datePrecision: 'Date precision',
  country: 'Seizing country',
  place: 'Place',
  latitude: 'Latitude',
  longitude: 'Longitude',
  coordinates: 'Coordinates (lat, lon in one column)',
  locationPrecision: 'Location precision',
  sector: 'Crime sector',
  commodity: 'Commodity',
  taxon: 'Taxon',
  citesAppendix: 'CITES appendix',
  quantity: 'Quantity',
  unit: 'Unit',
  quantityWithUnit: 'Quantity with unit (e.g. “12 kg”)',
  originCountries: 'Origin countries',
  transitCountries: 'Transit countries',
  destinationCountries: 'Destination countries',
  seizingAgencies: 'Seizing agencies',
  reportedValue: 'Reported value',
  reportedCurrency: 'Reported currency',
  operation: 'Operation',
  sourceUrl: 'Source URL',
  sourceTitle: 'Source title',
  notes: 'Notes',
  ignore: 'Do not import',
};

/** Targets in groups, for <optgroup>s. */
export const IMPORT_TARGET_GROUPS: { label: string; targets: ImportTarget[] }[] = [
  { label: 'When', targets: ['seizureDate', 'datePrecision'] },
  { label: 'Where', targets: ['country', 'place', 'latitude', 'longitude', 'coordinates', 'locationPrecision'] },
  { label: 'What', targets: ['sector', 'commodity', 'taxon', 'citesAppendix', 'quantity', 'unit', 'quantityWithUnit'] },
  { label: 'Route and agencies', targets: ['originCountries', 'transitCountries', 'destinationCountries', 'seizingAgencies', 'operation'] },
  { label: 'Value and source', targets: ['reportedValue', 'reportedCurrency', 'sourceUrl', 'sourceTitle', 'notes'] },
];

/** How the mapping was chosen, in words (the wording of "fixed" depends on the format). */
export function mappingSourceText(source: ImportPreview['mappingSource'], format: ImportPreview['format']): { label: string; text: string } {
  switch (source) {
    case 'given':
      return { label: 'Your mapping', text: 'The columns are imported as you set them below.' };
    case 'remembered':
      return { label: 'Remembered', text: 'This file has the same columns as one imported before; that mapping was reused. Check it below.' };
    case 'guessed':
      return { label: 'Guessed', text: 'Each column was guessed from its name and values. Check it below before importing.' };
    case 'fixed':
      return format === 'csv'
        ? { label: 'Standard layout', text: 'The columns are those of the public seizure data set; each goes to its own field.' }
        : { label: 'Set by the format', text: 'Names, times and positions are read from the features; properties are matched by name.' };
  }
}

/** Names of the file formats. */
export const FORMAT_LABELS: Record<ImportPreview['format'], string> = { csv: 'CSV table', kml: 'KML (Google Earth)', gpx: 'GPX track', geojson: 'GeoJSON' };
