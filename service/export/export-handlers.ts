/**
 * Handlers for exporting case data out of the app: a case's seizures as CSV (export-csv.ts), with
 * the case's TLP marking in the file name and inside the file.
 */
import { CaseDoc } from '../../shared/docs/case-doc';
import { NestError } from '../../shared/errors';
import type { HandlerMap } from '../rpc/types';
import { listAllSeizures } from '../import/case-seizures-all';
import { seizuresToCsv } from './export-csv';

export const exportHandlers: HandlerMap<'export.seizuresCsv'> = {
  'export.seizuresCsv': (p, { workspaces }) => {
    const ws = workspaces.get(p.workspaceId);
    // Observers (e.g. NGOs) read in the app; exporting data out of it is for members who work the case.
    const name = ws.caseDocName(p.caseId);
    if (!ws.host.exists(name)) throw new NestError('not-found', { id: 'service.case.not-found', values: { caseId: p.caseId } });
    return ws.host.with(name, (doc) => {
      const cd = new CaseDoc(doc);
      const meta = cd.readMeta();
      // The TLP marking travels in the file name and in the file's first line (which the importer skips).
      // Every volume's seizures too (docs/architecture.md "Volume docs").
      const content = seizuresToCsv(listAllSeizures(ws, p.caseId, cd), { tlp: meta.tlp, caseNumber: meta.number });
      return { fileName: `${meta.number}-seizures-TLP-${meta.tlp.replace('+', '-')}.csv`, content };
    });
  },
};
