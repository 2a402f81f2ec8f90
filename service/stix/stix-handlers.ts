/**
 * RPC handlers of the STIX 2.1 exchange: `cases.exportStix` (the case's bundle as a file's text,
 * read access checked once at dispatch by authorize()) and `cases.importStix` (a bundle becomes a
 * new case; the report lists what was not imported), and `cases.previewStix` (the same reading of
 * the bundle, nothing written: what an import would create and skip, for the import dialog).
 */
import { NestError } from '../../shared/errors';
import { markedFileName } from '../../shared/packs/handling';
import type { HandlerMap } from '../rpc/types';
import { caseSnapshot } from './case-snapshot';
import { CaseDoc } from '../../shared/docs/case-doc';
import { readCompleteCaseSeizures } from '../import/case-seizures-all';
import { stixBundleJson } from './export-bundle';
import { importStixCase } from './import-case';
import { readBundle } from './read-bundle';

export const stixHandlers: HandlerMap<'cases.exportStix' | 'cases.importStix' | 'cases.previewStix'> = {
  'cases.exportStix': (p, { workspaces }) => {
    const ws = workspaces.get(p.workspaceId);
    const name = ws.caseDocName(p.caseId);
    if (!ws.host.exists(name)) throw new NestError('not-found', { id: 'service.case.not-found', values: { caseId: p.caseId } });
    return ws.host.with(name, (doc) => {
      const snapshot = caseSnapshot(ws.id, doc, readCompleteCaseSeizures(ws, p.caseId, new CaseDoc(doc)));
      // The TLP marking travels in the file name as well as on every object of the bundle.
      return { fileName: markedFileName(snapshot.meta.number, 'stix', snapshot.meta.tlp, 'json'), content: stixBundleJson(snapshot) };
    });
  },
  // The import reads the bundle with the same readBundle(): the preview cannot promise what the import would not do.
  'cases.previewStix': (p, { clock }) => {
    const plan = readBundle(p.content, clock.today());
    return { title: plan.fields.title, tlp: plan.fields.tlp, seizures: plan.seizures.length, entities: plan.entities.length, links: plan.links.length, rejected: plan.rejected };
  },
  'cases.importStix': (p, { workspaces, clock, logger }) => {
    const ws = workspaces.get(p.workspaceId);
    const report = importStixCase(ws, p.content, clock.today());
    logger.info({ workspaceId: ws.id, caseId: report.caseId, file: p.fileName, rejected: report.rejected.length }, 'stix import');
    return report;
  },
};
