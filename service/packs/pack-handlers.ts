/**
 * Handlers of the packs domain (shared/rpc/packs.ts): export a case pack (staged for a ticketed
 * download, or — trusted callers only — to the path Electron main's dialog chose) with progress
 * pushed as `packs.progress` (each phase's start and end, about ten a second between), cancel a
 * running export by its id (running-exports.ts), mint the single-use
 * download ticket, and verify a pack against this workspace's public key, answered in catalogue
 * sentences. Permissions and the trusted-only rule are checked at dispatch (authorize()).
 */
import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import { NestError } from '../../shared/errors';
import { canonicalJsonBytes } from '../../shared/packs/canonical-json';
import { packFileName } from '../../shared/packs/handling';
import type { PackExportParams, packsRpc } from '../../shared/rpc/packs';
import type { RpcResult } from '../../shared/rpc/contract';
import { verifyPack, type PackReport } from '../../node/packs/pack-verifier';
import { problemSentence, reportCounts, warningSentence } from '../../node/packs/pack-report-text';
import { packCounts } from '../../shared/packs/pack-counts';
import { permissionContext } from '../workspace/permission-context';
import type { WorkspaceRuntime } from '../workspace/workspace-runtime';
import type { HandlerMap, RpcContext } from '../rpc/types';
import { exportCasePack } from './export-pack';
import type { PhaseProgress } from './export-progress';
import { cancelExport, endExport, startExport } from './running-exports';
import { pdfPrinter } from './pdf/printer-registry';
import { newStagedPack, recordStagedOwner, stagedPack } from './pack-staging';
import { mintTicket } from './pack-tickets';
import { trustedWorkspaceKey } from './workspace-public-key';

type Sentence = { id: string; values: Record<string, string | number> };

/** The verdict sentence: VERIFIED only when every check passed and the key is trusted. */
function verdict(file: string, r: PackReport): Sentence {
  const signer = { name: r.signer?.name ?? '', agency: r.signer?.agency ?? '', kid: r.workspaceKid ?? '' };
  if (r.ok) return { id: 'pack.verify.ok', values: { file, ...reportCounts(r), ...signer } };
  if (r.intact) return { id: 'pack.verify.intact-untrusted', values: { file, ...signer } };
  return { id: 'pack.verify.failed', values: { file, count: r.problems.length } };
}

type ExportResult = RpcResult<'packs.export'>;

/** Most progress events per second of one phase (a phase's start and end always go). */
const EVENTS_PER_SECOND = 10;

/** Passes on a phase's first and last reports and, between them, about {@link EVENTS_PER_SECOND} a second. */
function progressEmitter(send: (p: PhaseProgress) => void): (p: PhaseProgress) => void {
  let last = 0;
  let phase = '';
  return (p) => {
    const now = Date.now();
    const edge = p.phase !== phase || (p.total !== null && p.done >= p.total) || p.done === 0;
    if (!edge && now - last < 1000 / EVENTS_PER_SECOND) return;
    phase = p.phase;
    last = now;
    send(p);
  };
}

