/**
 * RPC handlers of the STIX 2.1 exchange: `cases.exportStix` (the case's bundle as a file's text,
 * read access checked once at dispatch by authorize()) and `cases.importStix` (a bundle becomes a
 * new case; the report lists what was not imported).
 */
import { NestError } from '../../shared/errors';
import type { HandlerMap } from '../rpc/types';
import { caseSnapshot } from './case-snapshot';
import { stixBundleJson } from './export-bundle';
import { importStixCase } from './import-case';

export const stixHandlers: HandlerMap<'cases.exportStix' | 'cases.importStix'> = {
  'cases.exportStix': (p, { workspaces }) => {
    const ws = workspaces.get(p.workspaceId);
    const name = ws.caseDocName(p.caseId);
    if (!ws.host.exists(name)) throw new NestError('not-found', { id: 'service.case.not-found', values: { caseId: p.caseId } });
    return ws.host.with(name, (doc) => {
      const snapshot = caseSnapshot(ws.id, doc);
      // The TLP marking travels in the file name as well as on every object of the bundle.
      return { fileName: `${snapshot.meta.number}-stix-TLP-${snapshot.meta.tlp.replace('+', '-')}.json`, content: stixBundleJson(snapshot) };
    });
  },
  'cases.importStix': (p, { workspaces, clock, logger }) => {
    const ws = workspaces.get(p.workspaceId);
    const report = importStixCase(ws, p.content, clock.today());
    logger.info({ workspaceId: ws.id, caseId: report.caseId, file: p.fileName, rejected: report.rejected.length }, 'stix import');
    return report;
  },
};
