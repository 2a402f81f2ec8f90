/**
 * RPC methods for case packs (docs/case-packs.md): export a case or a selection as a signed pack
 * and verify a pack a user opened. Electron passes absolute paths its native dialogs returned;
 * browser mode exports into the data service's staging folder and downloads it from the browser
 * host (`GET /packs/download/<id>`), and uploads a pack to verify (`POST /packs/upload`), both
 * with the session token. Progress is pushed as `packs.progress` events.
 */
import { z } from 'zod';
import { packSelectionSchema, provenanceStatusSchema } from '../packs/manifest';
import { method } from './define';

const workspaceId = z.string().uuid();
const caseId = z.string().uuid();

/** A staged pack's id (browser mode): 22 base64url characters (128 random bits). */
export const stagedPackIdSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/);

/** A catalogue sentence: its id and values, formatted by the renderer in its locale. */
const sentenceSchema = z.object({ id: z.string(), values: z.record(z.string(), z.union([z.string(), z.number()])) });

/** What an export wrote. */
export const packExportResultSchema = z.object({
  /** Where it was written (Electron: the chosen file), or null in browser mode (see `stagedId`). */
  path: z.string().nullable(),
  /** Browser mode: the id to download it by. */
  stagedId: stagedPackIdSchema.nullable(),
  /** The name to save it under (carries the TLP marking). */
  fileName: z.string(),
  /** ZIP size in bytes, and the files the manifest lists. */
  size: z.number().int(),
  files: z.number().int(),
  /** SHA-256 of manifest.json's bytes (hex): what the signature covers, the pack's fingerprint. */
  fingerprint: z.string(),
  provenance: provenanceStatusSchema,
});

/** What the verifier found, in catalogue sentences, plus the facts the screen shows. */
export const packVerifyResultSchema = z.object({
  ok: z.boolean(),
  intact: z.boolean(),
  trusted: z.boolean(),
  /** The verdict and one sentence per difference (each names the file). */
  verdict: sentenceSchema,
  problems: z.array(sentenceSchema),
  signer: z.object({ name: z.string(), agency: z.string(), role: z.string(), workspaceId: z.string() }).nullable(),
  workspaceKid: z.string().nullable(),
  case: z.object({ number: z.string(), title: z.string(), tlp: z.string(), exportedAt: z.string() }).nullable(),
});

export const packsRpc = {
  'packs.export': method(
    z.object({
      workspaceId,
      caseId,
      /** Electron: the absolute path the save dialog returned; omitted in browser mode (staged for download). */
      outFile: z.string().min(1).max(4096).optional(),
      selection: packSelectionSchema.optional(),
      /** The member confirmed who may receive a TLP:RED / TLP:AMBER+STRICT pack. */
      handlingConfirmed: z.boolean().default(false),
      /** Bates numbering of report.pdf and the exhibit PDFs' stamped copies (default prefix `NEST-`, 7 digits, from 1). */
      bates: z
        .object({ prefix: z.string().regex(/^[A-Za-z0-9._-]{0,20}$/), digits: z.number().int().min(1).max(12).optional(), start: z.number().int().min(1).optional() })
        .optional(),
    }),
    packExportResultSchema,
    'Exports a case, or a selection of it, as a signed case pack (ZIP) with report.pdf, Bates-numbered copies, its exhibits, data files and relay provenance.',
    'seizures.export',
  ),
  'packs.verify': method(
    z.object({ workspaceId, path: z.string().min(1).max(4096).optional(), stagedId: stagedPackIdSchema.optional() }),
    packVerifyResultSchema,
    'Verifies a case pack (every file, the signature and the certificate) against this workspace’s key.',
    'workspace.read',
  ),
} as const;

/** Progress of a pack export, pushed as the `packs.progress` event (bytes and files done, and their totals). */
export interface PacksProgress {
  workspaceId: string;
  caseId: string;
  bytesDone: number;
  filesDone: number;
  totalBytes: number;
  totalFiles: number;
}
