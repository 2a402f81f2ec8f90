/**
 * Handlers of the app domain: app info, local identity, workspaces, the demo workspace.
 */
import type { appRpc } from '../../shared/rpc/app';
import { bundledSources, openDemoWorkspace } from './demo';
import type { HandlerMap } from '../rpc/types';

export const appHandlers: HandlerMap<keyof typeof appRpc> = {
  'app.info': (_p, { service }) => ({ version: service.version, mode: service.mode, dataDir: service.dataDir, sources: bundledSources() }),
  'identity.get': (_p, { service }) => service.profile.get(),
  'identity.create': (p, { service }) => {
    const id = service.profile.save(p);
    service.broadcast('workspaces.changed', {});
    return id;
  },
  'workspaces.list': (_p, { service }) => service.listWorkspaces(),
  'workspaces.create': (p, { service }) => service.summarise(service.createWorkspace(p)),
  'workspaces.openDemo': async (_p, { service }) => service.summarise(await openDemoWorkspace(service)),
};
