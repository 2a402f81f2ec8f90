/**
 * Relay addresses. A user types the relay as `wss://relay.example.org` (or https://, or a bare
 * host): the doc sockets go to `<ws base>/<doc name>` and HTTP calls to `<http base>/v1/…`.
 */
import { NestError } from '../../shared/errors';

/** The two bases of a relay, without a trailing slash. */
export interface RelayUrls {
  ws: string;
  http: string;
}

/**
 * Normalises what a user typed into the relay's WebSocket and HTTP bases.
 * @throws NestError('validation') for anything that is not a ws(s)/http(s) URL or host[:port].
 */
export function relayUrls(input: string): RelayUrls {
  const raw = input.trim();
  const withScheme = /^[a-z]+:\/\//i.test(raw) ? raw : `wss://${raw}`;
  let u: URL;
  try {
    u = new URL(withScheme);
  } catch {
    throw new NestError('validation', { id: 'service.relay-url.invalid', values: { raw: raw.slice(0, 100) } }, [{ field: 'relayUrl', message: 'is not a relay address' }]);
  }
  const secure = u.protocol === 'wss:' || u.protocol === 'https:';
  if (!['ws:', 'wss:', 'http:', 'https:'].includes(u.protocol) || !u.hostname || u.search || u.hash || u.username) {
    throw new NestError('validation', { id: 'service.relay-url.invalid', values: { raw: raw.slice(0, 100) } }, [{ field: 'relayUrl', message: 'must be ws://, wss://, http:// or https:// with a host and no query' }]);
  }
  const path = u.pathname.replace(/\/+$/, '');
  const host = u.host;
  return { ws: `${secure ? 'wss' : 'ws'}://${host}${path}`, http: `${secure ? 'https' : 'http'}://${host}${path}` };
}
