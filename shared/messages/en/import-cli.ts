/**
 * Sentences of the import command line (`npm run import`, service/entries/import-cli.ts) about
 * its options and its input: a column an option names that the file lacks, a folder given as the
 * file, an undo id that is not one, a file with nothing to import, the columns left unimported.
 */
export const importCliMessages = {
  'import.cli.no-such-column': '{option} "{item}": {fileName} has no column "{column}". Its columns: {columns}.',
  'import.cli.is-folder': '{path} is a folder: give the file to import, not its folder.',
  'import.cli.not-an-import-id': `''{batchId}'' is not an import id: the case’s import log lists them (a stopped import prints its own).`,
  'import.cli.new-case-title': 'The new case needs a title: --new-case "TITLE".',
  'import.cli.nothing-to-import':
    'Nothing in {fileName} can be imported: {format, select, csv {it has a header but no data rows} other {it has no placemarks, waypoints or features}}. Nothing was written{newCase, select, yes { and no case was created} other {}}.',
  'import.cli.columns-not-imported':
    'Not imported: {count, plural, one {# column} other {# columns}} mapped to nothing ({columns}). To import one: --map "COLUMN=FIELD".',
  'import.cli.stopped-imported':
    'Stopped after writing {written, number} of {planned, plural, one {# seizure} other {# seizures}} from {fileName} ({format}). The counts below are of the rows written.',
} as const;
