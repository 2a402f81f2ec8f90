/**
 * Writes a case pack: one ZIP (yazl: ZIP64 when needed, UTF-8 names), streamed, with every file's
 * SHA-256 and size computed while it is written (never a whole file in memory), then
 * `manifest.json` (canonical JSON) and `manifest.sig` (the signature of those exact bytes). The
 * ZIP is written beside the target as `<name>.partial`, fsynced and renamed, so a crash or a
 * failed source never leaves a half pack under the final name; nor does a cancelled export (`signal`).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { canonicalJsonBytes } from '../../shared/packs/canonical-json';
import { clashingPaths, MANIFEST_PATH, manifestSchema, packPathSchema, SIGNATURE_PATH, type Manifest, type ManifestFile } from '../../shared/packs/manifest';
import type { SignatureFile } from '../../shared/packs/signature';

/** One file to put in the pack. */
export interface PackSource {
  /** Path inside the ZIP (see packPathSchema). */
  path: string;
  mediaType?: string;
  /** For attached files named by hash: the name it was added with. */
  originalName?: string;
  /** For attached files: the exhibits that cite it (manifest `exhibits`). */
  exhibits?: string[];
  /** Opens the file's content (called once, when the ZIP writer reaches it). */
  open: () => Readable | Promise<Readable>;
  /** Deflate it (true for text data; false for images, PDFs, archives that do not shrink). Default true. */
  compress?: boolean;
}

/** What {@link writePack} needs. */
export interface WritePackOptions {
  /** Where the ZIP goes (replaced atomically). */
  outFile: string;
  /** The manifest without its file list. */
  manifest: Omit<Manifest, 'files'>;
  sources: readonly PackSource[];
  /** Signs the manifest's bytes (the exporting member's key; see shared/packs/signature.ts). */
  sign: (manifestBytes: Uint8Array) => Promise<SignatureFile>;
  /** Bytes read so far after each chunk, and files finished so far (for a progress bar). */
  onProgress?: (bytesDone: number, filesDone: number) => void;
  /** The ZIP's comment (e.g. the TLP marking); CP437, so non-ASCII characters become '?'. */
  comment?: string;
  /** Stops the writing at the next chunk when aborted: the write fails with the signal's reason and the partial file is removed. */
  signal?: AbortSignal;
}

/** What was written. */
export interface WrittenPack {
  manifest: Manifest;
  /** Size of the ZIP in bytes. */
  zipBytes: number;
}

/**
 * Streams the sources into a signed pack.
 * @throws Error naming the path for a bad or duplicate path; the source's own error when one fails
 *   to open or read (nothing is left at `outFile` then).
 */
export async function writePack(o: WritePackOptions): Promise<WrittenPack> {
  const pathSchema = packPathSchema();
  for (const s of o.sources) {
    const r = pathSchema.safeParse(s.path);
    if (!r.success) throw new Error(`pack path "${s.path}" ${r.error.issues[0]?.message ?? 'is not allowed'}`);
  }
  const clashes = clashingPaths(o.sources);
  if (clashes.length) throw new Error(`pack paths listed twice or reserved: ${clashes.join(', ')}`);
  // The ZIP's timestamps are the export time: data files are byte-identical between two exports
  // of the same state; only these fields and the manifest's exportedAt differ.
  const mtime = new Date(o.manifest.exportedAt);
  const partial = `${o.outFile}.partial`;
  const zip = new yazl.ZipFile();
  const out = fs.createWriteStream(partial, { mode: 0o600 });
  const written = pipeline(zip.outputStream, out);
  let failure: unknown = null;
  zip.on('error', (err: unknown) => (failure ??= err));
  let done = 0;
  let filesDone = 0;
  try {
    const files = await Promise.all(
      o.sources.map(
        (s) =>
          new Promise<ManifestFile>((resolve, reject) => {
            zip.addReadStreamLazy(s.path, { mtime, mode: 0o100644, compress: s.compress ?? true }, (cb) => {
              Promise.resolve()
                .then(() => s.open())
                .then(
                  (source) => {
                    const hash = createHash('sha256');
                    let size = 0;
                    const tap = new PassThrough();
                    tap.on('data', (chunk: Buffer) => {
                      if (o.signal?.aborted) {
                        source.destroy();
                        tap.destroy(o.signal.reason instanceof Error ? o.signal.reason : new Error('the pack export was cancelled'));
                        return;
                      }
                      hash.update(chunk);
                      size += chunk.length;
                      done += chunk.length;
                      o.onProgress?.(done, filesDone);
                    });
                    tap.on('end', () => {
                      filesDone += 1;
                      o.onProgress?.(done, filesDone);
                      resolve({ path: s.path, size, sha256: hash.digest('hex'), ...(s.mediaType ? { mediaType: s.mediaType } : {}), ...(s.originalName ? { originalName: s.originalName } : {}), ...(s.exhibits?.length ? { exhibits: s.exhibits } : {}) });
                    });
                    // A failing source fails the pack (the caller's catch removes the partial file).
                    tap.on('error', reject);
                    source.on('error', (err) => {
                      reject(err);
                      tap.destroy(err);
                    });
                    cb(null, source.pipe(tap));
                  },
                  (err: unknown) => {
                    reject(err);
                    cb(err instanceof Error ? err : new Error(String(err)), undefined as unknown as Readable);
                  },
                );
            });
          }),
      ),
    );
    if (o.signal?.aborted) throw o.signal.reason instanceof Error ? o.signal.reason : new Error('the pack export was cancelled');
    const manifest = manifestSchema().parse({ ...o.manifest, files });
    const bytes = canonicalJsonBytes(manifest);
    const signature = await o.sign(bytes);
    zip.addBuffer(Buffer.from(bytes), MANIFEST_PATH, { mtime, mode: 0o100644 });
    zip.addBuffer(Buffer.from(JSON.stringify(signature, null, 2) + '\n', 'utf8'), SIGNATURE_PATH, { mtime, mode: 0o100644 });
    zip.end({ forceZip64Format: false, comment: (o.comment ?? '').replace(/[^\x20-\x7e]/g, '?') });
    await written;
    if (failure) throw failure;
    const fd = fs.openSync(partial, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(partial, o.outFile);
    return { manifest, zipBytes: fs.statSync(o.outFile).size };
  } catch (err) {
    (zip.outputStream as Readable).destroy();
    out.destroy();
    await written.catch(() => undefined);
    fs.rmSync(partial, { force: true });
    throw err;
  }
}
