/**
 * A seizure's short title for dialogs and notices: its commodity, with the species in brackets
 * when recorded ("elephant ivory (Loxodonta africana)").
 */
import type { Seizure } from '../../../shared/domain/seizure';
import { t } from '../../../shared/messages';

/** "commodity (taxon)", or the commodity alone. */
export function seizureTitle(s: Pick<Seizure, 'commodity' | 'taxon'>): string {
  return t('ui.case.seizure-title', { commodity: s.commodity, hasTaxon: s.taxon ? 'yes' : 'no', taxon: s.taxon });
}
