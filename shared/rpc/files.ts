/**
 * RPC methods for a case's attached files: intake from a path the Electron shell picked (its
 * native dialog or a drop; the data service checks the path is an absolute regular file),
 * "verify files", and reading a file's bytes in slices (the viewer and thumbnails in Electron,
 * where there is no HTTP host; browser mode streams them from `GET /files/…`). Progress is pushed
 * as `files.progress` events.
 */
import { z } from 'zod';
import { sha256Schema } from '../domain/attached-file';
import { method, trustedMethod } from './define';

/** Largest slice `files.read` returns, bytes (4 MiB: well under a frame's limit). */
export const FILE_READ_SLICE_BYTES = 4 * 1024 * 1024;

const workspaceId = z.string().uuid();
const caseId = z.string().uuid();

/** An attached file as the renderer receives it. */
export const attachedFileSchema = z.object({
  id: z.string(),
  hash: sha256Schema,
  size: z.number().int(),
  mediaType: z.string(),
  name: z.string(),
  addedBy: z.string(),
  addedAt: z.number(),
  deleted: z.boolean(),
  deletedBy: z.string().optional(),
  deletedAt: z.number().optional(),
});

/** Where a file stands between this desktop and the relay (docs/evidence.md, "Desktop side"). */
export const FILE_SYNC_STATES = ['waiting', 'uploading', 'on-relay', 'downloading', 'verified', 'failed'] as const;
/** One of {@link FILE_SYNC_STATES}. */
export type FileSyncState = (typeof FILE_SYNC_STATES)[number];

/** A catalogue sentence: message id (shared/messages) and its values. */
export const messageRefSchema = z.object({ id: z.string(), values: z.record(z.string(), z.union([z.string(), z.number()])).optional() });

/**
 * The sync status of one file of a case: `state`, bytes `done` of `total` while transferring,
 * `local` whether this desktop holds the bytes, `reason` (why it failed or waits) as a catalogue
 * sentence, or null.
 */
export const fileSyncStatusSchema = z.object({
  fileId: z.string(),
  hash: sha256Schema,
  state: z.enum(FILE_SYNC_STATES),
  done: z.number().int().min(0),
  total: z.number().int().min(0),
  local: z.boolean(),
  reason: messageRefSchema.nullable(),
});
/** The sync status of one file. */
export type FileSyncStatus = z.infer<typeof fileSyncStatusSchema>;

/** Changed file statuses of a case, pushed as the `files.status` event. */
export interface FilesStatusEvent {
  workspaceId: string;
  caseId: string;
  files: FileSyncStatus[];
}

export const filesRpc = {
  'files.addFromPath': trustedMethod(
    z.object({ workspaceId, caseId, path: z.string().min(1).max(4096), name: z.string().min(1).max(255).optional() }),
    attachedFileSchema,
    'Adds the file at an absolute path to a case: stored by its SHA-256 in the workspace’s blob store, its metadata in the case.',
    'case.edit',
  ),
  'files.verify': method(
    z.object({ workspaceId, caseId }),
    z.object({ ok: z.number().int(), changed: z.array(attachedFileSchema), missing: z.array(attachedFileSchema) }),
    'Re-hashes every stored file of a case and reports those whose bytes changed or that are missing.',
    'case.read',
  ),
  // Blob sync with the relay (service/blob-sync/): status per file, keep-offline, fetch on demand.
  'files.syncStatus': method(
    z.object({ workspaceId, caseId }),
    z.object({ keepOffline: z.boolean(), files: z.array(fileSyncStatusSchema) }),
    'The sync status of every live file of a case (waiting, uploading, on the relay, downloading, verified, failed) and whether the case is kept offline here.',
    'case.read',
  ),
  'files.setKeepOffline': method(
    z.object({ workspaceId, caseId, keepOffline: z.boolean() }),
    z.object({ keepOffline: z.boolean() }),
    'Marks a case "keep files offline" on this desktop (a local setting, not shared): every file of it is downloaded.',
    'case.read',
  ),
  'files.keepOffline': method(z.object({ workspaceId, caseId }), z.object({ keepOffline: z.boolean() }), 'Whether a case is kept offline on this desktop.', 'case.read'),
  'files.fetch': method(
    z.object({ workspaceId, caseId, fileId: z.string().min(1).max(100) }),
    fileSyncStatusSchema,
    'Downloads one file of a case from the relay now (when it is opened), verified by its SHA-256; resolves with its final status.',
    'case.read',
  ),
  'files.read': method(
    z.object({ workspaceId, caseId, hash: sha256Schema, offset: z.number().int().min(0), length: z.number().int().min(1).max(FILE_READ_SLICE_BYTES) }),
    z.object({ base64: z.string(), size: z.number().int() }),
    'Reads up to `length` bytes from `offset` of a file the case lists (base64; frames carry JSON) and the blob’s whole size.',
    'case.read',
  ),
} as const;

/** Progress of a file intake or a verification, pushed as the `files.progress` event. */
export interface FilesProgress {
  workspaceId: string;
  caseId: string;
  kind: 'intake' | 'verify';
  /** Bytes (intake) or files (verify) done, and their total. */
  done: number;
  total: number;
}
