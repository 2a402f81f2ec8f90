/**
 * English reasons an offline basemap file (MBTiles, PMTiles) is refused (`basemap.file.*`), shown
 * as "<name> could not be added: <reason>" and in the host's log. Each names the file, the field,
 * the values found and how to fix the file: its metadata is the only description the map has.
 */
export const basemapFileMessages = {
  'basemap.file.zoom-not-number': '{file}: {field} is “{value}”, not a whole number from 0 to {max}. Fix the {field} row of the file’s metadata.',
  'basemap.file.zoom-range': '{file}: {field} is {value}, outside 0–{max}. Fix the {field} row of the file’s metadata (tiles deeper than zoom {max} cannot be shown).',
  'basemap.file.zoom-inverted': '{file}: minzoom {min} is greater than maxzoom {max}. Fix the file’s metadata so that minzoom is at most maxzoom (they are probably swapped).',
  'basemap.file.bounds-shape': '{file}: bounds is “{value}”, not four numbers west,south,east,north. Fix the bounds row of the file’s metadata, or remove it.',
  'basemap.file.bounds-range': '{file}: bounds {value} lie outside the world (longitude −180 to 180, latitude −90 to 90). Fix the bounds in the file’s metadata; they are in degrees, west,south,east,north.',
  'basemap.file.bounds-inverted': '{file}: bounds {value} have the west edge east of the east edge or the south edge north of the north edge. Fix the bounds in the file’s metadata (west,south,east,north; an area across the 180° meridian must be split in two files).',
  'basemap.file.format-missing': '{file}: the metadata has no format and its first tile is not PNG, JPEG, WebP or a gzipped vector tile. Add a format row (png, jpg, webp or pbf) to the file’s metadata.',
  'basemap.file.not-pmtiles': '{file} is not a PMTiles version 3 file.',
  'basemap.file.truncated': '{file} is cut short: it has {size, number} bytes but its header places data up to byte {needed, number}. Copy the whole file again.',
  'basemap.file.extension': '{file} is not an .mbtiles or .pmtiles file.',
} as const;
