/**
 * Every catalogue sentence that lists the formats a seizure import takes lists all five: CSV, KML,
 * KMZ, GPX and GeoJSON (tester finding: the empty case and the welcome page said "CSV, KML or
 * GeoJSON", as if GPX and KMZ files could not be imported).
 */
import { describe, expect, it } from 'vitest';
import { en } from '../../../shared/messages';

describe('sentences listing the import formats', () => {
  it('name CSV, KML, KMZ, GPX and GeoJSON, wherever they name KML and GeoJSON', () => {
    const listing = Object.entries(en).filter(([, text]) => /\bKML\b/.test(text) && /GeoJSON/.test(text));
    // The empty case, the welcome page, the case list, the import dialog and the refusals of other files.
    expect(listing.map(([id]) => id)).toEqual(expect.arrayContaining(['ui.case.seizures.empty-text', 'ui.first-run.point-map-text', 'ui.cases.no-cases-text', 'ui.import.choose-text', 'import.file.unknown-format']));
    const missing = listing.filter(([, text]) => !['CSV', 'KMZ', 'GPX'].every((f) => text.includes(f))).map(([id, text]) => `${id}: ${text}`);
    expect(missing).toEqual([]);
  });
});
