/**
 * Exports one case, or a selection of it, as a signed case pack (docs/case-packs.md): reads the
 * case doc and its volume docs once (data files, the report, the attached files to carry and the
 * exported state vectors of every doc come from that read: a frozen copy of the case doc, each
 * volume read whole at the state vector recorded for it), adds the relay's provenance when the
 * case is synced (provenance/), then streams the files and the attached files from the blob store
 * into the ZIP with the manifest and its signature (node/packs/pack-writer.ts). It runs in
 * phases (shared/rpc/packs.ts `PACK_PHASES`), each reported with how far it is, and yields to the
 * event loop every few hundred seizures (export-progress.ts) so the data service keeps serving
 * other windows and sync; a cancelled export stops at its next step and leaves no file. TLP:RED and TLP:AMBER+STRICT need the member's
 * confirmation of who may receive the pack; it is recorded in the manifest, and every file, the
 * ZIP comment and the offered file name carry the marking. The case's STIX 2.1 bundle
 * (service/stix/) is read in the same pass, so it describes the same state as the other files.
 */
import * as Y from 'yjs';
import type { FsBlobStore } from '../../node/blobs/fs-blob-store';
import { writePack, type WrittenPack } from '../../node/packs/pack-writer';
import { NestError } from '../../shared/errors';
import { t } from '../../shared/messages';
import { needsConfirmation } from '../../shared/packs/handling';
import { PACK_FORMAT, type PackSelection, type ProvenanceStatus } from '../../shared/packs/manifest';
import { workspaceBlobStore } from '../blobs/case-files-service';
import { permissionContext } from '../workspace/permission-context';
import type { WorkspaceRuntime } from '../workspace/workspace-runtime';
import { buildProduction, type NotStampedFile, type ProductionOptions } from './bates/production';
import { caseData, caseDataFiles, tableRows, type CaseData } from './case-data';
import { ExportRun, type PhaseProgress } from './export-progress';
import { packProvenance } from './provenance/pack-provenance';
import { exhibitSources } from './exhibit-sources';
import { packSigner } from './pack-signer';
import { encodeTextPaced, TextChunks, textSource, type EncodedText } from './pack-text';
import { normaliseSelection } from './pack-selection';
import { caseSnapshot } from '../stix/case-snapshot';
import { CaseDoc } from '../../shared/docs/case-doc';
import { readCompleteCaseSeizuresPaced } from '../import/case-seizures-all';
import { writeStixBundlePaced } from '../stix/export-bundle';

/** The relay provenance to put in the pack: its CSV (absent when unavailable) and its status. */
export interface PackProvenance {
  csv: string | null;
  status: ProvenanceStatus;
}

/** What {@link exportCasePack} needs besides the workspace. */
export interface ExportPackOptions {
  caseId: string;
  /** Where the ZIP goes (replaced atomically). */
  outFile: string;
  /** The app's version (manifest `app.version`). */
  appVersion: string;
  /** ms since epoch (manifest `exportedAt`, certificate issue time, handling confirmation time). */
  now: number;
  /** Export only part of the case (omitted: the whole case). */
  selection?: PackSelection;
  /** The member confirmed who may receive a TLP:RED / TLP:AMBER+STRICT pack (required for those). */
  handlingConfirmed?: boolean;
  /**
   * Reads the relay's provenance for the records kept; default: the workspace's relay
   * (provenance/pack-provenance.ts), which says provenance is unavailable for an unsynced case.
   */
  provenance?: (kept: CaseData['kept'], meta: { tlp: string; number: string }, volumes: CaseData['volumeDocs']) => Promise<PackProvenance>;
  /** The workspace's blob store (default: the one beside its database). */
  blobs?: FsBlobStore;
  /** Each phase's start and progress (export-progress.ts); the last report is phase `complete`. */
  onProgress?: (p: PhaseProgress) => void;
  /** Cancels the export when aborted (at its next step; NestError('cancelled'), nothing written). */
  signal?: AbortSignal;
  /** When given: report.pdf, Bates-stamped copies of exhibit PDFs and load files (bates/production.ts). */
  production?: ProductionOptions;
}

/** The written pack and the attached PDFs its production left out (empty without a production). */
export interface ExportedPack extends WrittenPack {
  notStamped: NotStampedFile[];
}

const MEDIA: Record<string, string> = { json: 'application/json', csv: 'text/csv; charset=utf-8', geojson: 'application/geo+json' };

/**
 * Writes the pack of `o.caseId` to `o.outFile` as the local member.
 * @throws NestError('not-found') for an unknown case, an attached file this desktop lacks
 *   (pack.export.blob-missing, nothing written) or a volume of its seizures it lacks (pack.export.volumes-missing); NestError('forbidden') when this desktop has no
 *   member record yet (pack.no-member-record) or no certificate for its key yet
 *   (pack.awaiting-certificate, see pack-signer.ts); NestError('validation',
 *   pack.export.confirmation-required) for an unconfirmed TLP:RED / TLP:AMBER+STRICT case; NestError('export-failed') when the
 *   report cannot be printed (o.production).
 */
