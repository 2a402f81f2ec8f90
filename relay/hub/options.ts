/**
 * The hub's tuning, counters and statistics, shared by its parts (relay/hub/*.ts). Defaults in
 * relay/config.ts (`hubTuning`).
 */
import type { InboxLimits } from '../connection';
import type { RoomOptions } from '../rooms';
import type { AdmissionLimits } from './limits';

/** Tuning of the hub. Defaults in relay/config.ts. */
export interface HubOptions extends RoomOptions {
  /** Messages taken from one connection per round of a tick (its slice). */
  perTickMessages: number;
  /** Bytes taken from one connection per round (at least one message is always taken). */
  perTickBytes: number;
  /** A tick takes no further slice once it has handled this many messages... */
  maxTickMessages: number;
  /** ...or has run this many ms; the rest waits for the next tick. */
  maxTickMs: number;
  /** Inbound queue limits per connection. */
  inbox: InboxLimits;
  /** A connection whose unsent outbound bytes exceed this is closed (1013) as a slow consumer. */
  maxBufferedBytes: number;
  /** ms between pings; a connection that did not answer the previous ping is dropped. */
  pingIntervalMs: number;
  /** ms between checks that each connection's signing key is still registered. */
  keyCheckMs: number;
  /** Largest presence state (its JSON, in bytes) a client may send; a bigger one closes the connection (4400). */
  maxPresenceStateBytes: number;
  /** Awareness client ids one connection may have a state for (a stock client uses one; the desktop one per window). */
  maxPresenceClientsPerConn: number;
  /**
   * Updates a doc may take in a row while some of their dependencies are missing (Yjs keeps them
   * pending in memory and re-merges the whole backlog with each new one: quadratic CPU, never
   * stored). Past this the doc is reloaded from storage, dropping the backlog, and its clients are
   * closed with 1013 to resync; a client whose update was complete loses nothing.
   */
  maxPendingUpdates: number;
  /** Admission limits (relay/hub/limits.ts); omitted (embedders, older tests): none. */
  limits?: AdmissionLimits;
  /** Clock, ms since epoch. */
  now: () => number;
}

/** Counters for /health and the benchmark. */
export interface HubStats {
  connections: number;
  docsLoaded: number;
  updatesStored: number;
  readOnlyDropped: number;
  /** Updates refused by the deletion rules (shared/permissions/deletion-rules.ts); their connections were closed (4409). */
  deletionsRefused: number;
  malformedClosed: number;
  /** Docs reloaded because updates with missing dependencies piled up (see `maxPendingUpdates`). */
  backlogResets: number;
  lastStorageErrorAt: number | null;
}

/** The counters the hub's parts increment (one object, shared). */
export type HubCounters = Omit<HubStats, 'connections' | 'docsLoaded'>;

/** Fresh counters, all zero. */
export function newCounters(): HubCounters {
  return { updatesStored: 0, readOnlyDropped: 0, deletionsRefused: 0, malformedClosed: 0, backlogResets: 0, lastStorageErrorAt: null };
}
