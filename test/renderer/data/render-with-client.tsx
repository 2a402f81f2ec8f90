/**
 * Test helper: a real data service (test/helpers/service.ts) with a case, and a way to render
 * renderer hooks inside the app's ServicesProvider with a real DataClient connected to it.
 */
import type { ReactNode } from 'react';
import { newCaseFields } from '../../../shared/domain/case';
import type { Identity } from '../../../shared/rpc/app';
import { ServicesProvider } from '../../../renderer/src/app/services';
import type { DataClient } from '../../../renderer/src/data/client';
import { startService, type Harness } from '../../helpers/service';

/** A service with one workspace holding one case, and the client that made them. */
export interface CaseFixture {
  h: Harness;
  admin: DataClient;
  identity: Identity;
  workspaceId: string;
  caseId: string;
  docName: string;
}

/** Starts a service with an identity, a workspace and a case "Ivory via Singapore". */
export async function caseFixture(): Promise<CaseFixture> {
  const h = startService();
  const admin = h.client();
  const identity = await admin.call('identity.create', { name: 'Ana Lima', agency: 'Federal Police', role: 'investigator' });
  const ws = await admin.call('workspaces.create', { name: 'Task Force Alpha', casePrefix: 'NEST', reportingCurrency: 'USD' });
  const c = await admin.call('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-11-29'), title: 'Ivory via Singapore' } });
  return { h, admin, identity, workspaceId: ws.id, caseId: c.id, docName: c.docName };
}

/** A wrapper for `renderHook` that provides `client` and `identity` like the app does. */
export function withClient(client: DataClient, identity: Identity | null = null): (p: { children: ReactNode }) => ReactNode {
  return function Wrapper(p: { children: ReactNode }): ReactNode {
    return (
      <ServicesProvider client={client} identity={identity}>
        {p.children}
      </ServicesProvider>
    );
  };
}
