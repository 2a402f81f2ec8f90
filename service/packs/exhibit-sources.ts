/**
 * The pack's `exhibits/` entries: each attached file as stored, named by its SHA-256, streamed
 * from the workspace's blob store (never whole in memory) with its original name, media type and
 * the exhibits that cite it in the manifest. A file this desktop does not hold is not fetched
 * here: the export stops before writing anything and names the missing files (sync the case
 * first), so a pack is never silently incomplete. Bytes that no longer match their hash fail the
 * export too (the writer removes the partial pack).
 */
import { createHash } from 'node:crypto';
import { Transform } from 'node:stream';
import type { FsBlobStore } from '../../node/blobs/fs-blob-store';
import type { PackSource } from '../../node/packs/pack-writer';
import { NestError } from '../../shared/errors';
import type { PackBlob } from './case-data';

/** Media types stored already compressed: deflating them again only costs time. */
const STORED = /^(image\/(jpeg|png|gif|webp|heic)|video\/|audio\/|application\/(pdf|zip|gzip|x-7z-compressed|vnd\.openxmlformats))/;

/**
 * Pack sources for `blobs`, read from `store`.
 * @throws NestError('not-found', pack.export.blob-missing) naming every file the store lacks.
 */
export function exhibitSources(store: FsBlobStore, blobs: readonly PackBlob[]): PackSource[] {
  const missing = blobs.filter((b) => !store.has(b.hash));
  if (missing.length) throw new NestError('not-found', { id: 'pack.export.blob-missing', values: { count: missing.length, names: missing.map((b) => b.names[0] ?? b.hash).join(', ') } });
  return blobs.map((b) => ({
    path: `exhibits/${b.hash}`,
    mediaType: b.mediaType,
    ...(b.names[0] !== undefined ? { originalName: b.names[0] } : {}),
    exhibits: b.exhibits,
    compress: !STORED.test(b.mediaType),
    open: () => store.read(b.hash).pipe(checkedAgainst(b.hash)),
  }));
}

/** A pass-through that fails at its end when the bytes' SHA-256 is not `hash` (the stored blob changed). */
function checkedAgainst(hash: string): Transform {
  const h = createHash('sha256');
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      h.update(chunk);
      cb(null, chunk);
    },
    flush(cb) {
      const actual = h.digest('hex');
      cb(actual === hash ? null : new NestError('internal', { id: 'pack.export.blob-changed', values: { hash, actual } }));
    },
  });
}
