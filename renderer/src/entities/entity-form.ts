/**
 * The entity form's logic, without React: which fields each kind shows, a draft of strings as the
 * user types them, its conversion to the kind's fields, and live validation of one field with the
 * same zod schema the case doc applies (so an IMO check digit or an IBAN is refused with the
 * catalogue's reason while typing, not only on save).
 */
import type { z } from 'zod';
import { entityFieldsSchema, type EntityFields, type EntityKind } from '../../../shared/domain/entities';
import { t, type MessageId } from '../../../shared/messages';

/** How a field is edited: a line, lines (a list), comma-separated ISO codes, a date, a number, or long text. */
export type FieldType = 'text' | 'lines' | 'codes' | 'date' | 'number' | 'long';

/** One field of the form: the entity field it edits, how, and whether it is required. */
export interface FormField {
  field: string;
  type: FieldType;
  required?: boolean;
  /** Spans the whole row. */
  wide?: boolean;
}

const NAME: FormField = { field: 'name', type: 'text', required: true, wide: true };
const ALIASES: FormField = { field: 'aliases', type: 'lines', wide: true };
const NOTES: FormField = { field: 'notes', type: 'long', wide: true };

/** The fields each kind shows, in order. Person passports are edited as the `passport`/`passportCountry` pair (the first passport). */
export const FORM_FIELDS: Record<EntityKind, FormField[]> = {
  person: [NAME, ALIASES, { field: 'birthDate', type: 'date' }, { field: 'nationalities', type: 'codes' }, { field: 'passport', type: 'text' }, { field: 'passportCountry', type: 'text' }, NOTES],
  organisation: [NAME, ALIASES, { field: 'registrationNumber', type: 'text' }, { field: 'jurisdiction', type: 'text' }, NOTES],
  vessel: [NAME, ALIASES, { field: 'imo', type: 'text' }, { field: 'mmsi', type: 'text' }, { field: 'flag', type: 'text' }, { field: 'callSign', type: 'text' }, NOTES],
  vehicle: [{ field: 'plate', type: 'text', required: true }, { field: 'country', type: 'text' }, { field: 'description', type: 'text', wide: true }, NOTES],
  aircraft: [{ field: 'registration', type: 'text', required: true }, { field: 'description', type: 'text', wide: true }, NOTES],
  'bank-account': [{ field: 'iban', type: 'text', wide: true }, { field: 'accountNumber', type: 'text' }, { field: 'bank', type: 'text' }, { field: 'holder', type: 'text' }, { field: 'country', type: 'text' }, NOTES],
  'crypto-wallet': [{ field: 'currency', type: 'text', required: true }, { field: 'address', type: 'text', required: true, wide: true }, NOTES],
  phone: [{ field: 'number', type: 'text', required: true }, NOTES],
  email: [{ field: 'address', type: 'text', required: true }, NOTES],
  address: [{ field: 'full', type: 'text', required: true, wide: true }, { field: 'country', type: 'text' }, { field: 'latitude', type: 'number' }, { field: 'longitude', type: 'number' }, NOTES],
};

/** The form's values as typed: field → text. */
export type Draft = Record<string, string>;

/** The label of a form field (catalogue `entity.field.*`; the passport pair has its own). */
export function fieldLabel(field: string): string {
  if (field === 'passport') return t('entity.field.passport');
  if (field === 'passportCountry') return t('entity.field.passport-country');
  return t(`entity.field.${field}` as MessageId);
}

/**
 * A field's label for reading (the detail panel), without the typing hint the form shows in
 * brackets: "Flag (ISO code)" → "Flag", "Aliases (one per line)" → "Aliases".
 */
export function displayLabel(field: string): string {
  return fieldLabel(field).replace(/\s*\([^)]*\)$/, '');
}

/** A draft of `e`'s fields (or an empty one of `kind`). */
export function draftOf(kind: EntityKind, e: EntityFields | null): Draft {
  const d: Draft = {};
  const src = (e ?? {}) as Record<string, unknown>;
  for (const f of FORM_FIELDS[kind]) {
    const v = src[f.field];
    if (f.type === 'lines') d[f.field] = Array.isArray(v) ? v.join('\n') : '';
    else if (f.type === 'codes') d[f.field] = Array.isArray(v) ? v.join(', ') : '';
    else if (f.type === 'number') d[f.field] = typeof v === 'number' ? String(v) : '';
    else d[f.field] = typeof v === 'string' ? v : '';
  }
  if (e?.kind === 'person') {
    const p = e.idDocuments.find((x) => x.type === 'passport');
    d.passport = p?.number ?? '';
    d.passportCountry = p?.country ?? '';
  }
  return d;
}

/** One field's value from its text. */
function valueOf(type: FieldType, text: string): unknown {
  switch (type) {
    case 'lines':
      return text.split('\n').map((s) => s.trim()).filter(Boolean);
    case 'codes':
      return text.split(/[\s,;]+/).map((s) => s.trim().toUpperCase()).filter(Boolean);
    case 'number':
      return text.trim() === '' ? null : Number(text.replace(',', '.'));
    default:
      return text;
  }
}

/**
 * The entity fields of `draft` for `kind` (not yet validated: the case doc validates), keeping the
 * person's other identity documents from `previous`.
 */
export function fieldsOf(kind: EntityKind, draft: Draft, previous: EntityFields | null): Record<string, unknown> {
  const out: Record<string, unknown> = { kind };
  for (const f of FORM_FIELDS[kind]) {
    if (f.field === 'passport' || f.field === 'passportCountry') continue;
    out[f.field] = valueOf(f.type, draft[f.field] ?? '');
  }
  if (kind === 'person') {
    const others = previous?.kind === 'person' ? previous.idDocuments.filter((x) => x.type !== 'passport') : [];
    const number = (draft.passport ?? '').trim();
    out.idDocuments = number ? [{ type: 'passport', number, country: (draft.passportCountry ?? '').trim().toUpperCase() }, ...others] : others;
  }
  return out;
}

/** The per-kind object schema of the entity union. */
function shapeOf(kind: EntityKind): Record<string, z.ZodType> {
  const opt = entityFieldsSchema.options.find((o) => o.shape.kind.value === kind)!;
  return opt.shape as unknown as Record<string, z.ZodType>;
}

/** The message of what is wrong with `field` as typed in `draft` (the case doc's own schema), or undefined when it is fine. */
export function checkField(kind: EntityKind, field: string, draft: Draft): string | undefined {
  const spec = FORM_FIELDS[kind].find((f) => f.field === field);
  if (!spec) return undefined;
  if (field === 'passport' || field === 'passportCountry') return undefined;
  const text = draft[field] ?? '';
  if (spec.required && text.trim() === '') return t('field.required');
  const schema = shapeOf(kind)[field];
  if (!schema) return undefined;
  const r = schema.safeParse(valueOf(spec.type, text));
  return r.success ? undefined : r.error.issues[0]?.message;
}

/** Every field's message for `draft` (fields without a problem left out). */
export function checkAll(kind: EntityKind, draft: Draft): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of FORM_FIELDS[kind]) {
    const m = checkField(kind, f.field, draft);
    if (m) out[f.field] = m;
  }
  return out;
}
