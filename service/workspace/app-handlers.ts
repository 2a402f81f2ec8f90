/**
 * Handlers of the app domain: app info, local identity, workspaces, the demo workspace.
 */
import type { appRpc } from '../../shared/rpc/app';
import { bundledSources, openDemoWorkspace } from './demo';
import type { HandlerMap } from '../rpc/types';

export const appHandlers: HandlerMap<keyof typeof appRpc> = {
  'app.info': (_p, { app }) => ({ version: app.version, mode: app.mode, dataDir: app.dataDir, sources: bundledSources() }),
  'identity.get': (_p, { identity }) => identity.get(),
  'identity.create': (p, { identity, events }) => {
    const id = identity.save(p);
    events.broadcast('workspaces.changed', {});
    return id;
  },
  'workspaces.list': (_p, { workspaces }) => workspaces.list(),
  'workspaces.create': (p, { workspaces }) => workspaces.summarise(workspaces.create(p)),
  'storage.status': (p, { workspaces }) => ({ workspaceId: p.workspaceId, ...workspaces.get(p.workspaceId).host.storageState() }),
  'storage.retry': (p, { workspaces }) => {
    const host = workspaces.get(p.workspaceId).host;
    host.retryUnsaved();
    return { workspaceId: p.workspaceId, ...host.storageState() };
  },
  'workspaces.openDemo': async (_p, { workspaces, clock }) => workspaces.summarise(await openDemoWorkspace(workspaces, clock)),
};
