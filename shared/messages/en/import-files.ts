/**
 * English messages about a whole imported file (`import.file.*`: why it cannot be imported at all,
 * starting with its name) and the warnings of an import report (`import.warning.*`: full sentences).
 * A quoted name is written ''{name}'' (see import.ts).
 */
export const importFileMessages = {
  'import.file.kmz': '{file}: a KMZ file is a zipped KML; unzip it or save it as KML, then import the .kml file',
  'import.file.zip': '{file}: this is a ZIP-based file (e.g. an Excel .xlsx or .ods workbook); save the sheet as CSV and import that',
  'import.file.xls': '{file}: this is an old Excel .xls workbook; save the sheet as CSV and import that',
  'import.file.pdf': '{file}: this is a PDF; only CSV, KML, GPX and GeoJSON files can be imported',
  'import.file.binary': '{file}: this is a binary file, not CSV, KML, GPX or GeoJSON',
  'import.file.xml-not-geo': '{file}: this XML file is not KML or GPX (its root element is <{root}>)',
  'import.file.unknown-format': '{file}: this is not a CSV, KML, GPX or GeoJSON file',
  'import.file.bad-xml': '{file}: not well-formed XML ({detail})',
  'import.file.bad-json': '{file}: not well-formed JSON ({detail})',
  'import.file.not-geojson': '{file}: not a GeoJSON FeatureCollection or Feature',
  'import.feature-label': 'feature {index}',
  'import.warning.route-not-imported': 'Feature {index} ({label}): a line was not imported as a route: {field} {reason}.',
  'import.warning.points-merged':
    'Feature {index} ({label}): a group of {count, plural, one {# point} other {# points}} became one seizure at its first point.',
  'import.warning.area-as-point': 'Feature {index} ({label}): an area became one seizure at the middle of its outline.',
  'import.warning.duplicate-column': `Column ''{name}'' appears more than once; the first non-empty value is used and the others go to notes.`,
  'import.warning.mixed-decimal-marks':
    `Column ''{name}'' mixes decimal points and decimal commas; cells such as 1,274 were read with ''{mark}'' as the decimal mark.`,
  'import.warning.assumed-decimal-mark':
    `Column ''{name}'': no cell shows its decimal mark; cells such as 10.500 or 1,274 were read with ''{mark}'' as the decimal mark (taken from the file's format); check them if that is wrong.`,
  'import.warning.ambiguous-dates':
    `Column ''{name}'': dates such as 03/04/2019 were read day first (DMY); choose month first (MDY) if that is wrong.`,
} as const;
