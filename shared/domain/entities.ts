/**
 * The people, organisations, vessels, vehicles, aircraft, accounts and contact points of a case
 * (issue 12), with fields modelled on the FollowTheMoney schema that investigative tools share
 * (followthemoney.tech: Person, Organization/Company, Vessel, Vehicle, Airplane, BankAccount,
 * CryptoWallet, Phone, Email, Address) and reduced to what a task force records.
 *
 * Identifier fields are validated and stored in canonical form (an IMO number as its 7 digits, an
 * IBAN without spaces: shared/domain/identifiers.ts), so the cross-case index can match them; a
 * value that fails its check is refused with the reason, never stored as typed. Empty string =
 * not known. E-mail addresses are stored in lower case (mail systems treat them so in practice;
 * it makes the same address match across cases). {@link strongIdentifiers} lists what an entity
 * can be matched by.
 */
import { z } from 'zod';
import { t, type MessageId } from '../messages/format';
import { countryCodeSchema, countryListSchema, isoDateSchema, latitudeSchema, lineSchema, longitudeSchema } from './fields';
import { foldName, parseIban, parseImo, parseMmsi, type IdentifierResult } from './identifiers';

/** The kinds of entity, in the order the UI offers them. */
export const ENTITY_KINDS = ['person', 'organisation', 'vessel', 'vehicle', 'aircraft', 'bank-account', 'crypto-wallet', 'phone', 'email', 'address'] as const;
/** An entity kind. */
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** Kinds of personal identity document. */
export const ID_DOCUMENT_TYPES = ['passport', 'national-id', 'driving-licence', 'other'] as const;

/** A string field checked by an identifier parser, empty allowed, stored canonical. */
function identifierField(parse: (s: string) => IdentifierResult) {
  return z.string().transform((s, ctx) => {
    if (s.trim() === '') return '';
    const r = parse(s);
    if (r.ok) return r.value;
    ctx.addIssue({ code: 'custom', message: t(r.id as MessageId, r.values) });
    return z.NEVER;
  });
}

/** ITU-T E.164: "+", a country code and at most 15 digits in all; spaces, dots, dashes and brackets allowed when typed. */
export function parsePhone(input: string): IdentifierResult<'phone'> {
  const text = input.trim();
  const digits = text.replace(/[\s.()-]/g, '');
  if (!/^\+[1-9]\d{6,14}$/.test(digits)) return { ok: false, id: 'identifier.phone', values: { input: text } };
  return { ok: true, value: digits, kind: 'phone' };
}

const names = { name: lineSchema(300).min(1, t('field.required')), aliases: z.array(lineSchema(300).min(1)).max(50) };
const notes = z.string().max(10_000, t('field.max-characters', { max: 10_000 }));
const optionalDate = z.union([z.literal(''), isoDateSchema]);
const optionalCountry = z.union([z.literal(''), countryCodeSchema]);

/** Per-kind fields. Dates YYYY-MM-DD; countries ISO 3166-1 alpha-2; coordinates WGS84 degrees. */
export const entityFieldsSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('person'),
    ...names,
    birthDate: optionalDate,
    nationalities: countryListSchema,
    idDocuments: z.array(z.object({ type: z.enum(ID_DOCUMENT_TYPES), number: lineSchema(60).min(1, t('field.required')), country: optionalCountry })).max(20),
    notes,
  }),
  z.object({ kind: z.literal('organisation'), ...names, registrationNumber: lineSchema(60), jurisdiction: optionalCountry, notes }),
  z.object({ kind: z.literal('vessel'), ...names, imo: identifierField(parseImo), mmsi: identifierField(parseMmsi), flag: optionalCountry, callSign: lineSchema(20), notes }),
  z.object({ kind: z.literal('vehicle'), plate: lineSchema(20).min(1, t('field.required')), country: optionalCountry, description: lineSchema(300), notes }),
  z.object({ kind: z.literal('aircraft'), registration: lineSchema(20).min(1, t('field.required')), description: lineSchema(300), notes }),
  z.object({ kind: z.literal('bank-account'), iban: identifierField(parseIban), accountNumber: lineSchema(60), bank: lineSchema(200), holder: lineSchema(300), country: optionalCountry, notes }),
  z.object({ kind: z.literal('crypto-wallet'), currency: z.string().regex(/^[A-Z0-9]{2,10}$/, t('field.crypto-currency')), address: lineSchema(120).min(1, t('field.required')), notes }),
  z.object({ kind: z.literal('phone'), number: identifierField(parsePhone).refine((s) => s !== '', t('field.required')), notes }),
  z.object({ kind: z.literal('email'), address: z.string().trim().toLowerCase().pipe(z.email(t('field.email'))), notes }),
  z
    .object({ kind: z.literal('address'), full: lineSchema(500).min(1, t('field.required')), country: optionalCountry, latitude: latitudeSchema.nullable(), longitude: longitudeSchema.nullable(), notes })
    .refine((a) => (a.latitude === null) === (a.longitude === null), { message: t('field.coordinates-paired'), path: ['latitude'] }),
]);
/** An entity's fields, canonical (after parsing). */
export type EntityFields = z.output<typeof entityFieldsSchema>;
/** An entity's fields as typed (before parsing). */
export type EntityFieldsInput = z.input<typeof entityFieldsSchema>;

