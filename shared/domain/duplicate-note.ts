/**
 * The sentence naming one duplicate row of an import (shared/rpc/import.ts `DuplicateRow`), for the
 * import dialog and the command line alike. A CSV row is named by its line in the file; a KML,
 * GPX or GeoJSON feature by its 1-based position ("Feature 1"), since the report counts features
 * from 0 (tester finding: "Line 0 / Line 1" for a GeoJSON file).
 */
import { t } from '../messages/format';

/** The fields of a duplicate row the sentence needs. */
export interface DuplicateNoteRow {
  line: number;
  existingId: string | null;
  earlierLine: number | null;
  what: string;
}

/** The catalogue sentence for `d` in a file of `format` ('csv', 'kml', 'gpx' or 'geojson'). */
export function duplicateNote(d: DuplicateNoteRow, format: string): string {
  const geo = format === 'csv' ? 'no' : 'yes';
  const shift = geo === 'yes' ? 1 : 0;
  return d.existingId
    ? t('ui.import.duplicates-line', { geo, line: d.line + shift, what: d.what })
    : t('ui.import.duplicates-earlier', { geo, line: d.line + shift, earlier: (d.earlierLine ?? 0) + shift });
}
