/**
 * English sentences of review flags (branch outside, issue 11): doubts a seizure was stored with
 * (shared/domain/seizure.ts `reviewFlagSchema`), shown in the seizure table, the detail, the map
 * and its history until a member marks the seizure as reviewed.
 */
export const reviewFlagMessages = {
  'ui.case.activity.seizure-review': 'marked {seizure} as reviewed (its review flags were cleared)',
  'review.flag.outside-country': 'The point lay {km, number} km outside {country}, the seizing country, when it was imported',
  'review.flag.commodity-from-label':
    'The commodity was read from the feature’s “{label}” (its label) because the file gave no commodity: check that it names what was seized',
  'review.flag.raised-by': 'flagged by the import of {date}',
  'ui.review.badge': 'Flagged for review',
  'ui.review.filter': 'Flagged for review',
  'ui.review.filter-aria': 'Show only the seizures flagged for review',
  'ui.review.title': 'Flagged for review',
  'ui.review.location-checked': 'Location checked',
  'ui.review.mark-reviewed': 'Mark as reviewed',
  'ui.review.reviewing': 'Saving…',
  'ui.review.explain': 'The flag stays until a member marks it as reviewed; the history keeps it. Editing the location does not clear it.',
  'ui.case.field.reviewFlags': 'review flags',
  'ui.import.target-reviewFlags': 'Review flags (from a NEST Desk export)',
  'import.commodity-from-label': 'the commodity was read from the feature’s label “{label}” (the file has no commodity data): imported and flagged for review',
  'import.fix.commodity-from-label': 'add a commodity field (ExtendedData “commodity”) to the file, or check the seizure after the import and mark it as reviewed',
  'import.review-flags-unreadable': 'not review flags as NEST Desk exports them (a JSON list of flags)',
} as const;
