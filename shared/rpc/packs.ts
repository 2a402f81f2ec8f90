/**
 * RPC methods for case packs (docs/case-packs.md): export a case or a selection as a signed pack
 * and verify a pack a user opened. A page never names a path: the path-taking forms
 * (`packs.exportToFile`, `packs.verifyFile`) are trusted-only, called by Electron main with the
 * path its native dialog returned. A window exports into the data service's staging folder and
 * downloads the pack through a single-use ticket (`packs.downloadTicket` →
 * `GET /packs/download/<id>?t=<ticket>` on the browser host), and uploads a pack to verify
 * (`POST /packs/upload`, session token). Progress is pushed as `packs.progress` events (to every
 * session, so a window sees the progress of the export main runs for it).
 */
import { z } from 'zod';
import { packSelectionSchema, provenanceStatusSchema } from '../packs/manifest';
import { packCountsSchema } from '../packs/pack-counts';
import { method, trustedMethod } from './define';

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
  /** What the pack holds: its entries and ZIP size, the files the manifest covers and their bytes. */
  counts: packCountsSchema,
  /** SHA-256 of manifest.json's bytes (hex): what the signature covers, the pack's fingerprint. */
  fingerprint: z.string(),
  provenance: provenanceStatusSchema(),
  /**
   * Attached PDFs left out of the Bates production (unreadable as PDF), each with its name, hash
   * and citing exhibits: the pack still holds the original; the dialog lists them (tester F-PACK-3).
   */
  notStamped: z.array(z.object({ name: z.string(), hash: z.string(), exhibits: z.array(z.string()) })),
});

/** What the verifier found, in catalogue sentences, plus the facts the screen shows. */
export const packVerifyResultSchema = z.object({
  ok: z.boolean(),
  intact: z.boolean(),
  trusted: z.boolean(),
  /** The verdict and one sentence per difference (each names the file). */
  verdict: sentenceSchema,
  problems: z.array(sentenceSchema),
  /** Findings that do not fail the pack: a marking outside the signed manifest that differs from it. */
  warnings: z.array(sentenceSchema),
  signer: z.object({ name: z.string(), agency: z.string(), role: z.string(), workspaceId: z.string() }).nullable(),
  workspaceKid: z.string().nullable(),
  case: z.object({ number: z.string(), title: z.string(), tlp: z.string(), exportedAt: z.string() }).nullable(),
});

/** What to export: the case, a selection, the handling confirmation and the Bates numbering. */
export const packExportParamsSchema = z.object({
  workspaceId,
  caseId,
  selection: packSelectionSchema().optional(),
  /** The member confirmed who may receive a TLP:RED / TLP:AMBER+STRICT pack. */
  handlingConfirmed: z.boolean().default(false),
  /** The caller's id for this export (a UUID): progress events carry it and `packs.cancel` names it. */
  exportId: z.string().uuid().optional(),
  /** Bates numbering of report.pdf and the exhibit PDFs' stamped copies (default prefix `NEST-`, 7 digits, from 1). */
  bates: z
    .object({ prefix: z.string().regex(/^[A-Za-z0-9._-]{0,20}$/), digits: z.number().int().min(1).max(12).optional(), start: z.number().int().min(1).optional() })
    .optional(),
});
/** The export params as sent (defaults not applied). */
export type PackExportParams = z.input<typeof packExportParamsSchema>;

/** How long a download ticket stays valid, in ms (it is used once, at once, by the page). */
export const PACK_TICKET_TTL_MS = 60_000;

export const packsRpc = {
  'packs.export': method(
    packExportParamsSchema,
    packExportResultSchema,
    'Exports a case, or a selection of it, as a signed case pack (ZIP) with report.pdf, Bates-numbered copies, its exhibits, data files and relay provenance, staged in the data service for a ticketed download.',
    'seizures.export',
  ),
  'packs.exportToFile': trustedMethod(
    packExportParamsSchema.extend({
      /** The absolute `.zip` path Electron main's "Save as" returned. */
      outFile: z.string().min(1).max(4096),
    }),
    packExportResultSchema,
    'Trusted only (Electron main, after its native "Save as"): exports a case pack to an absolute path, as packs.export.',
    'seizures.export',
  ),
  'packs.cancel': method(
    z.object({ workspaceId, exportId: z.string().uuid() }),
    z.object({ cancelled: z.boolean() }),
    'Stops a running pack export at its next step (the export then fails with the code `cancelled`; nothing is left in the staging folder or at the chosen path). `cancelled` is false when no such export is running (finished already).',
    'seizures.export',
  ),
  'packs.downloadTicket': method(
    z.object({ workspaceId, stagedId: stagedPackIdSchema }),
    z.object({ url: z.string(), expiresAt: z.number().int() }),
    'A single-use, short-lived URL on the browser host from which the page’s browser downloads a pack this member staged.',
    'workspace.read',
  ),
  'packs.verify': method(
    z.object({
      workspaceId,
      stagedId: stagedPackIdSchema,
      /** The name of the file the user chose (the upload is staged under an id): named in the verdict, checked for a marking that differs from the signed one. */
      fileName: z.string().min(1).max(255).optional(),
    }),
    packVerifyResultSchema,
    'Verifies an uploaded case pack (every file, the signature and the certificate) against this workspace’s key.',
    'workspace.read',
  ),
  'packs.verifyFile': trustedMethod(
    z.object({ workspaceId, path: z.string().min(1).max(4096) }),
    packVerifyResultSchema,
    'Trusted only (Electron main, after its native "Open"): verifies the case pack at an absolute path, as packs.verify.',
    'workspace.read',
  ),
} as const;

/**
 * The phases of a pack export, in the order they run (docs/case-packs.md "Progress"): reading the
 * case doc and its volume docs, checking relay provenance, building the data tables (case.json,
 * CSV, GeoJSON, STIX), drawing the report's seizure map, printing the report (PDF), hashing and
 * writing the ZIP, signing the manifest; `complete` is the last event of a finished export.
 */
export const PACK_PHASES = ['read', 'provenance', 'tables', 'map', 'report', 'write', 'sign', 'complete'] as const;
/** One phase of {@link PACK_PHASES}. */
export type PackPhase = (typeof PACK_PHASES)[number];

/**
 * What a phase counts: `read` and `provenance` count docs (the case doc and each volume doc),
 * `tables` rows (each kept seizure once per table that lists it), `map` seizures drawn, `report`
 * report pages (known once printed), `write` bytes hashed and written, `sign` and `complete` steps.
 */
export const PACK_PHASE_UNITS = { read: 'docs', provenance: 'docs', tables: 'rows', map: 'seizures', report: 'pages', write: 'bytes', sign: 'steps', complete: 'steps' } as const satisfies Record<PackPhase, string>;

/**
 * Progress of a pack export, pushed as the `packs.progress` event: the export (`exportId`, the id
 * its caller gave, so a window can tell its own export and cancel it with `packs.cancel`), the
 * phase and how far it is, in the phase's unit ({@link PACK_PHASE_UNITS}). `total` is null while
 * it is not known (the report while Chromium prints it); `done` never exceeds a known `total`.
 * In the `write` phase `filesDone`/`totalFiles` count the pack's files too.
 */
export interface PacksProgress {
  workspaceId: string;
  caseId: string;
  /** The export's id (the caller's `exportId`, or one the service made up). */
  exportId: string;
  phase: PackPhase;
  done: number;
  total: number | null;
  /** `write` phase only: files finished and the pack's file count. */
  filesDone?: number;
  totalFiles?: number;
}
