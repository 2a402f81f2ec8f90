/**
 * Field names and values as the case screen words them inside sentences (activity log, field
 * history, the concurrent-edit notice): "quantity", "8.8", "“Pasir Panjang”", "Singapore",
 * "Under investigation". Values come from the audit log, so they may be of any JSON shape; a value
 * of an unexpected shape is shown as its JSON text, never thrown on.
 */
import { CASE_STATUS_LABELS, CRIME_SECTOR_LABELS, QUANTITY_UNIT_LABELS } from '../../../shared/domain/codes';
import { countryName } from '../../../shared/domain/iso';
import { currentLocale, isMessageId, t } from '../../../shared/messages';
import { DATE_PRECISION_LABELS, LOCATION_PRECISION_LABELS } from '../domain/labels';
import { formatIsoDate } from '../format/dates';
import { formatNumber } from '../format/numbers';

/** Labels of coded fields' values (shown unquoted). */
const CODE_LABELS: Record<string, Record<string, string>> = {
  status: CASE_STATUS_LABELS,
  sector: CRIME_SECTOR_LABELS,
  unit: QUANTITY_UNIT_LABELS,
  datePrecision: DATE_PRECISION_LABELS,
  locationPrecision: LOCATION_PRECISION_LABELS,
};

/** Fields holding ISO 3166-1 codes (one or a list), shown by country name. */
const COUNTRY_FIELDS = new Set(['country', 'jurisdictions', 'originCountries', 'transitCountries', 'destinationCountries', 'flag', 'jurisdiction', 'nationalities']);

/** Fields holding YYYY-MM-DD dates. */
const DATE_FIELDS = new Set(['seizureDate', 'openedOn']);

/** Fields whose text is a code or marking, shown unquoted. */
const PLAIN_FIELDS = new Set(['tlp', 'reportedCurrency', 'citesAppendix']);

/** The field's name in a sentence ("quantity", "lead agency"); an unknown field's camelCase name spelt out. */
export function fieldName(field: string): string {
  const id = `ui.case.field.${field}`;
  return isMessageId(id) ? t(id) : field.replace(/([A-Z])/g, ' $1').toLowerCase();
}

/** One value of a field as text, without quotes. */
function plain(field: string, v: unknown): string {
  if (typeof v === 'number') return formatNumber(v, 6);
  if (typeof v === 'boolean') return t(v ? 'ui.case.value.yes' : 'ui.case.value.no');
  if (typeof v === 'string') {
    if (COUNTRY_FIELDS.has(field)) return countryName(v);
    if (DATE_FIELDS.has(field)) return formatIsoDate(v);
    return CODE_LABELS[field]?.[v] ?? v;
  }
  return JSON.stringify(v) ?? '';
}

/**
 * A field's value as a sentence shows it: "(empty)" for nothing, free text in curly quotes (with
 * "…" when the log cut it), numbers in the locale, codes by their label, countries by name, lists
 * joined ("Singapore, Viet Nam").
 */
export function formatAuditValue(field: string, value: unknown, cut = false): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return t('ui.case.value.empty');
  if (Array.isArray(value)) return new Intl.ListFormat(currentLocale(), { type: 'unit' }).format(value.map((v) => plain(field, v)));
  if (typeof value === 'string' && !COUNTRY_FIELDS.has(field) && !DATE_FIELDS.has(field) && !CODE_LABELS[field] && !PLAIN_FIELDS.has(field)) {
    return t(cut ? 'ui.case.value.cut' : 'ui.case.value.text', { text: value });
  }
  return plain(field, value);
}
