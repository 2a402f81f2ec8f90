/**
 * The error a failed RPC call rejects with: the data service's stable code, its specific message
 * and field issues (for messages next to form fields).
 */
import { userMessage, type ErrorCode, type ErrorInfo, type FieldIssue } from '../../../shared/errors';

/** A failed RPC call. */
export class RpcError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[];

  constructor(info: ErrorInfo) {
    super(info.message);
    this.name = 'RpcError';
    this.code = info.code;
    this.issues = info.issues ?? [];
  }

  /** The catalogue sentence for the code (for titles), the message being the detail. */
  get title(): string {
    return userMessage(this.code);
  }
}