/**
 * Per kind, the fields {@link strongIdentifiers} and the entity's label (case-entities.ts
 * entityLabel) read. A projection that needs only matches and labels reads and validates only
 * these (bench L1: parsing every field of every entity was a third of an index rebuild).
 */
export const MATCH_FIELDS = {
  person: ['name', 'aliases', 'idDocuments'],
  organisation: ['name', 'aliases', 'registrationNumber', 'jurisdiction'],
  vessel: ['name', 'aliases', 'imo', 'mmsi'],
  vehicle: ['plate', 'country'],
  aircraft: ['registration'],
  'bank-account': ['iban', 'accountNumber', 'country', 'holder'],
  'crypto-wallet': ['currency', 'address'],
  phone: ['number'],
  email: ['address'],
  address: ['full'],
} as const satisfies { [K in EntityKind]: readonly (keyof Extract<EntityFields, { kind: K }>)[] };

/** The part of an entity's fields that {@link MATCH_FIELDS} names for its kind (with `kind`); every full `EntityFields` is one. */
export type MatchFields = { [K in EntityKind]: Pick<KindFields<K>, Extract<'kind' | (typeof MATCH_FIELDS)[K][number], keyof KindFields<K>>> }[EntityKind];

/** The fields of entities of kind `K`. */
type KindFields<K extends EntityKind> = Extract<EntityFields, { kind: K }>;

/** One value an entity can be matched by across cases. `weak`: a folded name (many people share one). */
export interface StrongIdentifier {
  /** The scheme, e.g. "imo", "mmsi", "iban", "passport:NG", "registration:SG", "name". */
  scheme: string;
  /** The canonical value. */
  value: string;
  /** True for names: a match on a name alone is weaker than on an identifier. */
  weak: boolean;
}

/** Appends `{scheme, value, weak}` to `out` unless `value` is empty or already there (no closure per check: bench L1). */
function addIdentifier(out: StrongIdentifier[], scheme: string, value: string, weak: boolean): void {
  if (!value) return;
  for (const o of out) if (o.scheme === scheme && o.value === value) return;
  out.push({ scheme, value, weak });
}

/** Appends the folded `name` and `aliases` to `out` as weak identifiers. */
function addNames(out: StrongIdentifier[], name: string, aliases: string[]): void {
  addIdentifier(out, 'name', foldName(name), true);
  for (const n of aliases) addIdentifier(out, 'name', foldName(n), true);
}

/**
 * What `e` can be matched by across cases: its identifiers (strong) and its folded names (weak),
 * without duplicates and without empty values.
 */
export function strongIdentifiers(e: MatchFields): StrongIdentifier[] {
  const out: StrongIdentifier[] = [];
  switch (e.kind) {
    case 'person':
      addNames(out, e.name, e.aliases);
      for (const d of e.idDocuments) addIdentifier(out, `${d.type}:${d.country || '??'}`, d.number.replace(/\s+/g, '').toUpperCase(), false);
      break;
    case 'organisation':
      addNames(out, e.name, e.aliases);
      addIdentifier(out, `registration:${e.jurisdiction || '??'}`, e.registrationNumber.replace(/\s+/g, '').toUpperCase(), false);
      break;
    case 'vessel':
      addNames(out, e.name, e.aliases);
      addIdentifier(out, 'imo', e.imo, false);
      addIdentifier(out, 'mmsi', e.mmsi, false);
      break;
    case 'vehicle':
      addIdentifier(out, `plate:${e.country || '??'}`, e.plate.replace(/[\s-]+/g, '').toUpperCase(), false);
      break;
    case 'aircraft':
      addIdentifier(out, 'aircraft', e.registration.replace(/\s+/g, '').toUpperCase(), false);
      break;
    case 'bank-account':
      addIdentifier(out, 'iban', e.iban, false);
      addIdentifier(out, `account:${e.country || '??'}`, e.accountNumber.replace(/[\s-]+/g, ''), false);
      break;
    case 'crypto-wallet':
      addIdentifier(out, `wallet:${e.currency}`, e.address.trim(), false);
      break;
    case 'phone':
      addIdentifier(out, 'phone', e.number, false);
      break;
    case 'email':
      addIdentifier(out, 'email', e.address, false);
      break;
    case 'address':
      addIdentifier(out, 'address', foldName(e.full), true);
      break;
  }
  return out;
}
