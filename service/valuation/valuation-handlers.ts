/**
 * Handlers of the valuation domain (shared/rpc/valuation.ts): exchange-rate coverage, ECB file
 * imports (stored in the workspace's local database, never in Yjs), rate look-ups, the case and
 * network estimates and the methodology statement. The work is in ../valuation/.
 */
import type { valuationRpc } from '../../shared/rpc/valuation';
import { caseValuation } from './case-valuation';
import { caseRow, caseRows } from './case-rows';
import { workspaceValuation } from './network';
import { quote, ratesInfo } from './rates-info';
import { caseStatement } from './statement';
import type { HandlerMap } from '../rpc/types';

export const valuationHandlers: HandlerMap<keyof typeof valuationRpc> = {
  'valuation.rates': (p, { workspaces }) => ratesInfo(workspaces.get(p.workspaceId)),

  'valuation.importEcb': (p, { workspaces, logger, clock }) => {
    const ws = workspaces.get(p.workspaceId);
    const local = ws.local();
    const report = ws.store.ecbFiles.import(p.fileName, new Uint8Array(Buffer.from(p.contentBase64, 'base64')), local.memberId, clock.now());
    logger.info({ workspace: ws.id, lastDate: report.lastDate, duplicate: report.duplicate }, 'ECB rates imported');
    return report;
  },

  'valuation.removeEcb': (p, { workspaces }) => {
    const ws = workspaces.get(p.workspaceId);
    ws.store.ecbFiles.remove(p.id);
    return {};
  },

  'valuation.quote': (p, { workspaces }) => quote(workspaces.get(p.workspaceId), p.from, p.to, p.date),

  'valuation.case': (p, { workspaces }) => caseValuation(workspaces.get(p.workspaceId), p.caseId),

  'valuation.caseRows': ({ workspaceId, ...q }, { workspaces }) => caseRows(workspaces.get(workspaceId), q),

  'valuation.caseRow': (p, { workspaces }) => caseRow(workspaces.get(p.workspaceId), p.caseId, p.seizureId),

  'valuation.statement': (p, { workspaces, clock }) => caseStatement(workspaces.get(p.workspaceId), p.caseId, clock.today()),

  'valuation.workspace': (p, { workspaces }) => workspaceValuation(workspaces.get(p.workspaceId)),
};
