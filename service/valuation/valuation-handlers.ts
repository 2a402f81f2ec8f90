/**
 * Handlers of the valuation domain (shared/rpc/valuation.ts): exchange-rate coverage, ECB file
 * imports (stored in the workspace's local database, never in Yjs), rate look-ups, the case and
 * network estimates and the methodology statement. The work is in ../valuation/.
 */
import type { valuationRpc } from '../../shared/rpc/valuation';
import { caseValuation } from './case-valuation';
import { importEcbFile, removeEcbFile } from './ecb-files';
import { workspaceValuation } from './network';
import { quote, ratesInfo } from './rates-info';
import { caseStatement } from './statement';
import type { HandlerMap } from '../rpc/types';

/** Today's date (local time), YYYY-MM-DD, for the statement's "generated on". */
function today(now = new Date()): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

export const valuationHandlers: HandlerMap<keyof typeof valuationRpc> = {
  'valuation.rates': (p, { service }) => ratesInfo(service.workspace(p.workspaceId)),

  'valuation.importEcb': (p, { service }) => {
    const ws = service.workspace(p.workspaceId);
    const local = ws.local();
    const report = importEcbFile(ws.store.db, p.fileName, new Uint8Array(Buffer.from(p.contentBase64, 'base64')), local.memberId);
    service.logger.info({ workspace: ws.id, lastDate: report.lastDate, duplicate: report.duplicate }, 'ECB rates imported');
    return report;
  },

  'valuation.removeEcb': (p, { service }) => {
    removeEcbFile(service.workspace(p.workspaceId).store.db, p.id);
    return {};
  },

  'valuation.quote': (p, { service }) => quote(service.workspace(p.workspaceId), p.from, p.to, p.date),

  'valuation.case': (p, { service }) => caseValuation(service.workspace(p.workspaceId), p.caseId),

  'valuation.statement': (p, { service }) => caseStatement(service.workspace(p.workspaceId), p.caseId, today()),

  'valuation.workspace': (p, { service }) => workspaceValuation(service.workspace(p.workspaceId)),
};
