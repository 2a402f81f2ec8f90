/**
 * Stable error codes; their user-facing sentences live in the message catalogue (shared/messages). Code everywhere throws
 * {@link NestError} with a code; the UI shows `userMessage(code)` plus the specific detail.
 */
import { isMessageId, t, type MessageId } from './messages/format';

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

/**
 * Values for a message's placeholders in an error: JSON-safe (no Date: pass an ISO string or epoch
 * milliseconds) so they cross the RPC boundary and the renderer can format them in its locale.
 */
export type ErrorValues = Record<string, string | number | boolean | null>;

/** A catalogue message and its values: what a throw site passes instead of a finished sentence. */
export interface ErrorMessage {
  /** The catalogue id, e.g. `workspace.not-found`. */
  id: MessageId;
  /** The placeholder values, e.g. `{ id }`. */
  values?: ErrorValues;
}

/**
 * The serialisable form of an error, as it crosses the RPC boundary. `message` is the English
 * text (logs, CLIs, old clients); `messageId` + `values`, when present, let the receiver format the
 * same message in its own locale.
 */
export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  messageId?: MessageId;
  values?: ErrorValues;
  issues?: FieldIssue[];
}

/**
 * An error with a stable code, a specific message and optional field issues. Throw sites pass the
 * message as a catalogue reference, `new NestError('not-found', { id: 'case.not-found', values: { caseId } })`;
 * `message` is then its English (current-locale) text for logs and CLIs. A plain string is still
 * accepted while the remaining throw sites are converted (test/shared/messages/throw-sites.test.ts
 * keeps converted files from going back).
 */
export class NestError extends Error {
  /** The stable code; see {@link ERROR_CODES}. */
  readonly code: ErrorCode;
  /** Field-level problems, when the error is about a form or a record. */
  readonly issues: FieldIssue[] | undefined;
  /** The catalogue message, when the throw site gave one (absent for a plain string or the code's default). */
  readonly messageRef: ErrorMessage | undefined;

  /**
   * @param message a catalogue reference (preferred), a finished sentence (legacy), or nothing for the code's sentence.
   * @throws Error when the catalogue message needs a value that `message.values` lacks (a programming error).
   */
  constructor(code: ErrorCode, message?: ErrorMessage | string, issues?: FieldIssue[]) {
    super(message === undefined ? userMessage(code) : typeof message === 'string' ? message : t(message.id, message.values));
    this.name = 'NestError';
    this.code = code;
    this.issues = issues;
    this.messageRef = typeof message === 'object' ? message : undefined;
  }

  /** The serialisable form. */
  toInfo(): ErrorInfo {
    const info: ErrorInfo = { code: this.code, message: this.message };
    if (this.messageRef) {
      info.messageId = this.messageRef.id;
      if (this.messageRef.values) info.values = this.messageRef.values;
    }
    if (this.issues) info.issues = this.issues;
    return info;
  }
}

/**
 * The text of `info` in the current locale: its catalogue message formatted with its values when it
 * has one this catalogue knows, otherwise the sender's `message`.
 */
export function errorText(info: Pick<ErrorInfo, 'message' | 'messageId' | 'values'>): string {
  if (!info.messageId || !isMessageId(info.messageId)) return info.message;
  try {
    return t(info.messageId, info.values ?? undefined);
  } catch {
    return info.message; // a value the message needs is missing: the sender's text is still right
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
