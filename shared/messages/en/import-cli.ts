/**
 * Sentences of the import command line (`npm run import`, service/entries/import-cli.ts) about
 * its options and its input: a column an option names that the file lacks, a folder given as the
 * file, an undo id that is not one, a file with nothing to import, the columns left unimported;
 * the usage text, each refused option, the workspace and case it creates or cannot find, and the
 * lines that frame the report ("Read …", "Note: …", "Logged as import …"). Numbers that are the
 * user's own words (a count of files given) are plurals; ids and hashes print as written.
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
  'import.cli.usage': `Usage: npm run import -- <file> (--workspace <name|id> | --new-workspace <name>) (--case <number|id> | --new-case <title>) [options]

Imports seizures from a CSV, KML, KMZ, GPX or GeoJSON file into a case and prints a report.
Exit code 0 when the import succeeded (some rows may be rejected), 1 when it failed or every row was rejected,
130 when Ctrl-C stopped it (what was written stays, logged as a stopped import; the output says how to undo it).
  --workspace W        workspace name or id (see the app's sidebar); "demo" for the demo workspace
  --new-workspace NAME create a workspace with this name first (you are its admin); with
  --case-prefix P      its case-number prefix (default NEST) and
  --currency C         its reporting currency, ISO 4217 (default USD)
  --member-name N      on a machine where the app was never set up: your name, and
  --agency A           your agency (the identity the app's first run would ask for)
  --case C             case number (e.g. NEST-2026-0001) or id
  --new-case TITLE     create a new case with this title instead (only if at least one row imports)
  --sector S           sector of a new case ({sectors}; default wildlife)
  --map COL=FIELD      map column COL to FIELD (or ignore), repeatable (e.g. --map Datum=seizureDate); the other
                       columns keep their remembered, standard or guessed mapping; COL must be a column of the file
  --date-order DMY|MDY order of ambiguous dates like 03/04/2019 (required when no date in the column decides)
  --decimal-mark COL=. or COL=,
                       decimal mark of a number column whose values do not show it (e.g. 1.250), repeatable;
                       without it such a file is refused; a column whose values show the other mark keeps it (said in the report)
  --stix               the file is a STIX 2.1 bundle: import it as a new case (docs/stix.md) and list
                       every object that was not imported, with its id, type and the reason
  --dry-run            read and check the file, import nothing (and create no case or workspace)
  --allow-reimport     import a file that is already in the case (same SHA-256) again, on purpose
  --accept-tlp         import a file whose TLP marking (an export's, e.g. TLP:RED) is stricter than the
                       case's, its rows then shared as the case's TLP; without it such a file is refused
                       (a --new-case takes the file's TLP instead)
  --keep-duplicates    import rows that match seizures already in the case (left out by default)
  --undo BATCH         undo import BATCH of --case (e.g. one stopped with Ctrl-C) as one step, instead of importing
  --data-dir DIR       data folder (default: $NEST_DATA_DIR or the OS app-data folder "NEST Desk")
  --help               this text
Fields for --map: {fields}`,
  'import.cli.bad-map': '--map "{item}": expected COLUMN=FIELD with FIELD one of {fields}',
  'import.cli.bad-decimal-mark': '--decimal-mark "{item}": expected COLUMN=. or COLUMN=,',
  'import.cli.undo-needs': '--undo BATCH needs --workspace and --case, and no file',
  'import.cli.one-file': 'one file at a time: {count, plural, one {# file was} other {# files were}} given ({files})',
  'import.cli.no-such-file': '{file}: no such file',
  'import.cli.one-workspace': 'give exactly one of --workspace and --new-workspace',
  'import.cli.stix-needs-workspace': '--stix needs an existing --workspace',
  'import.cli.one-case': 'give exactly one of --case and --new-case',
  'import.cli.new-workspace-no-cases': 'a new workspace has no cases yet: use --new-case',
  'import.cli.bad-date-order': '--date-order must be DMY or MDY, not "{value}"',
  'import.cli.bad-sector': '--sector must be one of {sectors}, not "{value}"',
  'import.cli.no-such-workspace': 'no workspace "{name}" on this machine; known: {known}',
  'import.cli.workspace-exists': 'a workspace "{name}" already exists on this machine: use --workspace "{name}"',
  'import.cli.no-identity': 'this machine has no identity yet: give --member-name and --agency (who you are and your agency), or open the app once',
  'import.cli.would-create-workspace': 'Would create workspace "{name}" (case prefix {prefix}, currency {currency}).',
  'import.cli.created-workspace': 'Created workspace "{name}" (case prefix {prefix}); you are its admin.',
  'import.cli.would-create-case': 'Would create case "{title}".',
  'import.cli.created-case': 'Created case {number} "{title}".',
  'import.cli.no-such-case': 'no case "{caseRef}" in workspace "{workspace}"',
  'import.cli.stix-row': '  {id} ({type}): {reason}',
  'import.cli.read': 'Read {summary}.',
  'import.cli.note': 'Note: {text}',
  'import.cli.refused': 'Import refused: {reason}',
  'import.cli.tlp-accepted': 'Note: {conflict} (accepted with --accept-tlp).',
  'import.cli.logged': 'Logged as import {batchId} (SHA-256 {sha256}); it can be undone from the case’s import log.',
  'import.cli.nothing-imported':
    'nothing from {fileName} was imported: {rejected, plural, one {# row was} other {# rows were}} rejected{duplicates, plural, =0 {} one { and # was left out as matching} other { and # were left out as matching}}.',
  'import.cli.failed': 'Import failed: {message}',
} as const;
