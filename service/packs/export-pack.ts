/**
 * Exports one case as a signed case pack (docs/case-packs.md): reads the case doc once (data
 * files and the exported state vector come from the same state), then streams the files into the
 * ZIP with the manifest and its signature (node/packs/pack-writer.ts). What is not in the pack yet
 * (report.pdf, entities, exhibits, custody) is listed in docs/case-packs.md.
 */
import { Readable } from 'node:stream';
import { NestError } from '../../shared/errors';
import { PACK_FORMAT } from '../../shared/packs/manifest';
import { writePack, type PackSource, type WrittenPack } from '../../node/packs/pack-writer';
import { permissionContext } from '../workspace/permission-context';
import type { WorkspaceRuntime } from '../workspace/workspace-runtime';
import { caseData } from './case-data';
import { packSigner } from './pack-signer';
import { caseSnapshot } from '../stix/case-snapshot';
import { stixBundleJson } from '../stix/export-bundle';

/** What {@link exportCasePack} needs besides the workspace. */
export interface ExportPackOptions {
  caseId: string;
  /** Where the ZIP goes (replaced atomically). */
  outFile: string;
  /** The app's version (manifest `app.version`). */
  appVersion: string;
  /** ms since epoch (manifest `exportedAt`, certificate issue time). */
  now: number;
  /** Bytes written so far (for a progress bar). */
  onProgress?: (bytesDone: number) => void;
}

const text = (p: string, content: string, mediaType: string): PackSource => ({ path: p, mediaType, open: () => Readable.from([Buffer.from(content, 'utf8')]) });

/**
 * Writes the pack of `o.caseId` to `o.outFile` as the local member.
 * @throws NestError('not-found') for an unknown case; NestError('forbidden') when this desktop has
 *   no member record yet (pack.no-member-record) or no certificate for its key yet
 *   (pack.awaiting-certificate, see pack-signer.ts).
 */
export async function exportCasePack(ws: WorkspaceRuntime, o: ExportPackOptions): Promise<WrittenPack> {
  const name = ws.caseDocName(o.caseId);
  if (!ws.host.exists(name)) throw new NestError('not-found', { id: 'service.case.not-found', values: { caseId: o.caseId } });
  const { subject } = permissionContext(ws);
  const wsDoc = ws.workspaceDoc();
  const member = wsDoc.getMember(subject.memberId);
  if (!member) throw new NestError('forbidden', { id: 'pack.no-member-record' });
  const sign = await packSigner(ws, member, o.now);
  // The STIX bundle is read in the same pass, so it describes the same state as the other files.
  const data = ws.host.with(name, (doc) => ({ ...caseData(doc), stixBundle: stixBundleJson(caseSnapshot(ws.id, doc)) }));
  const settings = wsDoc.readSettings();
  return writePack({
    outFile: o.outFile,
    manifest: {
      format: PACK_FORMAT,
      app: { name: 'NEST Desk', version: o.appVersion },
      workspace: { id: ws.id, name: settings.name },
      case: { id: data.meta.id, number: data.meta.number, title: data.meta.title, tlp: data.meta.tlp, stateVector: data.stateVector },
      exportedBy: { memberId: member.id, name: member.name, agency: member.agency, role: member.role },
      exportedAt: new Date(o.now).toISOString(),
    },
    sources: [
      text('data/case.json', data.caseJson, 'application/json'),
      text('data/seizures.csv', data.seizuresCsv, 'text/csv; charset=utf-8'),
      text('data/seizures.geojson', data.seizuresGeoJson, 'application/geo+json'),
      text('data/stix-bundle.json', data.stixBundle, 'application/stix+json;version=2.1'),
    ],
    sign,
    ...(o.onProgress ? { onProgress: o.onProgress } : {}),
  });
}
