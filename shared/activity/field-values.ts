/**
 * Field names and values as history sentences word them (the case screen's activity log, field
 * history and concurrent-edit notice; the case report's history excerpt): "quantity", "8.8",
 * "“Pasir Panjang”", "Singapore", "Under investigation". Values come from the audit log, so they
 * may be of any JSON shape; a value of an unexpected shape is shown as its JSON text, never thrown
 * on. Numbers and dates in the current locale; dates "15 Jan 2026" (`medium`, the screens) or
 * "15 January 2026" (`long`, the report's one date style).
 */
import { CASE_STATUS_LABELS, CRIME_SECTOR_LABELS, QUANTITY_UNIT_LABELS } from '../domain/codes';
import { countryName } from '../domain/iso';
import { DATE_PRECISION_LABEL_IDS, LOCATION_PRECISION_LABEL_IDS } from '../domain/precision-labels';
import { currentLocale, isMessageId, t, type MessageId } from '../messages';

/** How dates inside history sentences are written. */
export type DateStyle = 'medium' | 'long';

/** Catalogue ids of coded fields' values. */
const CODE_IDS: Record<string, Readonly<Record<string, MessageId>>> = {
  datePrecision: DATE_PRECISION_LABEL_IDS,
  locationPrecision: LOCATION_PRECISION_LABEL_IDS,
};

/** Labels of coded fields' values (shown unquoted). */
const CODE_LABELS: Record<string, Readonly<Record<string, string>>> = {
  status: CASE_STATUS_LABELS,
  sector: CRIME_SECTOR_LABELS,
  unit: QUANTITY_UNIT_LABELS,
};

/** The label of `code` for a coded `field`, or null when the field is not coded or the code unknown. */
function codeLabel(field: string, code: string): string | null {
  const id = CODE_IDS[field]?.[code];
  if (id) return t(id);
  return CODE_LABELS[field]?.[code] ?? null;
}

/** A YYYY-MM-DD date in the locale ("15 Jan 2026" / "15 January 2026"); other text as it is. */
function dateText(iso: string, style: DateStyle): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (Number.isNaN(d.getTime()) || d.getUTCDate() !== Number(m[3])) return iso;
  return new Intl.DateTimeFormat(currentLocale(), { day: 'numeric', month: style === 'long' ? 'long' : 'short', year: 'numeric', timeZone: 'UTC' }).format(d);
}

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
function plain(field: string, v: unknown, style: DateStyle): string {
  if (typeof v === 'number') return new Intl.NumberFormat(currentLocale(), { maximumFractionDigits: 6 }).format(v);
  if (typeof v === 'boolean') return t(v ? 'ui.case.value.yes' : 'ui.case.value.no');
  if (typeof v === 'string') {
    if (COUNTRY_FIELDS.has(field)) return countryName(v);
    if (DATE_FIELDS.has(field)) return dateText(v, style);
    return codeLabel(field, v) ?? v;
  }
  return JSON.stringify(v) ?? '';
}

/**
 * A field's value as a sentence shows it: "(empty)" for nothing, free text in curly quotes (with
 * "…" when the log cut it), numbers in the locale, codes by their label, countries by name, lists
 * joined ("Singapore, Viet Nam").
 */
export function formatAuditValue(field: string, value: unknown, cut = false, style: DateStyle = 'medium'): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return t('ui.case.value.empty');
  if (Array.isArray(value)) return new Intl.ListFormat(currentLocale(), { type: 'unit' }).format(value.map((v) => plain(field, v, style)));
  if (typeof value === 'string' && !COUNTRY_FIELDS.has(field) && !DATE_FIELDS.has(field) && !CODE_LABELS[field] && !CODE_IDS[field] && !PLAIN_FIELDS.has(field)) {
    return t(cut ? 'ui.case.value.cut' : 'ui.case.value.text', { text: value });
  }
  return plain(field, value, style);
}
