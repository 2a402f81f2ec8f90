/**
 * Attached files: metadata of a blob a case refers to. The bytes live outside the docs,
 * content-addressed by SHA-256 (the data service's blob store, the relay's blob endpoint); the
 * case doc holds only what is described here.
 */
import { z } from 'zod';
import { lineSchema } from './fields';

/** A SHA-256 digest as 64 lower-case hex digits. */
export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);

/** True when `s` is a SHA-256 digest written as 64 lower-case hex digits. */
export function isSha256(s: unknown): s is string {
  return typeof s === 'string' && /^[0-9a-f]{64}$/.test(s);
}

/** Default largest file accepted, bytes (2 GiB). */
export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 ** 3;

/** What intake learns about a file: its hash, size (bytes), media type (sniffed) and original name. */
export const fileMetaSchema = z.object({
  hash: sha256Schema,
  size: z.number().int().min(0),
  mediaType: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/i).max(200),
  name: lineSchema(255).min(1),
});
/** File metadata. */
export type FileMeta = z.infer<typeof fileMetaSchema>;

/**
 * An attached file as stored: its metadata, who added it when (ms since epoch); deletion is a
 * mark, with who marked it and when when known.
 */
export type AttachedFile = FileMeta & { id: string; addedBy: string; addedAt: number; deleted: boolean; deletedBy?: string; deletedAt?: number };
