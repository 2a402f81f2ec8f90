/**
 * Connects the page to the data service, and reconnects it, in either mode:
 * - Electron: asks the preload for a MessagePort. When the data service restarts, main tells the
 *   window (`DATA_SERVICE_RESTARTED_MESSAGE`); the client then drops the dead port, asks for a new
 *   one and re-opens its docs over it (live queries refetch when the state is 'open' again).
 * - browser mode: opens a WebSocket to the host that served the page, with the per-launch token
 *   from the URL fragment (`#token=…`, kept in sessionStorage so a reload keeps working); when the
 *   socket drops (host restarted) the client retries with backoff.
 */
import { DATA_PORT_MESSAGE, DATA_SERVICE_RESTARTED_MESSAGE, type DesktopApi } from '../../../shared/desktop-api';
import { DataClient } from '../data/client';
import { desktopApi } from './desktop';
import { messagePortTransport, openWebSocketTransport } from './transports';

function electronPort(api: DesktopApi): Promise<MessagePort> {
  return new Promise((resolve) => {
    const onMessage = (e: MessageEvent): void => {
      if (e.source !== window || e.data !== DATA_PORT_MESSAGE || !e.ports[0]) return;
      window.removeEventListener('message', onMessage);
      resolve(e.ports[0]);
    };
    window.addEventListener('message', onMessage);
    api.requestDataPort();
  });
}

/** The browser-mode token from the URL fragment or sessionStorage, or null. */
export function browserToken(): string | null {
  const m = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (m) {
    sessionStorage.setItem('nest-token', m[1]!);
    return m[1]!;
  }
  return sessionStorage.getItem('nest-token');
}

/** The header that authenticates a browser-mode `fetch` to the host (service/entries/bearer.ts reads it). */
export function sessionAuthHeader(): { Authorization: string } {
  return { Authorization: `Bearer ${browserToken() ?? ''}` };
}

/**
 * Electron: a client whose reconnect waits for main's restart notice (the old service is gone
 * until then; asking earlier would hand us a port to nothing) and then asks for a new port.
 */
async function connectElectron(api: DesktopApi): Promise<DataClient> {
  let restarted = false;
  let waiting: (() => void) | null = null;
  const reconnect = async (): Promise<ReturnType<typeof messagePortTransport>> => {
    if (!restarted) await new Promise<void>((resolve) => (waiting = resolve));
    restarted = false;
    return messagePortTransport(await electronPort(api));
  };
  const client = new DataClient(messagePortTransport(await electronPort(api)), reconnect);
  window.addEventListener('message', (e: MessageEvent) => {
    if (e.source !== window || e.data !== DATA_SERVICE_RESTARTED_MESSAGE) return;
    restarted = true;
    const w = waiting;
    waiting = null;
    w?.();
    // The old port may not have reported its close (yet): drop it so the reconnect starts now.
    client.drop();
  });
  return client;
}

/**
 * Connects to the data service.
 * @throws Error with a user-readable message when no token is present or the host refuses.
 */
export async function connectDataService(): Promise<DataClient> {
  const api = desktopApi();
  if (api) return connectElectron(api);
  const token = browserToken();
  if (!token) throw new Error('This page needs the address printed by "npm run serve" (it contains an access token after #token=).');
  const url = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/rpc`;
  const transport = await openWebSocketTransport(url, token);
  return new DataClient(transport, () => openWebSocketTransport(url, token));
}
