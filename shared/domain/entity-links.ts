/**
 * Links of a case (issue 12 item 3): a typed relationship from an entity to another entity or to a
 * seizure, with optional dates (YYYY-MM-DD), where it is known from (`source`) and a note. The
 * relationships follow FollowTheMoney's interval schemata (Ownership, Directorship, Employment,
 * Payment, Family, Associate, UnknownLink) plus the shipping roles a wildlife case needs.
 */
import { z } from 'zod';
import { t } from '../messages/format';
import { idSchema, isoDateSchema, lineSchema } from './fields';

/** The relationships a link may have, in the order the UI offers them. Read "from … to". */
export const RELATIONSHIPS = [
  'owner',
  'director',
  'shareholder',
  'employee',
  'shipper',
  'consignee',
  'master-of',
  'operator',
  'paid',
  'family',
  'associate',
  'uses-phone',
  'uses-email',
  'holds-account',
  'located-at',
  'involved-in',
] as const;
/** A link's relationship. */
export type Relationship = (typeof RELATIONSHIPS)[number];

const optionalDate = z.union([z.literal(''), isoDateSchema]);

/** A link's fields. `from` is an entity id; `to` an entity or seizure id of the same case. */
export const linkFieldsSchema = z
  .object({
    from: idSchema,
    to: idSchema,
    relationship: z.enum(RELATIONSHIPS),
    startDate: optionalDate,
    endDate: optionalDate,
    source: lineSchema(500),
    note: z.string().max(2_000, t('field.max-characters', { max: 2_000 })),
  })
  .refine((l) => l.from !== l.to, { message: t('entity.link-self'), path: ['to'] })
  .refine((l) => !l.startDate || !l.endDate || l.startDate <= l.endDate, { message: t('entity.link-dates'), path: ['endDate'] });
/** A link's fields. */
export type LinkFields = z.output<typeof linkFieldsSchema>;

/** A new link's fields with empty optional values. */
export function newLinkFields(from: string, to: string, relationship: Relationship): LinkFields {
  return { from, to, relationship, startDate: '', endDate: '', source: '', note: '' };
}
