/**
 * English messages of the KML/GPX/GeoJSON import details (tester findings F14, F15) and the fixes
 * printed beside refusals that had none (issue 11 item 2: every rejection names line, field,
 * value, reason and a fix). A quoted name is written ''{name}'' (see import.ts).
 */
export const importGeoMessages = {
  'import.file.geojson-crs':
    '{file}: its coordinates are in {crs} (the file’s “crs”), not longitude and latitude in WGS 84, so they cannot be placed on the map; re-export the file in WGS 84 (EPSG:4326) — in QGIS: Export → Save Features As…, CRS “EPSG:4326 - WGS 84” — and import that',
  'import.note.until': 'Until: {end}',
  'import.geometry-swapped': `''{latitude}'' is not a latitude (beyond ±90) but fits as a longitude, and the longitude ''{longitude}'' fits as a latitude: the position looks written [latitude, longitude]`,
  'import.fix.swap-geometry':
    '{format, select, kml {write each <coordinates> as longitude,latitude} gpx {write lat= and lon= the right way round} other {write each position as [longitude, latitude]}} (the file has them the other way round) and import it again',
  'import.fix.geometry':
    '{format, select, kml {write the <coordinates> as longitude,latitude} gpx {write lat= and lon=} other {write each position as [longitude, latitude]}} in decimal degrees (WGS 84: latitude -90 to 90, longitude -180 to 180) and import it again',
  'import.coordinates-disagree':
    'the geometry puts the point at {geometry} but the {columnCount, plural, one {“{first}” property says} other {“{first}” and “{second}” properties say}} {stated}: placed at the geometry, the {columnCount, plural, one {property} other {properties}} kept in the notes; {stage, select, preview {will be imported and flagged for review} other {imported and flagged for review}}',
  'import.fix.coordinates-disagree':
    'correct the geometry or the {columnCount, plural, one {“{first}”} other {“{first}” and “{second}”}} in the file, or check the seizure after the import and mark it as reviewed',
  'review.flag.coordinates-disagree':
    'The file’s geometry put the point at {geometry} but its latitude/longitude properties said {stated}: the seizure was placed at the geometry. Check which is right',
  'import.fix.required':
    `{column, select, none {map a column to the {field} in the preview (command line: --map COLUMN=FIELD), or add one to the file} other {fill in the {field} (''{column}'') in the file}} and import it again`,
  'import.fix.required-geo':
    `{column, select, none {add the {field} to the {format, select, kml {placemark} gpx {waypoint} other {feature}}} other {fill in the {field} (''{column}'') of the {format, select, kml {placemark} gpx {waypoint} other {feature}}}} in the file and import it again`,
  'import.fix.unit-required': 'write the unit in a unit column or after the quantity (“8.8 t”, “120 pieces”) and import it again',
  'import.fix.correct-value': 'correct the {field} in the file and import it again',
} as const;
