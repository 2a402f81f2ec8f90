/**
 * English messages about a whole imported file (`import.file.*`: why it cannot be imported at all,
 * starting with its name) and the warnings of an import report (`import.warning.*`: full sentences).
 * A quoted name is written ''{name}'' (see import.ts).
 */
export const importFileMessages = {
  'import.file.kmz': '{file}: a KMZ file is a zipped KML; unzip it or save it as KML, then import the .kml file',
  'import.file.bad-kmz':
    '{file}: not a readable KMZ file ({why, select, nokml {no .kml document inside} entries {more than {max, number} files inside} toolarge {its KML document is larger than 64 MiB} other {the archive is damaged or is not a ZIP file}}). Save it again as KMZ from Google Earth or the program that made it, or export its KML and import that.',
  'import.warning.kmz-images':
    '{file}: {count, plural, one {# image} other {# images}} in the KMZ {count, plural, one {was} other {were}} not imported; the placemarks and lines were read from {kml}.',
  'import.warning.kmz-other-kml':
    '{file}: the placemarks and lines were read from {kml} only; the KMZ holds {count, plural, one {# more KML file, {others}, that was} other {# more KML files, {others}, that were}} not read (a KMZ has one main KML document). To import {count, plural, one {it} other {them}}, unzip {file} and import {count, plural, one {that .kml file} other {each .kml file}} on its own.',
  'import.warning.kmz-images-listed':
    '{file}: {kml} shows {count, plural, one {# image} other {# images}}: {paths}. {count, plural, one {It is} other {They are}} attached to the case’s files on import under {count, plural, one {that name} other {those names}}, and the notes of each placemark name the images it shows.',
  'import.warning.kmz-images-attached': '{count, plural, one {# image} other {# images}} that the placemarks show {count, plural, one {was} other {were}} attached to the case.',
  'import.file.zip': '{file}: this is a ZIP-based file (e.g. an Excel .xlsx or .ods workbook), not a table NEST Desk can read; save the sheet as CSV (UTF-8) and import that',
  'import.file.xls': '{file}: this is an old Excel .xls workbook, not a table NEST Desk can read; save the sheet as CSV (UTF-8) and import that',
  'import.file.pdf': '{file}: this is a PDF; only CSV, KML, KMZ, GPX and GeoJSON files can be imported. Save its table as CSV (UTF-8) and import that, or add the PDF to the case’s files to keep it with the case',
  'import.file.image':
    '{file}: this is an image (PNG, JPEG or GIF); only CSV, KML, KMZ, GPX and GeoJSON files can be imported. Add a photo or scan to the case’s files to keep it with the case',
  'import.file.binary': '{file}: this is a binary file (it holds zero bytes), not CSV, KML, KMZ, GPX or GeoJSON; save the data as CSV (UTF-8) and import that',
  'import.file.not-text':
    '{file} is not a text file: {percent, number, percent} of its first {chars, plural, one {# character is a control character or a zero byte} other {# characters are control characters or zero bytes}}. NEST Desk imports CSV, KML, KMZ, GPX and GeoJSON files; save a spreadsheet as CSV (UTF-8) and import that.',
  'import.file.xml-not-geo': '{file}: this XML file is not KML or GPX (its root element is <{root}>)',
  'import.file.unknown-format': '{file}: this is not a CSV, KML, KMZ, GPX or GeoJSON file',
  'import.file.not-xml':
    '{file}: named as a {format} file, but its text is not XML{csv, select, yes { — it looks like CSV text (first line “{line}”). Rename it to .csv and import it again} other {. Check that this is the right file, or export it again as {format}}}',
  'import.file.bad-xml': '{file}: not well-formed XML ({detail})',
  'import.file.bad-json': '{file}: not well-formed JSON ({detail})',
  'import.file.not-geojson': '{file}: not a GeoJSON FeatureCollection or Feature',
  'import.feature-label': '{kind, select, placemark {placemark} waypoint {waypoint} track {track} route {route} other {feature}} {number}',
  'import.feature-name': '{kind, select, placemark {Placemark} waypoint {Waypoint} track {Track} route {Route} other {Feature}} {number}',
  'import.file.too-many-properties':
    '{file}: its features use more than {max, number} different property names, so they cannot be read as columns; give the features common property names (e.g. commodity, quantity, unit)',
  'import.file.too-deep': '{file}: its elements are nested too deeply to read (a geometry inside thousands of others); flatten the file and import again',
  'import.geometry.malformed': 'the {type} geometry has no valid coordinates (each position must be [longitude, latitude] numbers)',
  'import.geometry.too-deep': 'the geometry nests collections more than {max, number} deep',
  'import.note.time-of-day': 'Time of day: {time}',
  'import.note.images': '{count, plural, one {Image} other {Images}}: {paths}',
  'import.warning.route-times-dropped': '{feature} ({label}): the line has {times, plural, one {# time} other {# times}} for {points, plural, one {# point} other {# points}}; its times were not kept.',
  'import.warning.route-not-imported': '{feature} ({label}): a line was not imported as a route: {field} {reason}.',
  'import.warning.points-merged':
    '{feature} ({label}): a group of {count, plural, one {# point} other {# points}} became one seizure at its first point.',
  'import.warning.area-as-point': '{feature} ({label}): an area became one seizure at the middle of its outline.',
  'import.warning.duplicate-column': `Column ''{name}'' appears more than once; the first non-empty value is used and the others go to notes.`,
  'import.format.number':
    "{column}: {decidedBy, select, none {no value decides the decimal mark; none needed} guess {decimal mark not decided — {examples} could be read either way{why, select, none {} other {: {doubt}}}; choose the decimal mark} other {{mark, select, comma {comma decimal} other {point decimal}}{thousands, select, dot {, dot thousands} comma {, comma thousands} space {, space thousands} apostrophe {, apostrophe thousands} other {}} — {decidedBy, select, choice {your choice} other {from {count, plural, one {# value} other {# values}}}}}}",
  'import.format.number-overruled': '{read}; the decimal {choice} chosen for it is not used',
  'import.warning.decimal-mark-overruled':
    `Column ''{column}'' shows a decimal {mark} in {count, plural, one {# value} other {# values}} (e.g. ''{value}'' on line {line}), so the decimal {choice} chosen for it is not used: no value is read against its own decimal mark.`,
  'import.format.date':
    '{column}: {decidedBy, select, guess {day-month order not decided — {examples} could be read either way; choose the order} other {{order, select, MDY {month first} DMY {day first} other {no day/month order needed}} — {decidedBy, select, choice {your choice} other {from {count, plural, one {# value} other {# values}}}}}}',
  'import.format.coordinate':
    '{column}: {decidedBy, select, guess {hemisphere not decided: {examples} {count, plural, one {has} other {have}} no letter while other cells do} other {degrees — from {count, plural, one {# value} other {# values}}}}',
  'import.warning.ambiguous-column-rows':
    `Column ''{name}'': {count, plural, one {# row was} other {# rows were}} held back because {count, plural, one {its value reads} other {their values read}} differently depending on a choice the column does not decide; choose it in the preview (or on the command line) to import {count, plural, one {it} other {them}}.`,
  'import.cli.refuse-number':
    `Column ''{column}'' has values that read differently with a decimal point or a decimal comma ({examples}) and {why, select, none {no value in it shows which} other {{doubt}}}; nothing was imported. Choose with --decimal-mark "{column}=," or --decimal-mark "{column}=."`,
  'import.cli.refuse-date':
    `Column ''{column}'' has dates whose day and month could be swapped ({examples}) and no date in it decides; nothing was imported. Choose with --date-order DMY or --date-order MDY`,
  'import.cli.refuse-date-mixed':
    `Column ''{column}'' mixes day-first and month-first dates: line {dayLine} ''{dayValue}'' reads only day-first, line {monthLine} ''{monthValue}'' only month-first; nothing was imported. Choose the column's order with --date-order DMY or --date-order MDY (rows written in the other order are then refused, each named)`,
  'import.format.date-mixed':
    `{column}: day-month order not decided — the column mixes both orders (line {dayLine} ''{dayValue}'' reads only day-first, line {monthLine} ''{monthValue}'' only month-first); choose the order`,
  'import.file.empty': '{fileName}: the file is empty',
  'import.file.no-header': '{fileName}: no header row: the first line holds data ({cells}…); add a line with column names',
  'import.file.too-many-rows':
    '{fileName}: {kind, select, features {{count, plural, one {# feature is} other {# features are}}} other {{count, plural, one {# row is} other {# rows are}}}} more than the {max, number} an import takes; split the file into parts of at most {max, number} {kind, select, features {features} other {rows}}',
  'import.warning.extra-cells':
    '{count, plural, one {# row has} other {# rows have}} more cells than the header (first: line {line}); the extra cells were kept in {count, plural, one {its notes} other {their notes}} as "Extra cell N: …".',
  'import.note.extra-cell': 'Extra cell {position}: {value}',
  'import.warning.mapping-missing-columns': 'The mapping names {count, plural, one {a column} other {# columns}} the file does not have: {columns}.',
  'import.warning.no-data-rows': '{format, select, csv {The file has a header but no data rows.} other {The file has no placemarks or features that could be seizures.}}',
  'import.warning.no-sector-column': `The file has no crime-sector column: the seizures are filed under ''other''.`,
  'import.tlp-stricter':
    'This file is marked TLP:{fileTlp}; case {caseNumber} is TLP:{caseTlp}: its rows would be shared as TLP:{caseTlp}. Import it only if the file’s originator allows that, or import it into a TLP:{fileTlp} case',
  'import.tlp-stricter-cli':
    'This file is marked TLP:{fileTlp}; case {caseNumber} is TLP:{caseTlp}: its rows would be shared as TLP:{caseTlp}. To import it into this case anyway, add --accept-tlp; or import it with --new-case (a new case takes the file’s TLP:{fileTlp})',
  'import.warning.new-case-tlp': 'The file is marked TLP:{fileTlp}, so the new case {dryRun, select, yes {would be} other {is}} TLP:{fileTlp}.',
  'import.cli.refuse-hemisphere':
    `Column ''{column}'' has coordinates without a hemisphere letter ({examples}) while other cells have S or W; nothing was imported. Add the letters (or minus signs) in the file`,
} as const;
