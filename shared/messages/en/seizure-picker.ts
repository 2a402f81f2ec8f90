/**
 * English messages of the seizure picker (`ui.seizure-picker.*`): the combobox the exhibit form,
 * the link form and "Assign a price" use to find a seizure anywhere in the case, volumes included.
 */
export const seizurePickerMessages = {
  'ui.seizure-picker.summary': '{title} · {facts}',
  'ui.seizure-picker.facts': '{quantity} · {date} · {hasPlace, select, yes {{place}, {country}} other {{country}}}',
  'ui.seizure-picker.placeholder': 'Type a commodity, species, place or country…',
  'ui.seizure-picker.results': 'Seizures of case {caseNumber}',
  'ui.seizure-picker.searching': 'Searching the whole case…',
  'ui.seizure-picker.failed': 'The search failed: {reason}',
  'ui.seizure-picker.count': '{count, plural, =0 {No seizure of {caseNumber} matches} one {# seizure of {caseNumber} matches} other {# seizures of {caseNumber} match}}',
  'ui.seizure-picker.first-shown': '{count, plural, one {Showing the first seizure only: type more to narrow} other {Showing the first #: type more to narrow}}',
  'ui.seizure-picker.looking-up': 'Looking the seizure up…',
  'ui.seizure-picker.missing': 'A seizure that is no longer in this case',
  'ui.seizure-picker.choose': 'Choose a seizure…',
  'ui.seizure-picker.link-kind': 'Link to',
  'ui.seizure-picker.link-kind.entity': 'An entity',
  'ui.seizure-picker.link-kind.seizure': 'A seizure',
  'ui.seizure-picker.bulk-more': '{shown, plural, one {Showing the first seizure of {total}: type more words or choose a sector to narrow} other {Showing the first # of {total}: type more words or choose a sector to narrow}}',
} as const;
