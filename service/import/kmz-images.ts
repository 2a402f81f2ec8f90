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
import type { ImportReport } from '../../shared/rpc/import';
import { t } from '../../shared/messages';
import { workspaceBlobStore } from '../blobs/case-files-service';
import type { WorkspaceRuntime } from '../workspace/workspace-runtime';

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

/**
 * After an import into case `caseId` (an existing case's, or the case the import created), attaches
 * the KMZ images `images` (see {@link attachKmzImages}) when rows were written and the import was
 * not stopped, and says how many were added in `report.warnings`. The one step both import paths
 * take (commit-import.ts, new-case-import.ts: a new case got none before, tester finding F16).
 */
export async function attachImportImages(ws: WorkspaceRuntime, caseId: string, kmzName: string, images: readonly KmzImage[], report: ImportReport): Promise<void> {
  if (!images.length || !report.batchId || report.cancelled) return;
  const name = ws.caseDocName(caseId);
  const added = await attachKmzImages(workspaceBlobStore(ws.store.file), (fn) => ws.host.with(name, fn), kmzName, images, { memberId: ws.local().memberId });
  if (added.length) report.warnings.push(t('import.warning.kmz-images-attached', { count: added.length }));
}
