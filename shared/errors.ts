/**
 * Stable error codes and the one catalogue of user-facing messages. Code everywhere throws
 * {@link NestError} with a code; the UI shows `userMessage(code)` plus the specific detail.
 */

/** Every error code the app can report, with the sentence a user sees. */
export const ERROR_CATALOGUE = {
  'invalid-params': 'The request was not valid.',
  'unknown-method': 'The app asked the data service for something it does not know.',
  'validation': 'Some fields are not valid.',
  'not-found': 'That record does not exist (any more).',
  'no-identity': 'Create your identity first.',
  'read-only': 'You have read-only access here.',
  'forbidden': 'You are not allowed to do this.',
  'unauthorized': 'Access refused: the token is missing, wrong or expired.',
  'database-too-new': 'This data was written by a newer version of NEST Desk. Update the app to open it; nothing was changed.',
  'database-corrupt': 'The local database could not be read.',
  'migration-failed': 'The local database could not be upgraded; nothing was changed.',
  'import-failed': 'The file could not be imported; nothing was imported.',
  'export-failed': 'The export could not be written.',
  'bad-frame': 'A malformed message was received.',
  'too-large': 'The message or file is too large.',
  'cancelled': 'Cancelled.',
  'internal': 'Something went wrong inside NEST Desk.',
} as const;

/** A stable error code. */
export type ErrorCode = keyof typeof ERROR_CATALOGUE;

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
  /** The stable code; see {@link ERROR_CATALOGUE}. */
  readonly code: ErrorCode;
  /** Field-level problems, when the error is about a form or a record. */
  readonly issues: FieldIssue[] | undefined;

  constructor(code: ErrorCode, message?: string, issues?: FieldIssue[]) {
    super(message ?? ERROR_CATALOGUE[code]);
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
  return ERROR_CATALOGUE[code] ?? ERROR_CATALOGUE.internal;
}

/** True when `v` names a known error code. */
export function isErrorCode(v: unknown): v is ErrorCode {
  return typeof v === 'string' && Object.prototype.hasOwnProperty.call(ERROR_CATALOGUE, v);
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
