/**
 * What the relay's blob endpoint needs from a blob store (issue 15, item 7): content-addressed
 * blobs named by their SHA-256, written resumably (a client appends at the offset the store says
 * it holds, from any relay process), verified against the name before they count as stored, and
 * read back by byte range. Two implementations: {@link FsBlobStore} on the local filesystem (the
 * desktop's store and the single-process relay's default) and the relay's PostgreSQL one
 * (relay/blobs/pg-blob-store.ts), which every relay process on one database shares.
 *
 * Methods may answer synchronously (the filesystem) or with a promise (a database): callers
 * always `await` them. Memory stays bounded whatever the blob's size: bytes are streamed in and
 * out, never held whole.
 */
import type { Readable } from 'node:stream';

/** A value now or later: the filesystem store answers at once, a database store later. */
export type MaybePromise<T> = T | Promise<T>;

/** The result of one resumable write: bytes held so far, and whether the blob is now stored (verified). */
export interface ResumableWriteResult {
  received: number;
  complete: boolean;
}

/** A content-addressed blob store with resumable, verified writes and ranged reads. */
export interface BlobStore {
  /** True when blob `hash` is stored whole and verified. */
  has(hash: string): MaybePromise<boolean>;
  /** Size of stored blob `hash` in bytes, or null when it is not stored (a partial upload is not). */
  size(hash: string): MaybePromise<number | null>;
  /** Bytes held of `hash`: its whole size when stored, the part received of an upload under way, else 0. */
  received(hash: string): MaybePromise<number>;
  /**
   * Appends `source` at `offset` to the upload of `hash` (of `total` bytes in all); once `total`
   * bytes are held, verifies their SHA-256 against `hash` and stores the blob. A connection that
   * drops keeps what arrived (the answer says how much) so the upload resumes from there.
   * @throws NestError('validation') `blob.bad-range` when `offset` is not where the held part
   *   ends, `blob.hash-mismatch` when the completed bytes do not hash to `hash` (the part is
   *   dropped); NestError('too-large') past the store's size limit or past `total`.
   */
  writeResumable(hash: string, offset: number, total: number, source: Readable): Promise<ResumableWriteResult>;
  /**
   * A stream of stored blob `hash`'s bytes `start`…`end` (inclusive offsets; whole blob by default).
   * @throws NestError('not-found') when the blob is not stored.
   */
  read(hash: string, start?: number, end?: number): MaybePromise<Readable>;
  /** Resolves when the store can be read and written (for /health); rejects with the cause otherwise. */
  ping(): Promise<void>;
  /** Releases what the store holds (a database pool); the relay calls it when it closes. Optional: the filesystem holds nothing. */
  close?(): Promise<void>;
}
