/**
 * Handlers for exporting case data out of the app: a case's seizures as CSV (export-csv.ts), its
 * seizures and routes as GeoJSON (export-geojson.ts) and as KML (export-kml.ts), each with the
 * case's TLP marking in the file name and inside the file.
 */
import { CaseDoc } from '../../shared/docs/case-doc';
import type { Seizure } from '../../shared/domain/seizure';
import { NestError } from '../../shared/errors';
import { markedFileName } from '../../shared/packs/handling';
import type { HandlerMap } from '../rpc/types';
import type { WorkspaceRuntime } from '../workspace/workspace-runtime';
import { readCompleteCaseSeizures } from '../import/case-seizures-all';
import { seizuresToCsv, type CsvMarking } from './export-csv';
import { caseToGeoJson } from './export-geojson';
import { caseToKml } from './export-kml';

/** The export methods. */
export type ExportMethod = 'export.seizuresCsv' | 'export.caseGeoJson' | 'export.caseKml';

/**
 * Reads the case and writes one export file named `<number>-seizures-TLP-<level>.<ext>` ('+' of
 * AMBER+STRICT as '-', for file systems and mail filters).
 * @throws NestError('not-found') for an unknown case, or a listed volume of its seizures this desktop lacks (pack.export.volumes-missing).
 */
function exportCase(ws: WorkspaceRuntime, caseId: string, ext: string, write: (cd: CaseDoc, marking: CsvMarking, seizures: Seizure[]) => string): { fileName: string; content: string } {
  const name = ws.caseDocName(caseId);
  if (!ws.host.exists(name)) throw new NestError('not-found', { id: 'service.case.not-found', values: { caseId } });
  return ws.host.with(name, (doc) => {
    const cd = new CaseDoc(doc);
    const meta = cd.readMeta();
    // Every volume's seizures too (docs/architecture.md "Volume docs"); refused while a listed volume has not arrived.
    const content = write(cd, { tlp: meta.tlp, caseNumber: meta.number }, readCompleteCaseSeizures(ws, caseId, cd).live);
    return { fileName: markedFileName(meta.number, 'seizures', meta.tlp, ext), content };
  });
}

// Observers (e.g. NGOs) read in the app; exporting data out of it is for members who work the case
// (the 'seizures.export' action of each method, checked by authorize()).
export const exportHandlers: HandlerMap<ExportMethod> = {
  // The CSV's marking is its first line (which the importer skips).
  'export.seizuresCsv': (p, { workspaces }) => exportCase(workspaces.get(p.workspaceId), p.caseId, 'csv', (_cd, marking, seizures) => seizuresToCsv(seizures, marking)),
  'export.caseGeoJson': (p, { workspaces }) => exportCase(workspaces.get(p.workspaceId), p.caseId, 'geojson', (cd, marking, seizures) => caseToGeoJson(seizures, cd.listRoutes(), marking)),
  'export.caseKml': (p, { workspaces }) => exportCase(workspaces.get(p.workspaceId), p.caseId, 'kml', (cd, marking, seizures) => caseToKml(seizures, cd.listRoutes(), marking)),
};
