/**
 * Exports one case, or a selection of it, as a signed case pack (docs/case-packs.md): reads the
 * case doc and its volume docs once (data files, the attached files to carry and the exported
 * state vectors of every doc come from the same state), adds the relay's provenance when the case is synced (provenance/), then streams
 * the files and the attached files from the blob store into the ZIP with the manifest and its
 * signature (node/packs/pack-writer.ts). TLP:RED and TLP:AMBER+STRICT need the member's
 * confirmation of who may receive the pack; it is recorded in the manifest, and every file, the
 * ZIP comment and the offered file name carry the marking. The case's STIX 2.1 bundle
 * (service/stix/) is read in the same pass, so it describes the same state as the other files.
 */
import { Readable } from 'node:stream';
import type { FsBlobStore } from '../../node/blobs/fs-blob-store';
import { writePack, type PackSource, type WrittenPack } from '../../node/packs/pack-writer';
import { NestError } from '../../shared/errors';
import { t } from '../../shared/messages';
import { needsConfirmation } from '../../shared/packs/handling';
import { PACK_FORMAT, type PackSelection, type ProvenanceStatus } from '../../shared/packs/manifest';
import { workspaceBlobStore } from '../blobs/case-files-service';
import { permissionContext } from '../workspace/permission-context';
import type { WorkspaceRuntime } from '../workspace/workspace-runtime';
import { buildProduction, type NotStampedFile, type ProductionOptions } from './bates/production';
import { caseData, type CaseData } from './case-data';
import { packProvenance } from './provenance/pack-provenance';
import { exhibitSources } from './exhibit-sources';
import { packSigner } from './pack-signer';
import { normaliseSelection } from './pack-selection';
import { caseSnapshot } from '../stix/case-snapshot';
import { CaseDoc } from '../../shared/docs/case-doc';
import { readCompleteCaseSeizures } from '../import/case-seizures-all';
import { stixBundleJson } from '../stix/export-bundle';

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
  /** Bytes and files written so far (for a progress bar); `totalBytes`/`totalFiles` are known up front. */
  onProgress?: (p: { bytesDone: number; filesDone: number; totalBytes: number; totalFiles: number }) => void;
  /** When given: report.pdf, Bates-stamped copies of exhibit PDFs and load files (bates/production.ts). */
  production?: ProductionOptions;
}

/** The written pack and the attached PDFs its production left out (empty without a production). */
export interface ExportedPack extends WrittenPack {
  notStamped: NotStampedFile[];
}

const text = (p: string, content: string, mediaType: string): PackSource => ({ path: p, mediaType, open: () => Readable.from([Buffer.from(content, 'utf8')]) });

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
  const data = ws.host.with(name, (doc) => {
    // Every seizure, in the case doc and each volume doc, read in the same pass (refused while a listed volume has not arrived).
    const all = readCompleteCaseSeizures(ws, o.caseId, new CaseDoc(doc));
    const d = caseData(doc, all, selection);
    // The whole case's STIX bundle (a selection narrows the other files, not the partner exchange).
    return { ...d, files: [...d.files, ['data/stix-bundle.json', stixBundleJson(caseSnapshot(ws.id, doc, all))]] as [string, string][] };
  });
  const tlp = data.meta.tlp;
  if (needsConfirmation(tlp) && !o.handlingConfirmed) throw new NestError('validation', { id: 'pack.export.confirmation-required', values: { tlp } });
  const exhibits = exhibitSources(o.blobs ?? workspaceBlobStore(ws.store.file), data.blobs);
  const sign = await packSigner(ws, member, o.now);
  const provenance = await (o.provenance ?? ((kept, meta, volumes) => packProvenance(ws, o.caseId, kept, meta, volumes)))(data.kept, { tlp, number: data.meta.number }, data.volumeDocs);
  const files: [string, string][] = provenance.csv === null ? data.files : [...data.files, ['data/provenance.csv', provenance.csv]];
  const production = o.production ? await buildProduction(ws, o.caseId, member, o.now, o.production) : null;
  const sources = [...files.map(([p, content]) => text(p, content, MEDIA[p.slice(p.lastIndexOf('.') + 1)] ?? 'text/plain; charset=utf-8')), ...exhibits, ...(production?.sources ?? [])];
  const totalBytes = files.reduce((n, [, c]) => n + Buffer.byteLength(c, 'utf8'), 0) + data.blobs.reduce((n, b) => n + b.size, 0);
  const at = new Date(o.now).toISOString();
  const settings = wsDoc.readSettings();
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
    sign,
    comment: t('pack.export.zip-comment', { tlp, caseNumber: data.meta.number }),
    ...(o.onProgress ? { onProgress: (bytesDone: number, filesDone: number) => o.onProgress!({ bytesDone, filesDone, totalBytes, totalFiles: sources.length }) } : {}),
  });
  return { ...written, notStamped: production?.notStamped ?? [] };
}
