/**
 * Handlers of the history domain (shared/rpc/history.ts): the case's provenance from the relay,
 * the relay's alerts, and restore. A restore fetches the case doc's past state from the relay and
 * applies the difference to the live doc as one write by this member (shared/docs/restore.ts),
 * which syncs like any edit; the relay then stores it with its own provenance row.
 */
import * as Y from 'yjs';
import { DocRestorer } from '../../shared/docs/restore';
import { CASE_DOC_ROOTS } from '../../shared/docs/root-types';
import type { historyRpc } from '../../shared/rpc/history';
import type { HandlerMap } from '../rpc/types';
import { relayHistory } from './relay-history';

export const historyHandlers: HandlerMap<keyof typeof historyRpc> = {
  'history.list': async (p, { workspaces }) => {
    const ws = workspaces.get(p.workspaceId);
    const page = await relayHistory(ws).page(ws.caseDocName(p.caseId), p.after);
    return { entries: page.entries, next: page.next };
  },

  'history.alerts': async (p, { workspaces }) => ({ alerts: await relayHistory(workspaces.get(p.workspaceId)).alerts(p.after) }),

  'history.restore': async (p, { workspaces }) => {
    const ws = workspaces.get(p.workspaceId);
    const name = ws.caseDocName(p.caseId);
    const past = new Y.Doc();
    try {
      Y.applyUpdate(past, await relayHistory(ws).stateAt(name, p.seq));
      const writer = { memberId: ws.local().memberId };
      return ws.host.with(name, (doc) => {
        const restorer = new DocRestorer(doc, CASE_DOC_ROOTS);
        return p.seizureId ? restorer.restoreRecord(past, p.seq, 'seizures', p.seizureId, writer) : restorer.restoreDoc(past, p.seq, writer);
      });
    } finally {
      past.destroy();
    }
  },
};
