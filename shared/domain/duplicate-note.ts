/**
 * The sentence naming one duplicate row of an import (shared/rpc/import.ts `DuplicateRow`), for the
 * import dialog and the command line alike. A CSV row is named by its line in the file; a KML
 * placemark, GPX waypoint or GeoJSON feature by its number from 1 among its kind, as the report
 * counts it ("Placemark 2", "Waypoint 2"; tester finding: numbered from 0 in one message and
 * from 1 in another).
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
  return d.existingId
    ? t('ui.import.duplicates-line', { format, line: d.line, what: d.what })
    : t('ui.import.duplicates-earlier', { format, line: d.line, earlier: d.earlierLine ?? 0 });
}
