/**
 * Moving a case file's bytes between the page and the data service, in either mode:
 * - browser mode: uploads go to the host's `POST /files/<workspace>/<case>` (XMLHttpRequest, for
 *   its upload progress) and bytes come from `GET /files/<workspace>/<case>/<sha256>`, both with
 *   the per-launch token as a Bearer header (service/entries/file-routes.ts);
 * - Electron: the main process adds files the user chose in its native dialog (the page never
 *   names a path), and bytes come through the `files.read` RPC in 4 MiB slices.
 * The bytes are handed out as a `Blob` the caller turns into a `blob:` URL (the CSP allows
 * `blob:` images and frames only).
 */
import type { AttachedFile } from '../../../shared/domain/attached-file';
import type { ErrorInfo } from '../../../shared/errors';
import { FILE_READ_SLICE_BYTES } from '../../../shared/rpc/files';
import type { DataClient } from '../data/client';
import { RpcError } from '../data/rpc-error';
import { sessionAuthHeader } from '../platform/connect';
import { desktopApi } from '../platform/desktop';

/** The case a file belongs to. */
export interface CaseRef {
  workspaceId: string;
  caseId: string;
}

function filesPath(ref: CaseRef): string {
  return `/files/${ref.workspaceId}/${ref.caseId}`;
}

function base64Bytes(s: string): Uint8Array<ArrayBuffer> {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * The bytes of `file` as a Blob typed with its recorded media type.
 * @throws RpcError (`not-found` when the bytes are not on this machine yet) or Error on a network failure.
 */
export async function loadFileBlob(client: DataClient, ref: CaseRef, file: Pick<AttachedFile, 'hash' | 'mediaType'>): Promise<Blob> {
  if (!desktopApi()) {
    const res = await fetch(`${filesPath(ref)}/${file.hash}`, { headers: sessionAuthHeader(), cache: 'no-store' });
    if (!res.ok) throw await httpError(res);
    return new Blob([await res.arrayBuffer()], { type: file.mediaType });
  }
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let offset = 0;
  for (;;) {
    const r = await client.call('files.read', { ...ref, hash: file.hash, offset, length: FILE_READ_SLICE_BYTES });
    const bytes = base64Bytes(r.base64);
    parts.push(bytes);
    offset += bytes.length;
    if (bytes.length === 0 || offset >= r.size) break;
  }
  return new Blob(parts, { type: file.mediaType });
}

async function httpError(res: Response): Promise<Error> {
  try {
    const body = (await res.json()) as { error?: ErrorInfo };
    if (body.error) return new RpcError(body.error);
  } catch {
    /* not our JSON */
  }
  return new Error(`HTTP ${res.status}`);
}

/** Upload progress: bytes sent of the file being sent, and which file of how many. */
export interface UploadProgress {
  name: string;
  sent: number;
  total: number;
  index: number;
  count: number;
}

/**
 * Browser mode: uploads one file to the case; `onProgress(sent, total)` in bytes as the browser
 * sends it (the host then hashes it, reported as `files.progress` events).
 * @returns the attached file.
 * @throws RpcError with the host's refusal (`too-large`, `forbidden` …), Error on a network failure.
 */
export function uploadFile(ref: CaseRef, file: File, onProgress: (sent: number, total: number) => void): Promise<AttachedFile> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${filesPath(ref)}?name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader('Authorization', sessionAuthHeader().Authorization);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      const body = xhr.response as (AttachedFile & { error?: undefined }) | { error: ErrorInfo } | null;
      if (xhr.status === 200 && body && !body.error) resolve(body as AttachedFile);
      else if (body?.error) reject(new RpcError(body.error));
      else reject(new Error(`HTTP ${xhr.status}`));
    };
    xhr.onerror = () => reject(new Error('network error'));
    xhr.send(file);
  });
}

/**
 * Electron: asks main to show the native "Add files" dialog and add the chosen files to the case.
 * @returns the files added (empty when cancelled).
 * @throws RpcError with the error that stopped the intake (the files before it stay added).
 */
export async function pickAndAddFiles(ref: CaseRef): Promise<AttachedFile[]> {
  const api = desktopApi();
  if (!api) return [];
  const r = await api.addFiles(ref.workspaceId, ref.caseId);
  if (r.error) throw new RpcError(r.error);
  return r.added;
}

/** True when files are added through the native dialog (Electron) rather than a browser upload. */
export function usesNativeFileDialog(): boolean {
  return desktopApi() !== null;
}
