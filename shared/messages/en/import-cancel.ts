/**
 * English sentences of stopping an import (issue 11: Cancel really cancels): the abort's errors,
 * the dialog's confirmation and final state, the import log's "stopped" status, the history
 * sentence of an "import.cancel" audit entry, and the CLI's Ctrl-C.
 */
export const importCancelMessages = {
  'import.id-in-use': 'An import with id {importId} is already running; start each import with a new id',
  'import.cancelled-nothing-written': 'The import of {fileName} was stopped before anything was written: the case is as it was',
  'ui.case.activity.import-cancel': 'stopped the import of {source} ({count, plural, one {# seizure was} other {# seizures were}} written before the stop)',
  'ui.imports.cancelled': 'Stopped: {written, plural, one {# seizure} other {# seizures}} of {planned, number} written',
  'ui.import.stop-title': 'Stop the import?',
  'ui.import.stop-text':
    '{done, number} of {total, plural, one {# row is} other {# rows are}} written. The import stops after the part being written now. What is written stays in the case, logged as a stopped import; you then choose to undo it or keep it.',
  'ui.import.stop-text-starting': 'The rows are being written. The import stops after the part being written now. What is written stays in the case, logged as a stopped import; you then choose to undo it or keep it.',
  'ui.import.stop-confirm': 'Stop the import',
  'ui.import.stop-continue': 'Keep importing',
  'ui.import.stopping': 'Stopping… the part being written now is finished first.',
  'ui.import.stopping-busy': 'Stopping…',
  'ui.import.stopped-title': 'Import stopped',
  'ui.import.stopped-text':
    '{written, plural, one {# seizure} other {# seizures}} of {planned, number} were written before the import stopped. They are in the case, and the import log lists them as a stopped import. Undo them as one step, or keep them (you can still undo them later from the import log).',
  'ui.import.stopped-undo': 'Undo {count, plural, one {this seizure} other {these # seizures}}',
  'ui.import.stopped-keep': 'Keep them',
  'ui.import.stopped-kept': 'Kept: {count, plural, one {# seizure} other {# seizures}} from {fileName}, listed as a stopped import in the import log.',
  'import.cli.stopping': 'Stopping at the next safe point; the part being written now is finished first…',
  'import.cli.stopped':
    'Stopped: {written, plural, one {# seizure} other {# seizures}} of {planned, number} from {fileName} were written and stay in the case, logged as stopped import {batchId}. To undo them as one step: npm run import -- --undo {batchId} --workspace {workspace} --case {caseNumber} (or "Undo import" in the case’s import log).',
  'import.cli.stopped-through': 'Written: every good row of the file up to {format, select, kml {placemark} gpx {waypoint} geojson {feature} other {line}} {line, number}, none after it. To import the rest, run the same command again with --allow-reimport: the rows already written match and are left out.',
  'import.cli.stop-too-late':
    'Ctrl-C came too late to stop: the import had already written its last part. {count, plural, one {# seizure was} other {# seizures were}} imported, logged as import {batchId}. To undo it as one step: npm run import -- --undo {batchId} --workspace {workspace} --case {caseNumber} (or "Undo import" in the case’s import log).',
  'import.cli.undone':
    'Undid import {batchId}: {which, select, routes {{routes, plural, one {# route} other {# routes}} removed} both {{count, plural, one {# seizure} other {# seizures}} marked deleted, {routes, plural, one {# route} other {# routes}} removed} other {{count, plural, one {# seizure} other {# seizures}} marked deleted}}.',
} as const;
