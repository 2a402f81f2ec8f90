/**
 * Stable error codes; their user-facing sentences live in the message catalogue (shared/messages). Code everywhere throws
 * {@link NestError} with a code; the UI shows `userMessage(code)` plus the specific detail.
 */
import { t } from './messages/format';

/** Every error code the app can report; its sentence is the catalogue's `error.<code>` (shared/messages). */
export const ERROR_CODES = [
  'invalid-params', 'unknown-method', 'validation', 'not-found', 'no-identity', 'read-only', 'forbidden', 'unauthorized',
  'database-too-new', 'database-corrupt', 'migration-failed', 'import-failed', 'export-failed', 'bad-frame', 'too-large',
  'cancelled', 'internal',
] as const;

/** A stable error code. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One field-level problem: `field` is a dotted path (e.g. "latitude", "rows.3.quantity"). */
export interface FieldIssue {
  field: string;
  message: string;
}

/** The serialisable form of an error, as it crosses the RPC boundary. */
export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  issues?: FieldIssue[];
}

/** An error with a stable code, a specific message and optional field issues. */
export class NestError extends Error {
  /** The stable code; see {@link ERROR_CODES}. */
  readonly code: ErrorCode;
  /** Field-level problems, when the error is about a form or a record. */
  readonly issues: FieldIssue[] | undefined;

  constructor(code: ErrorCode, message?: string, issues?: FieldIssue[]) {
    super(message ?? userMessage(code));
    this.name = 'NestError';
    this.code = code;
    this.issues = issues;
  }

  /** The serialisable form. */
  toInfo(): ErrorInfo {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }
}

/** The user-facing sentence for a code. */
export function userMessage(code: ErrorCode): string {
  return t(isErrorCode(code) ? `error.${code}` : 'error.internal');
}

/** True when `v` names a known error code. */
export function isErrorCode(v: unknown): v is ErrorCode {
  return typeof v === 'string' && (ERROR_CODES as readonly string[]).includes(v);
}

/** Turns anything thrown into {@link ErrorInfo}; unknown errors become `internal` with their message. */
export function toErrorInfo(err: unknown): ErrorInfo {
  if (err instanceof NestError) return err.toInfo();
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'internal', message };
}

/** Converts zod issues (path + message) into {@link FieldIssue}s, prefixing paths with `prefix`. */
export function fieldIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[], prefix = ''): FieldIssue[] {
  return issues.map((i) => ({
    field: [prefix, ...i.path.map(String)].filter(Boolean).join('.') || '(record)',
    message: i.message,
  }));
}

/** One sentence naming each bad field, e.g. "latitude: must be between -90 and 90 degrees; unit: …". */
export function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues.map((i) => `${i.path.map(String).join('.') || 'record'}: ${i.message}`).join('; ');
}
