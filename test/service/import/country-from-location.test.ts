/**
 * A seizing country the file does not give is never stored as a fact (tester finding, issue 11):
 * looked up from where the point lies, it is imported with a review flag 'country-from-location'
 * (like outside-country and commodity-from-label: badge, filter and "Mark as reviewed"), listed
 * among the report's flagged rows with a fix.
 */
import { describe, expect, it } from 'vitest';
import { parseImportFile } from '../../../service/import';
import { reviewFlagSentence } from '../../../shared/domain/review-flag-text';
import { utf8 } from './fixtures';

const KML = `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>
<Placemark><name>Ivory</name><ExtendedData><Data name="commodity"><value>ivory</value></Data><Data name="seizure_date"><value>2021-03-11</value></Data></ExtendedData><Point><coordinates>39.6667,-4.05</coordinates></Point></Placemark>
<Placemark><name>Stated</name><ExtendedData><Data name="commodity"><value>ivory</value></Data><Data name="country_iso2"><value>TZ</value></Data><Data name="seizure_date"><value>2021-03-12</value></Data></ExtendedData><Point><coordinates>39.6667,-4.05</coordinates></Point></Placemark>
</Document></kml>`;

describe('a country looked up from the location', () => {
  it('is imported flagged for review, the stated one is not', () => {
    const parsed = parseImportFile({ fileName: 'points.kml', bytes: utf8(KML), countryAt: () => 'KE' });
    expect(parsed.seizures.map((s) => [s.line, s.fields.country, s.review])).toEqual([
      [1, 'KE', [{ kind: 'country-from-location', country: 'KE' }]],
      [2, 'TZ', undefined],
    ]);
    expect(parsed.report.flagged).toEqual([
      {
        line: 1, column: 'geometry', field: 'country', value: 'KE',
        reason: 'no seizing country in the file: KE is where the point lies; imported with it and flagged for review',
        fix: 'add a seizing-country column (e.g. country_iso2) to the file, or check the seizure after the import and mark it as reviewed',
      },
    ]);
    expect(reviewFlagSentence({ kind: 'country-from-location', country: 'KE', batch: 'b', at: 1 })).toBe('The file gave no seizing country: Kenya (KE) is where the point lies, taken as the seizing country. Check that the seizure was made there');
  });
});
