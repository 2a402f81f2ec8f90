/**
 * A seizure's short title for dialogs and notices: its commodity, with the species in brackets
 * when recorded ("elephant ivory (Loxodonta africana)"); and its one-line summary for pickers.
 */
import type { DatePrecision, QuantityUnit } from '../../../shared/domain/codes';
import type { Seizure } from '../../../shared/domain/seizure';
import { t } from '../../../shared/messages';
import { countryLabel } from '../format/countries';
import { formatSeizureDate } from '../format/dates';
import { formatQuantity } from '../format/numbers';

/** "commodity (taxon)", or the commodity alone. */
export function seizureTitle(s: Pick<Seizure, 'commodity' | 'taxon'>): string {
  return t('ui.case.seizure-title', { commodity: s.commodity, hasTaxon: s.taxon ? 'yes' : 'no', taxon: s.taxon });
}

/** What {@link seizureSummary} reads: fields a whole `Seizure` and a projection `SeizureRow` both have. */
export interface SeizureSummaryFields {
  commodity: string;
  taxon: string;
  quantity: number | null;
  unit: QuantityUnit | null;
  seizureDate: string;
  datePrecision: DatePrecision;
  place: string;
  country: string;
}

/**
 * "Ivory (Loxodonta africana) · 120 kg · 3 Mar 2021 · Mombasa, Kenya": the title, then
 * {@link seizureFacts}. The one label of a seizure in pickers, whether it came from the replica,
 * `seizures.page` or `seizures.get`.
 */
export function seizureSummary(s: SeizureSummaryFields): string {
  return t('ui.seizure-picker.summary', { title: seizureTitle(s), facts: seizureFacts(s) });
}

/**
 * "120 kg · 3 Mar 2021 · Mombasa, Kenya": quantity with its unit ("—" when not reported), date at
 * its precision, place and seizing country ("—" for an invalid code, never a guess).
 */
export function seizureFacts(s: SeizureSummaryFields): string {
  return t('ui.seizure-picker.facts', {
    quantity: formatQuantity(s.quantity, s.unit),
    date: formatSeizureDate(s.seizureDate, s.datePrecision),
    hasPlace: s.place ? 'yes' : 'no',
    place: s.place,
    country: countryLabel(s.country),
  });
}
