/**
 * Bad files and cells get a catalogue sentence with a fix (tester findings, issue 11): a CSV
 * renamed .kml, a notes cell past the limit. (A damaged KMZ: kmz.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { parseImportFile } from '../../../service/import';
import { MAX_NOTES_CHARS } from '../../../shared/domain/seizure';
import { utf8 } from './fixtures';

describe('bad files say what they look like and what to do', () => {
  it('a CSV renamed .kml is named as CSV text, with the rename to do', () => {
    const csv = 'seizure_date,country,commodity,quantity,unit\n2019-03-11,KE,ivory,12,kg\n';
    expect(() => parseImportFile({ fileName: 'seizures.kml', bytes: utf8(csv) })).toThrow(
      'seizures.kml: named as a KML file, but its text is not XML — it looks like CSV text (first line “seizure_date,country,commodity,quantity,unit”). Rename it to .csv and import it again',
    );
  });

  it('other text named .gpx is told to check the file', () => {
    expect(() => parseImportFile({ fileName: 'track.gpx', bytes: utf8('just some words\n') })).toThrow('track.gpx: named as a GPX file, but its text is not XML. Check that this is the right file, or export it again as GPX');
  });

  it('a notes cell past the limit is refused with the limit, its length and what to do', () => {
    const long = 'x'.repeat(MAX_NOTES_CHARS + 5);
    const csv = `seizure_date,country,commodity,quantity,unit,notes\n2019-03-11,KE,ivory,12,kg,${long}\n2019-03-12,KE,ivory,13,kg,short\n`;
    const parsed = parseImportFile({ fileName: 'notes.csv', bytes: utf8(csv) });
    expect(parsed.report.imported).toBe(1);
    expect(parsed.report.rejected).toEqual([
      {
        line: 2, column: 'notes', field: 'notes', value: long, reason: 'must be at most 10,000 characters',
        fix: 'the notes of this row come to 10,005 characters, more than the 10,000 a seizure holds: shorten the cell (or the columns that go to notes) in the file, or keep the long text as a document attached to the case, and import again',
      },
    ]);
  });
});
