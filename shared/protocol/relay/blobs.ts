/**
 * The relay's blob endpoint (docs/relay.md, "Blobs"), declared once for the relay and the
 * desktop's blob sync. Every request names the case doc that references the blob (`doc=<name>`)
 * and carries the member's token (`Authorization: Bearer`); the relay answers only for hashes that
 * case's doc lists among its live files.
 *
 * - `POST /v1/blobs/has?doc=` body {@link BlobsHasRequest} → {@link BlobsHasResponse}: which of
 *   the hashes the relay holds whole, and how many bytes of the others it has received (to resume).
 * - `PUT /v1/blobs/<sha256>?doc=&offset=<bytes>&total=<bytes>`: the bytes from `offset`; answers
 *   {@link BlobPutResponse}. 409 with `received` when `offset` is not where the stored part ends;
 *   422 `hash-mismatch` when the completed bytes do not hash to the name (the part is dropped).
 * - `GET /v1/blobs/<sha256>?doc=` (optional `Range: bytes=a-b`): the bytes (200 or 206).
 * Refusals: 400 bad request, 401 bad token, 403 no access / `not-referenced`, 404 not stored.
 */
import { z } from 'zod';
import { sha256Schema } from '../../domain/attached-file';

/** Path prefix of the blob endpoint. */
export const BLOBS_PATH = '/v1/blobs';
/** The "which of these do you have" path. */
export const BLOBS_HAS_PATH = '/v1/blobs/has';
/** Most hashes asked about in one request. */
export const MAX_HAS_HASHES = 1000;

/** Body of a `has` request. */
export const blobsHasRequestSchema = z.object({ hashes: z.array(sha256Schema).max(MAX_HAS_HASHES) });
/** Body of a `has` request. */
export type BlobsHasRequest = z.infer<typeof blobsHasRequestSchema>;

/** Answer to `has`: `have` the hashes stored whole; `received` bytes of partly uploaded ones. */
export const blobsHasResponseSchema = z.object({ have: z.array(sha256Schema), received: z.record(z.string(), z.number().int().min(0)) });
/** Answer to `has`. */
export type BlobsHasResponse = z.infer<typeof blobsHasResponseSchema>;

/** Answer to a `PUT`: bytes received so far and whether the blob is now stored (verified). */
export const blobPutResponseSchema = z.object({ received: z.number().int().min(0), complete: z.boolean() });
/** Answer to a `PUT`. */
export type BlobPutResponse = z.infer<typeof blobPutResponseSchema>;

/** The URL path and query of blob `hash` of case doc `doc` (base: the relay's http(s) origin). */
export function blobUrl(hash: string, doc: string, upload?: { offset: number; total: number }): string {
  const q = new URLSearchParams({ doc });
  if (upload) {
    q.set('offset', String(upload.offset));
    q.set('total', String(upload.total));
  }
  return `${BLOBS_PATH}/${hash}?${q.toString()}`;
}
