/**
 * Why a blob transfer with the relay failed, as the sentence the file's status shows (a catalogue
 * message) and whether trying again later may help. One place maps the relay's answers (status +
 * `reason` of shared/protocol/relay/blobs.ts) to these.
 */
import type { MessageId } from '../../shared/messages';

/** A catalogue sentence. */
export interface MessageRef {
  id: MessageId;
  values?: Record<string, string | number>;
}

/** A failed transfer: its catalogue sentence and whether a retry may succeed. */
export class TransferError extends Error {
  constructor(
    readonly reason: MessageRef,
    /** True when trying again (after a backoff) may succeed: a cut connection, a busy relay. */
    readonly retryable: boolean,
    /** True when the workspace is closing: not a failure to show. */
    readonly aborted = false,
  ) {
    super(reason.id);
  }

  /** The relay refused or failed the request with HTTP `status` and body `body`. */
  static fromStatus(status: number, body: unknown): TransferError {
    const reason = typeof (body as { reason?: unknown } | null)?.reason === 'string' ? (body as { reason: string }).reason : '';
    if (status === 401) return new TransferError({ id: 'file.sync.unauthorized', values: { reason: reason || 'unauthorized' } }, false);
    if (status === 403) {
      if (reason === 'read-only') return new TransferError({ id: 'file.sync.read-only' }, false);
      // The relay may not yet hold the case doc update that lists the file: it will, shortly.
      if (reason === 'not-referenced') return new TransferError({ id: 'file.sync.not-referenced' }, true);
      return new TransferError({ id: 'file.sync.no-case-access' }, false);
    }
    if (status === 404) return new TransferError({ id: 'file.sync.missing-everywhere' }, false);
    if (status === 413) return new TransferError({ id: 'file.sync.too-large' }, false);
    if (status === 422) return new TransferError({ id: 'file.sync.relay-refused-bytes' }, true);
    return TransferError.relayError(status);
  }

  /** The relay answered something this client cannot use (HTTP `status`; retried). */
  static relayError(status: number): TransferError {
    return new TransferError({ id: 'file.sync.relay-error', values: { status } }, true);
  }

  /** The relay could not be reached or the connection broke. */
  static unreachable(err: unknown): TransferError {
    const detail = err instanceof Error ? ((err as NodeJS.ErrnoException).code ?? err.message) : String(err);
    return new TransferError({ id: 'file.sync.unreachable', values: { detail: detail.slice(0, 120) } }, true);
  }

  /** The transfer stopped part way (the part is kept) and is to be resumed. */
  static retry(detail: string): TransferError {
    return new TransferError({ id: 'file.sync.unreachable', values: { detail } }, true);
  }

  /** Downloaded bytes did not hash to the file's SHA-256: discarded, never stored. */
  static corrupt(): TransferError {
    return new TransferError({ id: 'file.sync.corrupt' }, false);
  }

  /** The workspace closed while the request ran. */
  static aborted(): TransferError {
    return new TransferError({ id: 'file.sync.unreachable', values: { detail: 'stopped' } }, false, true);
  }
}

/** The sentence for any error thrown during a transfer. */
export function transferErrorOf(err: unknown): TransferError {
  if (err instanceof TransferError) return err;
  return TransferError.unreachable(err);
}