/** Exports to `outFile` (trusted callers) or into the staging folder (recorded as this member's). */
async function runExport(p: PackExportParams & { handlingConfirmed: boolean }, outFile: string | null, ctx: RpcContext): Promise<ExportResult> {
  const ws = ctx.workspaces.get(p.workspaceId);
  if (outFile !== null && (!path.isAbsolute(outFile) || !outFile.toLowerCase().endsWith('.zip'))) throw new NestError('validation', { id: 'pack.export.not-a-zip-name' });
  const staged = outFile === null ? newStagedPack(ctx.app.dataDir, ctx.clock.now()) : null;
  const exportId = p.exportId ?? randomUUID();
  const signal = startExport(exportId, p.workspaceId);
  const emit = progressEmitter((pr) => ctx.events.broadcast('packs.progress', { workspaceId: p.workspaceId, caseId: p.caseId, exportId, ...pr }));
  let written: Awaited<ReturnType<typeof exportCasePack>>;
  try {
    written = await exportCasePack(ws, {
      caseId: p.caseId,
      outFile: outFile ?? staged!.file,
      appVersion: ctx.app.version,
      now: ctx.clock.now(),
      ...(p.selection ? { selection: p.selection } : {}),
      handlingConfirmed: p.handlingConfirmed,
      // report.pdf, Bates-stamped copies of exhibit PDFs and the load files, printed where this process runs.
      production: { printer: pdfPrinter(), ...(p.bates ? { bates: p.bates } : {}) },
      onProgress: emit,
      signal,
    });
  } finally {
    endExport(exportId);
  }
  const m = written.manifest;
  const fileName = packFileName(m.case.number, m.case.tlp);
  if (staged) recordStagedOwner(ctx.app.dataDir, staged.id, { workspaceId: p.workspaceId, memberId: permissionContext(ws).subject.memberId, fileName });
  return {
    path: outFile,
    stagedId: staged?.id ?? null,
    fileName,
    counts: packCounts(m.files, written.zipBytes),
    fingerprint: createHash('sha256').update(canonicalJsonBytes(m)).digest('hex'),
    provenance: m.provenance ?? { status: 'unavailable', reason: 'not-synced' },
    notStamped: written.notStamped.map((f) => ({ name: f.name, hash: f.hash, exhibits: f.exhibits })),
  };
}

/**
 * Verifies the pack at `file`; `label` names it in the verdict; `fileName` is the name the user
 * knows it by (checked for a marking that differs from the signed one), null when unknown.
 */
async function runVerify(ws: WorkspaceRuntime, file: string, label: (m: PackReport['manifest']) => string, fileName: string | null): Promise<RpcResult<'packs.verify'>> {
  const key = await trustedWorkspaceKey(ws);
  const r = await verifyPack(file, key?.jwk, { fileName });
  const m = r.manifest;
  return {
    ok: r.ok,
    intact: r.intact,
    trusted: r.trusted,
    verdict: verdict(label(m), r),
    problems: r.problems.map(problemSentence),
    warnings: r.warnings.map(warningSentence),
    signer: r.signer ? { name: r.signer.name, agency: r.signer.agency, role: r.signer.role, workspaceId: r.signer.workspaceId } : null,
    workspaceKid: r.workspaceKid,
    case: m ? { number: m.case.number, title: m.case.title, tlp: m.case.tlp, exportedAt: m.exportedAt } : null,
  };
}

export const packHandlers: HandlerMap<keyof typeof packsRpc> = {
  'packs.export': (p, ctx) => runExport(p, null, ctx),

  // Trusted only (dispatch refuses a window): the path comes from Electron main's "Save as".
  'packs.exportToFile': (p, ctx) => runExport(p, p.outFile, ctx),

  'packs.cancel': (p) => ({ cancelled: cancelExport(p.exportId, p.workspaceId) }),

  'packs.downloadTicket': (p, ctx) => {
    const ws = ctx.workspaces.get(p.workspaceId);
    const { ticket, expiresAt } = mintTicket(ctx.app.dataDir, p.stagedId, { workspaceId: p.workspaceId, memberId: permissionContext(ws).subject.memberId }, ctx.clock.now());
    return { url: `/packs/download/${p.stagedId}?t=${ticket}`, expiresAt };
  },

  'packs.verify': (p, ctx) =>
    runVerify(ctx.workspaces.get(p.workspaceId), stagedPack(ctx.app.dataDir, p.stagedId), (m) => p.fileName ?? (m ? `${m.case.number} pack` : 'the pack'), p.fileName ?? null),

  // Trusted only: the path comes from Electron main's "Open".
  'packs.verifyFile': (p, ctx) => {
    if (!path.isAbsolute(p.path)) throw new NestError('invalid-params', { id: 'pack.verify.no-file' });
    return runVerify(ctx.workspaces.get(p.workspaceId), p.path, () => path.basename(p.path), path.basename(p.path));
  },
};
