/**
 * Attached files in the data service: intake of a file into the workspace's blob store
 * (`<workspace folder>/blobs/sha256/ab/cdef…`, node/blobs/fs-blob-store.ts) followed by its
 * metadata record in the case doc, and "verify files": every stored file of a case re-hashed in
 * the background, reporting the changed and missing ones. Works on interfaces (a blob store and a
 * doc runner), so tests pass real small ones.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type * as Y from 'yjs';
import { FsBlobStore } from '../../node/blobs/fs-blob-store';
import { CaseFiles } from '../../shared/docs/case-files';
import type { AttachedFile } from '../../shared/domain/attached-file';
import { sniffMediaType } from '../../shared/domain/media-type';
import { NestError } from '../../shared/errors';
import { maxFileBytes } from './max-file-bytes';

/** Runs `fn` on the live case doc (DocHost.with): writes made there are stored and synced. */
export type CaseDocRunner = <T>(fn: (doc: Y.Doc) => T) => T;

/**
 * The blob store of the workspace whose database is `workspaceDbFile` (its folder's `blobs/`),
 * accepting files up to `maxBytes` (default: the installation's limit, max-file-bytes.ts).
 * @throws NestError('validation') `file.bad-max-size` when that limit is misconfigured.
 */
export function workspaceBlobStore(workspaceDbFile: string, maxBytes = maxFileBytes()): FsBlobStore {
  return new FsBlobStore(path.join(path.dirname(workspaceDbFile), 'blobs'), { maxBytes });
}

/**
 * Adds the file at `file` to a case: streamed into the blob store (hashed while copied), then its
 * record (hash, size, sniffed media type, `name` or the file's base name, this member, now).
 * `onProgress(done, total)` in bytes.
 * @throws NestError('validation') `file.not-a-file` when `file` is not a readable regular file;
 *   NestError('too-large') past the store's limit.
 */
export async function addFileFromPath(
  blobs: FsBlobStore,
  run: CaseDocRunner,
  file: string,
  writer: { memberId: string },
  opts: { name?: string; onProgress?: (done: number, total: number) => void } = {},
): Promise<AttachedFile> {
  const name = opts.name ?? path.basename(file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new NestError('validation', { id: 'file.not-a-file', values: { name } });
  }
  if (!stat.isFile()) throw new NestError('validation', { id: 'file.not-a-file', values: { name } });
  const r = await blobs.intake(fs.createReadStream(file), (done) => opts.onProgress?.(done, stat.size));
  return run((doc) => new CaseFiles(doc).add(randomUUID(), { hash: r.hash, size: r.size, mediaType: sniffMediaType(r.head, name), name }, writer));
}

/** What {@link verifyCaseFiles} found: counts and the files whose bytes changed or are missing. */
export interface VerifyReport {
  ok: number;
  changed: AttachedFile[];
  missing: AttachedFile[];
}

/**
 * Re-hashes every stored live file of a case (each distinct hash once), one after the other so a
 * large case does not take the disk from the app; `onProgress(done, total)` in files.
 */
export async function verifyCaseFiles(blobs: FsBlobStore, files: readonly AttachedFile[], onProgress?: (done: number, total: number) => void): Promise<VerifyReport> {
  const live = files.filter((f) => !f.deleted);
  const byHash = new Map<string, AttachedFile[]>();
  for (const f of live) byHash.set(f.hash, [...(byHash.get(f.hash) ?? []), f]);
  const report: VerifyReport = { ok: 0, changed: [], missing: [] };
  let done = 0;
  for (const [hash, same] of byHash) {
    const result = await blobs.check(hash);
    if (result === 'ok') report.ok += same.length;
    else report[result].push(...same);
    done += same.length;
    onProgress?.(done, live.length);
  }
  return report;
}

/**
 * Bytes `offset`…`offset + length - 1` (fewer at the end) of the blob `hash`, which must be a file
 * of `files` (a case's records, deleted ones included: an exhibit may still cite one), and the
 * blob's whole size in bytes.
 * @throws NestError('not-found') `blob.not-referenced` when the case lists no such file or its
 *   bytes are not stored here (not yet fetched from the relay).
 */
export async function readCaseFileSlice(blobs: FsBlobStore, files: readonly AttachedFile[], hash: string, offset: number, length: number): Promise<{ bytes: Uint8Array; size: number }> {
  const size = files.some((f) => f.hash === hash) ? blobs.size(hash) : null;
  if (size === null) throw new NestError('not-found', { id: 'blob.not-referenced' });
  if (offset >= size) return { bytes: new Uint8Array(0), size };
  const chunks: Buffer[] = [];
  for await (const c of blobs.read(hash, offset, Math.min(size, offset + length) - 1)) chunks.push(c as Buffer);
  return { bytes: Buffer.concat(chunks), size };
}
