/**
 * A timeline event of a case (issue 12 item 6): something that happened, on a date known to the
 * day, the month or only the year, with where the fact comes from.
 */
import { z } from 'zod';
import { t } from '../messages/format';
import { DATE_PRECISIONS, type DatePrecision } from './codes';
import { isIsoDate, lineSchema } from './fields';

/**
 * True when `date` is written to match `precision`: YYYY-MM-DD (a real date) for 'day', YYYY-MM
 * for 'month', YYYY for 'year'.
 */
export function isDateOfPrecision(date: string, precision: DatePrecision): boolean {
  if (precision === 'day') return isIsoDate(date);
  if (precision === 'month') return /^\d{4}-(0[1-9]|1[0-2])$/.test(date) && date >= '0001';
  return /^\d{4}$/.test(date) && date !== '0000';
}

/** Per-field schemas of an event. `date` is checked against `precision` by {@link caseEventFieldsSchema}. */
export const caseEventFieldSchemas = {
  date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, t('field.event-date')),
  precision: z.enum(DATE_PRECISIONS),
  text: lineSchema(500).min(1, t('field.required')),
  source: lineSchema(500),
};

/** An event's fields, validated as a whole: the date's form matches its precision. */
export const caseEventFieldsSchema = z.object(caseEventFieldSchemas).superRefine((e, ctx) => {
  if (!isDateOfPrecision(e.date, e.precision)) ctx.addIssue({ code: 'custom', path: ['date'], message: t('field.event-date') });
});
/** An event's fields. */
export type CaseEventFields = z.infer<typeof caseEventFieldsSchema>;

/** An event as read: its fields, id and stamps (ms since epoch). */
export type CaseEvent = CaseEventFields & { id: string; createdBy: string; createdAt: number; updatedBy: string; updatedAt: number };