export async function exportCasePack(ws: WorkspaceRuntime, o: ExportPackOptions): Promise<ExportedPack> {
  const name = ws.caseDocName(o.caseId);
  if (!ws.host.exists(name)) throw new NestError('not-found', { id: 'service.case.not-found', values: { caseId: o.caseId } });
  const { subject } = permissionContext(ws);
  const wsDoc = ws.workspaceDoc();
  const member = wsDoc.getMember(subject.memberId);
  if (!member) throw new NestError('forbidden', { id: 'pack.no-member-record' });
  const selection = normaliseSelection(o.selection);
  const run = new ExportRun(o.onProgress, o.signal);
  const rowStep = (n: number): Promise<void> => run.step(n);

  // Phase read: a copy of the case doc held still while the volumes are read between yields (the
  // doc itself may change meanwhile); every seizure, refused while a listed volume has not arrived.
  const doc = ws.host.with(name, (live) => {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(live));
    return copy;
  });
  const all = await readCompleteCaseSeizuresPaced(ws, o.caseId, new CaseDoc(doc), (docs) => run.begin('read', docs), () => run.step(1), () => run.pause());
  const data = caseData(doc, all, selection);
  const tlp = data.meta.tlp;
  if (needsConfirmation(tlp) && !o.handlingConfirmed) throw new NestError('validation', { id: 'pack.export.confirmation-required', values: { tlp } });
  const exhibits = exhibitSources(o.blobs ?? workspaceBlobStore(ws.store.file), data.blobs);
  const sign = await packSigner(ws, member, o.now);

  // Phase provenance: the relay's log of the case doc and each volume doc.
  await run.begin('provenance', 1 + data.volumeDocs.length);
  const provenance = await (o.provenance ?? ((kept, meta, volumes) => packProvenance(ws, o.caseId, kept, meta, volumes, fetch, () => run.step(1))))(data.kept, { tlp, number: data.meta.number }, data.volumeDocs);

  // Phase tables: case.json, seizures.csv, seizures.geojson (the kept seizures) and the whole case's
  // STIX bundle (a selection narrows the other files, not the partner exchange).
  // Each seizure counts twice in the STIX bundle: identified, then its objects written.
  await run.begin('tables', tableRows(data.tables) + 2 * all.live.length);
  const tables = await caseDataFiles(data.tables, rowStep);
  // Like the tables, the STIX bundle (the largest file: ~100 MiB of text at 100,000 seizures) goes straight into UTF-8 chunks, never one string.
  const stix = new TextChunks();
  await writeStixBundlePaced(caseSnapshot(ws.id, doc, all), stix.write, rowStep, () => run.pause());
  const files: [string, EncodedText][] = [...tables, ['data/stix-bundle.json', stix.done()]];
  if (provenance.csv !== null) files.push(['data/provenance.csv', await encodeTextPaced(provenance.csv, () => run.pause())]);

  // Phases map and report (production.ts), from the same read.
  const production = o.production ? await buildProduction(ws, o.caseId, member, o.now, o.production, { read: { doc, all }, run }) : null;
  const sources = [...files.map(([p, content]) => textSource(p, content, MEDIA[p.slice(p.lastIndexOf('.') + 1)] ?? 'text/plain; charset=utf-8')), ...exhibits, ...(production?.sources ?? [])];
  const totalBytes = files.reduce((n, [, c]) => n + c.bytes, 0) + data.blobs.reduce((n, b) => n + b.size, 0);
  const at = new Date(o.now).toISOString();
  const settings = wsDoc.readSettings();

  // Phase write: bytes hashed and written. The production's PDFs are stamped as the writer reaches
  // them, so their bytes are not known up front: the total grows to the bytes actually read.
  await run.begin('write', totalBytes);
  const totalFiles = sources.length;
  const written = await writePack({
    outFile: o.outFile,
    manifest: {
      format: PACK_FORMAT,
      app: { name: 'NEST Desk', version: o.appVersion },
      workspace: { id: ws.id, name: settings.name },
      case: { id: data.meta.id, number: data.meta.number, title: data.meta.title, tlp, stateVector: data.stateVector, volumes: data.volumes },
      exportedBy: { memberId: member.id, name: member.name, agency: member.agency, role: member.role },
      exportedAt: at,
      ...(selection ? { selection } : {}),
      ...(needsConfirmation(tlp) ? { handling: { tlp, confirmedBy: { memberId: member.id, name: member.name }, confirmedAt: at } } : {}),
      provenance: provenance.status,
    },
    sources,
    // Phase sign: the manifest's bytes, once every file is hashed.
    sign: async (bytes) => {
      await run.begin('sign', 1);
      const signature = await sign(bytes);
      run.advance(1);
      return signature;
    },
    comment: t('pack.export.zip-comment', { tlp, caseNumber: data.meta.number }),
    onProgress: (bytesDone, filesDone) => {
      if (run.progress.phase !== 'write') return;
      if (run.progress.total !== null && bytesDone > run.progress.total) run.setTotal(bytesDone);
      run.advance(bytesDone - run.progress.done, { filesDone, totalFiles });
    },
    ...(o.signal ? { signal: o.signal } : {}),
  });
  run.finish();
  return { ...written, notStamped: production?.notStamped ?? [] };
}
