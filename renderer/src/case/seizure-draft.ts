/**
 * The seizure form's draft: what the user typed, as text where numbers and lists are typed,
 * and its conversion to {@link SeizureFields} with one message per bad field — parse errors
 * first ("must be a number"), then the shared zod schemas (per field and cross-field).
 */
import { seizureFieldSchemas, seizureFieldsSchema, type SeizureFields } from '../../../shared/domain/seizure';
import type { CitesAppendix, ConcealmentMethod, DetectionMethod, LocationPrecision, QuantityUnit, TransportMode } from '../../../shared/domain/codes';
import { parseDecimal, numberText } from '../forms/parse';
import { sentence, zodFieldErrors, type FieldErrors } from '../forms/issues';
import { t } from '../../../shared/messages';

/** Fields that may be "not stated": null when stored, '' in a select. */
type Nullable = 'citesAppendix' | 'unit' | 'locationPrecision' | 'transportMode' | 'detectionMethod' | 'concealmentMethod';

/** Form state: numbers and the agency list as typed text; a select with nothing chosen is ''. */
export type SeizureDraft = Omit<SeizureFields, 'latitude' | 'longitude' | 'quantity' | 'reportedValue' | 'reportedCurrency' | 'seizingAgencies' | Nullable> & {
  latitude: string;
  longitude: string;
  quantity: string;
  reportedValue: string;
  reportedCurrency: string;
  seizingAgencies: string;
  citesAppendix: CitesAppendix | '';
  unit: QuantityUnit | '';
  locationPrecision: LocationPrecision | '';
  transportMode: TransportMode | '';
  detectionMethod: DetectionMethod | '';
  concealmentMethod: ConcealmentMethod | '';
};


/** A draft from stored fields. */
export function toDraft(f: SeizureFields): SeizureDraft {
  return {
    ...f,
    latitude: numberText(f.latitude),
    longitude: numberText(f.longitude),
    quantity: numberText(f.quantity),
    reportedValue: numberText(f.reportedValue),
    reportedCurrency: f.reportedCurrency ?? '',
    seizingAgencies: f.seizingAgencies.join('; '),
    citesAppendix: f.citesAppendix ?? '',
    unit: f.unit ?? '',
    locationPrecision: f.locationPrecision ?? '',
    transportMode: f.transportMode ?? '',
    detectionMethod: f.detectionMethod ?? '',
    concealmentMethod: f.concealmentMethod ?? '',
  };
}

const EXAMPLES: Record<string, string> = { latitude: '1.274', longitude: '103.764', quantity: '11.9', reportedValue: '48600000' };

/** The message of an empty seizing country (the schema's "must be an ISO 3166-1 alpha-2 code" reads oddly for nothing chosen). */
export const COUNTRY_REQUIRED = (): string => t('ui.case.form.country-required');

/** True when two draft values are the same (lists compared by content). */
export function sameDraftValue(a: unknown, b: unknown): boolean {
  return Array.isArray(a) || Array.isArray(b) ? JSON.stringify(a) === JSON.stringify(b) : a === b;
}

/**
 * Converts one draft field to its stored value.
 * @returns the value, or a message when it cannot be parsed.
 */
function convert(key: keyof SeizureDraft, d: SeizureDraft): { value: unknown } | { message: string } {
  switch (key) {
    case 'latitude':
    case 'longitude':
    case 'quantity':
    case 'reportedValue': {
      const r = parseDecimal(d[key], EXAMPLES[key]);
      return r.ok ? { value: r.value } : { message: r.message };
    }
    case 'reportedCurrency':
      return { value: d.reportedCurrency.trim() ? d.reportedCurrency.trim().toUpperCase() : null };
    case 'seizingAgencies':
      return {
        value: d.seizingAgencies
          .split(';')
          .map((s) => s.trim())
          .filter(Boolean),
      };
    case 'citesAppendix':
    case 'unit':
    case 'locationPrecision':
    case 'transportMode':
    case 'detectionMethod':
    case 'concealmentMethod':
      return { value: d[key] || null };
    case 'country':
      return d.country.trim() ? { value: d.country } : { message: COUNTRY_REQUIRED() };
    default:
      return { value: d[key] };
  }
}

/** The message for one field of the draft (parse + field schema), or undefined when valid. */
export function checkDraftField(key: keyof SeizureDraft, d: SeizureDraft): string | undefined {
  const c = convert(key, d);
  if ('message' in c) return c.message;
  const r = seizureFieldSchemas[key].safeParse(c.value);
  return r.success ? undefined : sentence(r.error.issues[0]?.message ?? t('ui.case.form.not-valid'));
}

/** Validates the whole draft: the fields, or one message per bad field. */
export function draftToFields(d: SeizureDraft): { ok: true; fields: SeizureFields } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(seizureFieldSchemas) as (keyof SeizureDraft)[]) {
    const c = convert(key, d);
    if ('message' in c) errors[key] = c.message;
    else raw[key] = c.value;
  }
  const r = seizureFieldsSchema.safeParse({ ...raw, ...Object.fromEntries(Object.keys(errors).map((k) => [k, null])) });
  if (!r.success) for (const [k, m] of Object.entries(zodFieldErrors(r.error.issues))) errors[k] ??= m;
  if (Object.keys(errors).length) return { ok: false, errors };
  return r.success ? { ok: true, fields: r.data } : { ok: false, errors };
}
