/**
 * Turns validation problems (zod issues, or the field issues of a NestError / RpcError) into
 * one message per field for display next to the fields.
 */
import type { z } from 'zod';
import type { FieldIssue } from '../../../shared/errors';
import { t } from '../../../shared/messages';

/** Field name → message. The first message of a field wins. */
export type FieldErrors = Record<string, string>;

/** Messages by top-level field from zod issues ("is required" → "Is required"). */
export function zodFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const out: FieldErrors = {};
  for (const i of issues) {
    const key = String(i.path[0] ?? '(record)');
    out[key] ??= sentence(i.message);
  }
  return out;
}

/** Messages by top-level field from NestError / RpcError issues (dotted paths). */
export function issueFieldErrors(issues: readonly FieldIssue[]): FieldErrors {
  const out: FieldErrors = {};
  for (const i of issues) {
    const key = i.field.split('.')[0] ?? i.field;
    out[key] ??= sentence(i.message);
  }
  return out;
}

/** Capitalises a schema message for display: "must be a number" → "Must be a number". */
export function sentence(message: string): string {
  return message ? message[0]!.toUpperCase() + message.slice(1) : message;
}

/**
 * Validates one value with a field schema.
 * @returns the message, or undefined when valid.
 */
export function checkField(schema: z.ZodType, value: unknown): string | undefined {
  const r = schema.safeParse(value);
  return r.success ? undefined : sentence(r.error.issues[0]?.message ?? t('ui.forms.not-valid'));
}
