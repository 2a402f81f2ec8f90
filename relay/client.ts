/**
 * For Node clients of the relay (the desktop's sync engine, tests, the benchmark): a `ws`
 * WebSocket class that sends the member token as `Authorization: Bearer <token>` on the upgrade,
 * to pass as y-websocket's `WebSocketPolyfill`. Browsers cannot set that header; NEST Desk
 * syncs from its Node data service.
 *
 *   new WebsocketProvider(relayUrl, docName, doc, { WebSocketPolyfill: webSocketWithToken(token), disableBc: true })
 */
import WebSocket, { type ClientOptions } from 'ws';
import { authorizationHeader } from '../shared/protocol/relay';

/**
 * A WebSocket class (constructor `(url, protocols?)`, as y-websocket calls it) whose every
 * instance sends `token` in the Authorization header. `extra` adds ws client options (e.g.
 * `maxPayload`, TLS `ca`). Typed as the standard WebSocket class, which is what y-websocket's
 * `WebSocketPolyfill` option expects (ws implements that interface).
 */
export function webSocketWithToken(token: string, extra: ClientOptions = {}): typeof globalThis.WebSocket {
  const headers = { ...(extra.headers ?? {}), authorization: authorizationHeader(token) };
  class TokenWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols ?? [], { ...extra, headers });
    }
  }
  return TokenWebSocket as unknown as typeof globalThis.WebSocket;
}
