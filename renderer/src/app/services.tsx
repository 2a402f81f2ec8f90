/**
 * The app's services, handed down through React context instead of globals: the data-service
 * client and the local identity (known after first run).
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { DataClient } from '../data/client';
import type { Identity } from '../../../shared/rpc/app';

interface Services {
  client: DataClient;
  identity: Identity | null;
}

const ServicesContext = createContext<Services | null>(null);

/** Provides the client and identity to the tree below. */
export function ServicesProvider(props: Services & { children: ReactNode }): ReactNode {
  return <ServicesContext.Provider value={{ client: props.client, identity: props.identity }}>{props.children}</ServicesContext.Provider>;
}

/**
 * Inside a workspace: the identity as that workspace knows it. A member who joined with an
 * invitation writes under the invitation's member id, which differs from the local profile's.
 */
export function WorkspaceIdentity(props: { memberId: string; children: ReactNode }): ReactNode {
  const s = useServices();
  const identity = s.identity && props.memberId && s.identity.memberId !== props.memberId ? { ...s.identity, memberId: props.memberId } : s.identity;
  return <ServicesContext.Provider value={{ client: s.client, identity }}>{props.children}</ServicesContext.Provider>;
}

function useServices(): Services {
  const s = useContext(ServicesContext);
  if (!s) throw new Error('ServicesProvider is missing');
  return s;
}

/** The data-service client. */
export function useClient(): DataClient {
  return useServices().client;
}

/**
 * The local identity.
 * @throws Error when called before first run is complete (screens after first run only).
 */
export function useIdentity(): Identity {
  const id = useServices().identity;
  if (!id) throw new Error('no identity yet');
  return id;
}
