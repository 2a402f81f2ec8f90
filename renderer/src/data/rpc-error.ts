/**
 * The error a failed RPC call rejects with: the data service's stable code, its specific message
 * and field issues (for messages next to form fields). The message is formatted here, in the
 * renderer's locale, from the catalogue id and values the service sent (its English text when it
 * sent none).
 */
import { errorText, userMessage, type ErrorCode, type ErrorInfo, type ErrorValues, type FieldIssue } from '../../../shared/errors';
import type { MessageId } from '../../../shared/messages';

/** A failed RPC call. */
export class RpcError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[];
  /** The catalogue id of the message, when the service sent one. */
  readonly messageId: MessageId | undefined;
  /** The values of the message's placeholders, when the service sent them. */
  readonly values: ErrorValues | undefined;

  constructor(info: ErrorInfo) {
    super(errorText(info));
    this.name = 'RpcError';
    this.code = info.code;
    this.issues = info.issues ?? [];
    this.messageId = info.messageId;
    this.values = info.values;
  }

  /** The catalogue sentence for the code (for titles), the message being the detail. */
  get title(): string {
    return userMessage(this.code);
  }
}
