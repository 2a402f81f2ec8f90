/**
 * English messages of exhibits and the chain of custody (`exhibit.*`, `custody.*`, `ui.exhibits.*`).
 */
export const exhibitMessages = {
  'exhibit.file-repeated': 'lists the same file twice',
  'custody.new-seal-required': 'give the new seal number when the seal was not intact',
  'custody.bad-id': '"{id}" is not a custody entry id',
  'custody.correction-unknown': 'The entry to correct ({id}) is not in this exhibit’s custody log',
  'ui.exhibits.type.physical-item': 'Physical item',
  'ui.exhibits.type.sample': 'Sample',
  'ui.exhibits.type.document': 'Document',
  'ui.exhibits.type.digital-file': 'Digital file',
  'ui.exhibits.type.photograph': 'Photograph',
  'ui.exhibits.status.in-custody': 'In custody',
  'ui.exhibits.status.at-lab': 'At the lab',
  'ui.exhibits.status.returned': 'Returned',
  'ui.exhibits.status.destroyed': 'Destroyed',
  'ui.exhibits.status.disposed-by-court-order': 'Disposed of by court order',
  'ui.exhibits.duplicate-number': 'Another exhibit has this number: renumber one of them',
  'ui.exhibits.issue.gap': 'Gap: released by someone other than the last receiver',
  'ui.exhibits.issue.time-inversion': 'Dated before the previous hand-over',
  'ui.exhibits.issue.unknown-correction': 'Corrects an entry that is not in this log',
  'ui.exhibits.issue.holder-mismatch': 'The current holder is not the last receiver',
  'ui.exhibits.issues-count': '{count, plural, =0 {No problems in the chain} one {# problem in the chain} other {# problems in the chain}}',
  'ui.exhibits.entries-count': '{count, plural, =0 {No hand-overs recorded} one {# hand-over} other {# hand-overs}}',
} as const;
