/**
 * The labels of exhibit types and statuses, from the catalogue.
 */
import type { ExhibitStatus, ExhibitType } from '../../../shared/domain/exhibit';
import { t, type MessageId } from '../../../shared/messages';

const TYPE_TEXT: Record<ExhibitType, MessageId> = {
  'physical-item': 'ui.exhibits.type.physical-item',
  sample: 'ui.exhibits.type.sample',
  document: 'ui.exhibits.type.document',
  'digital-file': 'ui.exhibits.type.digital-file',
  photograph: 'ui.exhibits.type.photograph',
};
const STATUS_TEXT: Record<ExhibitStatus, MessageId> = {
  'in-custody': 'ui.exhibits.status.in-custody',
  'at-lab': 'ui.exhibits.status.at-lab',
  returned: 'ui.exhibits.status.returned',
  destroyed: 'ui.exhibits.status.destroyed',
  'disposed-by-court-order': 'ui.exhibits.status.disposed-by-court-order',
};

/** "Photograph", "Sample" … */
export function exhibitTypeLabel(x: ExhibitType): string {
  return t(TYPE_TEXT[x]);
}

/** "In custody", "At the lab" … */
export function exhibitStatusLabel(x: ExhibitStatus): string {
  return t(STATUS_TEXT[x]);
}
