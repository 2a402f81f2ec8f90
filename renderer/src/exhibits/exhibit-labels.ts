/**
 * The labels of exhibit types and statuses, and of an exhibit's linked seizure, from the catalogue.
 */
import type { ExhibitStatus, ExhibitType } from '../../../shared/domain/exhibit';
import { t, type MessageId } from '../../../shared/messages';
import { seizureSummary } from '../case/seizure-title';
import type { SeizureLookup } from '../case/use-seizure-lookup';

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

/**
 * An exhibit's linked seizure in words, from its look-up by id in the projection (case doc and
 * volume docs alike), in the pickers' one label (seizure-title.ts `seizureSummary`); while not answered "Looking the seizure
 * up…" (nothing proven yet); "no longer in this case" only once the service did not find it.
 */
export function exhibitSeizureLabel(seizureId: string | null, lookup: Pick<SeizureLookup, 'rows' | 'pending'>): string {
  if (!seizureId) return t('ui.exhibits.no-seizure');
  const s = lookup.rows.get(seizureId);
  if (s) return seizureSummary(s);
  return lookup.pending ? t('ui.seizure-picker.looking-up') : t('ui.seizure-picker.missing');
}
