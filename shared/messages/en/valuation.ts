/**
 * English messages of the valuation service (`valuation.*`): refusals of ECB files and cases, and
 * the counted sentences of the methodology statement (ICU plurals, never `n === 1 ? … : …`).
 */
export const valuationMessages = {
  'valuation.case-not-found': 'case {caseId} does not exist in this workspace',
  'valuation.ecb-not-text': '{file}: not a text file (the ECB file is plain ASCII)',
  'valuation.ecb-date-in-future': '{file}: line 2, Date: {date} is in the future: not an ECB rate',
  'valuation.ecb-date-in-future-field': '{date} is in the future: not an ECB rate',
  'valuation.ecb-file-not-found': 'imported ECB file {id} does not exist',
  'valuation.imported-ecb-files':
    ', including {count, plural, one {# newer file} other {# newer files}} imported into this workspace',
  'valuation.network-cases':
    'This network estimate takes together {valued, number} of the workspace’s {count, plural, one {# case} other {# cases}} that have valued seizures; a seizure is counted once.',
  'valuation.not-valued':
    'No price was assigned to {count, plural, one {# seizure, which is} other {# seizures, which are}} not part of the estimate: {names}.',
  'valuation.price-n-of-m': 'Price {n, number} of {count, number}: {text}',
} as const;
