/**
 * English sentences of deleted seizures and their restore (branch undel): the "Deleted" list of a
 * case's seizures (renderer/src/case/deleted-seizures-dialog.tsx), the restore's refusals
 * (shared/docs/case-seizures-restore.ts) and its history sentence.
 */
export const deletedSeizureMessages = {
  'seizure.restore-not-deleted': 'Seizure {id} is not deleted: there is nothing to restore',
  'seizure.restore-moved': 'Seizure {id} was moved to case {to}; it is in that case, not deleted',
  'ui.case.activity.seizure-restore-deleted': 'restored the deleted {seizure}',
  'ui.deleted.open': 'Deleted',
  'ui.deleted.open-aria': 'Show the deleted seizures of this case',
  'ui.deleted.title': 'Deleted seizures',
  'ui.deleted.intro': 'Seizures deleted from this case, newest first: who deleted them, when and why. Restoring one puts it back in the table, map and counts; its deletion stays in the history.',
  'ui.deleted.label': 'Deleted seizures of this case',
  'ui.deleted.empty': 'No seizure of this case is deleted.',
  'ui.deleted.loading': 'Loading the deleted seizures…',
  'ui.deleted.load-failed': 'The deleted seizures could not be loaded',
  'ui.deleted.count': '{count, plural, one {# deleted seizure} other {# deleted seizures}}',
  'ui.deleted.shown': 'Showing {shown} of {count, plural, one {# deleted seizure} other {# deleted seizures}}',
  'ui.deleted.previous': 'Previous',
  'ui.deleted.next': 'Next',
  'ui.deleted.col-seizure': 'Seizure',
  'ui.deleted.col-deleted': 'Deleted',
  'ui.deleted.col-why': 'How',
  'ui.deleted.why-delete': 'Deleted by {by}',
  'ui.deleted.why-bulk': 'Deleted by {by} with {others, plural, one {# other seizure} other {# other seizures}}',
  'ui.deleted.why-import-undo': 'Import undone by {by}: {fileName}',
  'ui.deleted.why-unrecorded': 'No record of who deleted it (marked deleted; last stamped by {by})',
  'ui.deleted.restore': 'Restore',
  'ui.deleted.restore-aria': 'Restore {commodity} of {date}',
  'ui.deleted.restore-selected': '{count, plural, one {Restore # seizure} other {Restore # seizures}}',
  'ui.deleted.select-all': 'Select all shown deleted seizures',
  'ui.deleted.select-one': 'Select {commodity} of {date}',
  'ui.deleted.restored-toast': '{count, plural, one {# seizure restored} other {# seizures restored}}',
  'ui.deleted.close': 'Close',
} as const;
