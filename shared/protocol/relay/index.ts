/**
 * The relay protocol, declared once and imported by both the relay (relay/) and the desktop's
 * relay client (service/relay-sync/): the y-websocket messages and their encode/decode pairs,
 * the close codes and reasons, the changes endpoint's shape, the Bearer header (its one home is
 * shared/auth/bearer.ts) and the presence policy. Byte layout and tables in docs/relay.md.
 * Isomorphic: no Node, DOM or Electron imports.
 */
export * from './messages';
export * from './close-codes';
export * from './changes';
export * from './presence';
export { authorizationHeader, bearerToken } from '../../auth/bearer';
export * from './acknowledgement';
export * from './history';
export * from './held-deletions';
export * from './provenance-log';
