/**
 * The images of a KMZ that its placemarks refer to (kmz.ts), attached to the case on import through
 * the files intake: each is stored content-addressed (SHA-256) in the workspace's blob store and
 * listed in the case's files as `<file.kmz>/<path inside>`, so it syncs and is verified like any
 * attached file. An image the case already lists (the same bytes, e.g. the KMZ imported again) is
 * not added twice.
 */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { FsBlobStore } from '../../node/blobs/fs-blob-store';
import { CaseFiles } from '../../shared/docs/case-files';
import type { AttachedFile } from '../../shared/domain/attached-file';
import { sniffMediaType } from '../../shared/domain/media-type';
import type { CaseDocRunner } from '../blobs/case-files-service';
import type { KmzImage } from './kmz';

/**
 * Stores `images` and adds each to the case's files, named `<kmzName>/<path>`, by `writer`.
 * Returns the files added (not those the case already had).
 * @throws NestError('too-large') when an image is past the blob store's limit.
 */
export async function attachKmzImages(blobs: FsBlobStore, run: CaseDocRunner, kmzName: string, images: readonly KmzImage[], writer: { memberId: string }): Promise<AttachedFile[]> {
  const added: AttachedFile[] = [];
  for (const img of images) {
    const r = await blobs.intake(Readable.from([Buffer.from(img.bytes.buffer, img.bytes.byteOffset, img.bytes.byteLength)]));
    const name = `${kmzName}/${img.path}`;
    const file = run((doc) => {
      const files = new CaseFiles(doc);
      if (files.list().some((f) => f.hash === r.hash)) return null;
      return files.add(randomUUID(), { hash: r.hash, size: r.size, mediaType: sniffMediaType(r.head, name), name }, writer);
    });
    if (file) added.push(file);
  }
  return added;
}
