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
  'review.flag.country-from-location':
    'The file gave no seizing country: {country} is where the point lies, taken as the seizing country. Check that the seizure was made there',
  'review.flag.appendix-differs':
    'The record declares CITES Appendix {declared}, but the bundled species list (appendices valid from {validFrom}) gives {taxon} Appendix {listed}: check which is right in Species+',
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
  'import.appendix-differs': 'CITES Appendix {declared} is declared, but the bundled species list gives {taxon} Appendix {listed}: {stage, select, preview {will be imported and flagged for review} other {imported and flagged for review}}',
  'import.fix.appendix-differs': 'check the appendix for this taxon in Species+ (speciesplus.net) and correct the file or the seizure',
  'import.commodity-from-label': 'the commodity was read from the feature’s label “{label}” (the file has no commodity data): {stage, select, preview {will be imported and flagged for review} other {imported and flagged for review}}',
  'import.country-from-location':
    'no seizing country in the file: {country} is where the point lies; {stage, select, preview {will be imported with it and flagged for review} other {imported with it and flagged for review}}',
  'import.fix.country-from-location': 'add a seizing-country column (e.g. country_iso2) to the file, or check the seizure after the import and mark it as reviewed',
  'import.fix.notes-too-long':
    'the notes of this row come to {length, number} characters, more than the {max, number} a seizure holds: shorten the cell (or the columns that go to notes) in the file, or keep the long text as a document attached to the case, and import again',
  'import.fix.commodity-from-label':
    '{format, select, gpx {GPX has no data fields: write the commodity in each waypoint’s <type> element and map the “type” column to Commodity in the import dialog} geojson {add a “commodity” property to the features} other {add a commodity field (ExtendedData “commodity”) to the placemarks}}, or check the seizure after the import and mark it as reviewed',
  'import.review-flags-unreadable': 'not review flags as NEST Desk exports them (a JSON list of flags)',
} as const;
