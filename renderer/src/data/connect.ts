/**
 * Connects the page to the data service in either mode:
 * - Electron: asks the preload (`window.nestDesk`) for a MessagePort;
 * - browser mode: opens a WebSocket to the host that served the page, with the per-launch token
 *   from the URL fragment (`#token=…`, kept in sessionStorage so a reload keeps working).
 */
import { DATA_PORT_MESSAGE, type DesktopApi } from '../../../shared/desktop-api';
import { DataClient } from './client';
import { messagePortTransport, openWebSocketTransport } from './transports';

declare global {
  interface Window {
    nestDesk?: DesktopApi;
  }
}

/** The desktop API when running in Electron, else null. */
export function desktopApi(): DesktopApi | null {
  return window.nestDesk ?? null;
}

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

/**
 * Connects to the data service.
 * @throws Error with a user-readable message when no token is present or the host refuses.
 */
export async function connectDataService(): Promise<DataClient> {
  const api = desktopApi();
  if (api) {
    const port = await electronPort(api);
    return new DataClient(messagePortTransport(port));
  }
  const token = browserToken();
  if (!token) throw new Error('This page needs the address printed by "npm run serve" (it contains an access token after #token=).');
  const url = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/rpc`;
  const transport = await openWebSocketTransport(url, token);
  return new DataClient(transport, () => openWebSocketTransport(url, token));
}
