/**
 * What the hub needs from a fan-out between relay processes (issue 15), and what a fan-out needs
 * from the hub. The hub publishes an update only once it is stored (the group commit's append
 * resolved), so a process that receives one may show it at once; presence is published as it
 * changes. Every process receives every message and keeps those of the docs it has loaded.
 */
import type { AppendEntry } from '../storage/relay-storage';

/** The origin a fan-out applies remote updates and presence with: stored already, never stored again. */
export const REMOTE = Symbol('remote relay process');

/** The hub side: where remote updates and presence go. */
export interface FanoutTarget {
  /** Applies a stored update from another process to the doc `docName` if it is loaded here. */
  applyRemoteUpdate(docName: string, update: Uint8Array): void;
  /** Applies an awareness update from another process to `docName` if it is loaded here. */
  applyRemotePresence(docName: string, update: Uint8Array): void;
  /** Names of the docs loaded here (to catch up from storage). */
  loadedDocs(): string[];
}

/** A fan-out between relay processes. */
export interface Fanout {
  /** Starts receiving into `target`. */
  start(target: FanoutTarget): Promise<void>;
  /** Publishes stored updates (best effort: a lost message is caught up from storage). */
  publishStored(entries: readonly AppendEntry[]): void;
  /** Publishes an awareness update of `docName` (best effort). */
  publishPresence(docName: string, update: Uint8Array): void;
  /** 'ready' when connected, 'down' while reconnecting (for /health). */
  state(): 'ready' | 'down';
  /** Stops receiving and disconnects. */
  stop(): Promise<void>;
}
