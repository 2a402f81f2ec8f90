/**
 * English sentences of import batches (issue 11, item 3): the import log of a case, undoing an
 * import, re-imports and duplicate rows, and the seizure table's bulk actions.
 */
export const importBatchMessages = {
  'import.batch-not-found': 'No import {id} in this case',
  'import.batch-already-undone': 'The import of {fileName} has already been undone',
  'import.already-imported':
    '{fileName} was already imported into this case by {by} on {at} ({count, plural, one {# seizure} other {# seizures}}). Undo that import first, or import again on purpose',
  // The command line's sentence: the same facts and its one fix (the app's ends in "import again on purpose", its button).
  'import.already-imported-cli':
    '{fileName} was already imported into this case by {by} on {at} ({count, plural, one {# seizure} other {# seizures}}). To import it again on purpose, add --allow-reimport',
  'import.warning.duplicates':
    '{count, plural, one {# row matches} other {# rows match}} a seizure already in this case or an earlier row of the file (same date, place, commodity and quantity)',
  'import.new-case-nothing-imported': 'Nothing in {fileName} can be imported, so case "{title}" was not created: {rejected, plural, =0 {the file has no seizure rows, or every row repeats an earlier one (repeated rows are left out unless you keep duplicates).} one {its one row was rejected. Fix it as the report says and import again.} other {all # rows were rejected. Fix the rows the report names and import again.}}',
  'import.warning.duplicates-unchecked':
    'Matching rows were not looked for in {count, plural, one {volume {volumes}} other {volumes {volumes}}} of this case: {count, plural, one {it has} other {they have}} not arrived on this computer yet. Sync, then preview again to check every seizure',
  'import.warning.duplicates-skipped': '{count, plural, one {# matching row was} other {# matching rows were}} left out',
  'import.warning.routes-skipped': '{count, plural, one {# route is} other {# routes are}} already in this case (same kind and points) and {count, plural, one {was} other {were}} left out',
  'ui.import.report-duplicates-left-out': '{count, plural, one {# row repeats} other {# rows repeat}} a seizure already in the case or an earlier row and {count, plural, one {was} other {were}} left out.',
  'import.cli.duplicates-more': 'and {count, plural, one {# more matching row} other {# more matching rows}}, not listed',
  'import.duplicate-what': '{commodity}{quantity, select, none {} other {, {quantity}}}, {date}{place, select, none {} other {, {place}}}',
  'seizures.bulk-none': 'No seizures chosen',
  // "Select all shown" is resolved when the action runs; a peer's edit in between changes what it holds (tester finding F4, session 27).
  'seizures.selection-changed':
    'The list changed since you selected: {count, plural, one {# seizure matches} other {# seizures match}} your selection now, not {expected, number}. Nothing was changed; check the list and try again.',
  'seizures.move-same-case': 'The seizures are already in that case',
  // History sentences (renderer/src/case/activity-sentence.ts), after the member's name.
  'ui.case.activity.import-undo': 'undid the import of {source} ({count, plural, one {# record} other {# records}} marked deleted)',
  'ui.case.activity.seizure-move-in': 'moved {seizure} here from {from}',
  'ui.case.activity.seizure-move-out': 'moved {seizure} to {to}',
  // The renderer's import log and bulk actions.
  'ui.imports.open': 'Import log',
  'ui.imports.title': 'Import log',
  'ui.imports.intro': 'Every file imported into this case, who imported it and what it brought in. Undoing an import marks its seizures deleted; they stay in the case’s history.',
  'ui.imports.label': 'Imports of this case',
  'ui.imports.empty': 'No file has been imported into this case yet.',
  'ui.imports.col-file': 'File',
  'ui.imports.col-when': 'Imported',
  'ui.imports.col-by': 'By',
  'ui.imports.col-counts': 'Brought in',
  'ui.imports.col-status': 'Status',
  'ui.imports.counts':
    '{seizures, plural, one {# seizure} other {# seizures}}{routes, plural, =0 {} one {, # route} other {, # routes}}{rejected, plural, =0 {} one {; # row refused} other {; # rows refused}}{skipped, plural, =0 {} one {; # duplicate left out} other {; # duplicates left out}}',
  'ui.imports.hash': 'SHA-256 {hash}',
  'ui.imports.live': 'In the case',
  'ui.imports.undone': 'Undone by {by} on {at}',
  'ui.imports.undo': 'Undo import',
  'ui.imports.undo-aria': 'Undo the import of {fileName}',
  'ui.imports.undo-title': 'Undo this import?',
  'ui.imports.undo-text':
    '{count, plural, =0 {No seizure from {fileName} is still in the case: undoing only records the undo in the import log.} one {The one seizure from {fileName} still in the case will be marked deleted. It stays in the case’s history and the import log says who undid it.} other {The # seizures from {fileName} still in the case will be marked deleted, as one step. They stay in the case’s history and the import log says who undid it.}}',
  'ui.imports.undo-already-deleted':
    '{count, plural, one {# other seizure from this file was} other {# other seizures from this file were}} already deleted after the import; the undo leaves {count, plural, one {it} other {them}} as {count, plural, one {it is} other {they are}}.',
  // Moved seizures live on in the other case: the undo does not reach them (tester finding F5, session 27).
  'ui.imports.undo-moved':
    '{count, plural, one {# other seizure from this file was} other {# other seizures from this file were}} moved to case {caseNumber} after the import; the undo leaves {count, plural, one {it} other {them}} there.',
  'ui.imports.undo-counting': 'Counting the seizures this undo would mark deleted…',
  'ui.imports.undo-edited': '{count, plural, one {One of them has} other {# of them have}} been edited since the import; those edits stay in the field history.',
  'ui.imports.undo-held': 'Undoing more than {threshold} seizures is a mass deletion: unless you are an admin, the relay holds it until an admin approves it.',
  'ui.imports.undo-confirm': 'Undo import',
  // On the undo button while the service undoes (seconds for a 20k import: tester4, issue 11).
  'ui.imports.undoing': 'Undoing…',
  'ui.imports.undone-toast': '{count, plural, one {# seizure} other {# seizures}} from {fileName} marked deleted',
  'ui.import.reimport-title': 'This file is already in the case',
  'ui.import.reimport-text': 'Imported by {by} on {at} ({count, plural, one {# seizure} other {# seizures}}). Importing it again would add its rows a second time.',
  'ui.import.reimport-allow': 'Import this file again anyway',
  'ui.import.tlp-title': 'This file is marked TLP:{fileTlp}, stricter than the case',
  'ui.import.tlp-accept': 'Import it into {caseNumber} anyway; its rows will be shared as the case’s TLP',
  'ui.import.duplicates-title': '{count, plural, one {# row looks} other {# rows look}} like seizures already in the case',
  'ui.import.duplicates-line': '{format, select, kml {Placemark} gpx {Waypoint} geojson {Feature} other {Line}} {line}: same date, place, commodity and quantity as {what}',
  'ui.import.duplicates-earlier': '{format, select, kml {Placemark {line}: same as placemark {earlier}} gpx {Waypoint {line}: same as waypoint {earlier}} geojson {Feature {line}: same as feature {earlier}} other {Line {line}: same as line {earlier}}} of this file',
  'ui.import.duplicates-more': '{count, plural, one {and # more} other {and # more}}',
  'ui.import.duplicates-skip': 'Leave out the matching rows',
  'ui.seizures.select-all': 'Select all shown seizures',
  'ui.seizures.select-one': 'Select {commodity} of {date}',
  'ui.seizures.selected': '{count, plural, one {# seizure selected} other {# seizures selected}}',
  'ui.seizures.bulk-clear': 'Clear selection',
  'ui.seizures.bulk-delete': 'Delete',
  'ui.seizures.bulk-set': 'Set a field',
  'ui.seizures.bulk-move': 'Move to case',
  // On a moved seizure's row until the table no longer holds it (tester4, issue 11).
  'ui.seizures.moving': 'Moving…',
  'ui.seizures.bulk-delete-title': 'Delete {count, plural, one {# seizure} other {# seizures}}?',
  'ui.seizures.bulk-delete-text': 'They are marked deleted, as one step; each stays in the case’s history.',
  'ui.seizures.bulk-deleted': '{count, plural, one {# seizure} other {# seizures}} deleted',
  'ui.seizures.bulk-set-title': 'Set a field of {count, plural, one {# seizure} other {# seizures}}',
  'ui.seizures.bulk-set-field': 'Field',
  'ui.seizures.bulk-set-value': 'New value',
  'ui.seizures.bulk-set-submit': 'Set',
  'ui.seizures.bulk-set-done': '{field} set on {count, plural, one {# seizure} other {# seizures}}',
  'ui.seizures.bulk-set-unchanged': 'Nothing changed: every chosen seizure already has that value',
  'ui.seizures.bulk-move-title': 'Move {count, plural, one {# seizure} other {# seizures}} to another case',
  'ui.seizures.bulk-move-case': 'Case',
  'ui.seizures.bulk-move-text': 'Each is copied into the chosen case with its source noted, and marked deleted here: both cases’ histories say where it went.',
  'ui.seizures.bulk-move-submit': 'Move',
  'ui.seizures.bulk-moved': '{count, plural, one {# seizure} other {# seizures}} moved to {number}',
  'ui.seizures.case-option': '{number} — {title}',
  'ui.seizures.bulk-move-none': 'There is no other case you may add seizures to.',
} as const;
