/**
 * Exhibits: items of evidence of a case (a physical item, a sample, a document, a digital file, a
 * photograph), each with a per-case reference such as `NEST-2026-0001/EX-003`.
 *
 * Numbering under concurrency: a desktop allocates the next number from the exhibits it knows
 * (highest + 1), offline or not. Two members creating an exhibit at the same time on different
 * machines may therefore pick the same number. Numbers are never silently changed (a reference may
 * already be written on a seal bag): {@link exhibitReferences} marks every exhibit that shares its
 * number with another as a duplicate, the UI shows it, and a member renumbers one of them to the
 * next free number (an attributed, audited edit). See docs/evidence.md.
 */
import { z } from 'zod';
import { t } from '../messages/format';
import { idSchema, lineSchema } from './fields';

/** Kinds of exhibit. */
export const EXHIBIT_TYPES = ['physical-item', 'sample', 'document', 'digital-file', 'photograph'] as const;
/** A kind of exhibit. */
export type ExhibitType = (typeof EXHIBIT_TYPES)[number];

/** Where an exhibit stands. */
export const EXHIBIT_STATUSES = ['in-custody', 'at-lab', 'returned', 'destroyed', 'disposed-by-court-order'] as const;
/** An exhibit's status. */
export type ExhibitStatus = (typeof EXHIBIT_STATUSES)[number];

/** Highest exhibit number of a case (EX-99999). */
export const MAX_EXHIBIT_NUMBER = 99_999;

/** The fields a member edits. `seizureId` null: not linked to a seizure; `fileIds`: ids of the case's file records. */
export const exhibitFieldsSchema = z.object({
  description: lineSchema(2000).min(1, t('field.required')),
  type: z.enum(EXHIBIT_TYPES),
  seizureId: idSchema.nullable(),
  fileIds: z.array(idSchema).max(1000).refine((ids) => new Set(ids).size === ids.length, { message: t('exhibit.file-repeated') }),
  sealNumber: lineSchema(100),
  storageLocation: lineSchema(300),
  currentHolder: lineSchema(200),
  status: z.enum(EXHIBIT_STATUSES),
});
/** Exhibit fields. */
export type ExhibitFields = z.infer<typeof exhibitFieldsSchema>;

/** The exhibit's per-case number (1 … {@link MAX_EXHIBIT_NUMBER}). */
export const exhibitNumberSchema = z.number().int().min(1).max(MAX_EXHIBIT_NUMBER);

/** An exhibit as stored: its fields, number and stamps (ms since epoch). */
export type Exhibit = ExhibitFields & {
  id: string;
  number: number;
  createdBy: string;
  createdAt: number;
  updatedBy: string;
  updatedAt: number;
};

/** Empty fields for a new exhibit form. */
export function newExhibitFields(): ExhibitFields {
  return { description: '', type: 'physical-item', seizureId: null, fileIds: [], sealNumber: '', storageLocation: '', currentHolder: '', status: 'in-custody' };
}

/** The reference of exhibit `number` of case `caseNumber`: `NEST-2026-0001/EX-003` (at least three digits). */
export function exhibitReference(caseNumber: string, number: number): string {
  return `${caseNumber}/EX-${String(number).padStart(3, '0')}`;
}

/** The number a new exhibit gets: one more than the highest in `numbers` (1 for the first). */
export function nextExhibitNumber(numbers: Iterable<number>): number {
  let max = 0;
  for (const n of numbers) if (n > max) max = n;
  return max + 1;
}

/** An exhibit's reference and whether another exhibit of the case has the same number. */
export interface ExhibitReference {
  reference: string;
  duplicate: boolean;
}

/** References of `exhibits` (by id), each marked `duplicate` when its number is shared. */
export function exhibitReferences(caseNumber: string, exhibits: readonly Pick<Exhibit, 'id' | 'number'>[]): Map<string, ExhibitReference> {
  const count = new Map<number, number>();
  for (const e of exhibits) count.set(e.number, (count.get(e.number) ?? 0) + 1);
  return new Map(exhibits.map((e) => [e.id, { reference: exhibitReference(caseNumber, e.number), duplicate: count.get(e.number)! > 1 }]));
}
