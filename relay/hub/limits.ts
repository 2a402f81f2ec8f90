/**
 * Admission limits of one relay process (issue 15): open connections per member, docs a member
 * has open, and docs loaded in the process (idle docs are unloaded after `idleUnloadMs`, which
 * frees room under the last one). Checked when a WebSocket upgrade is about to be accepted; a
 * refused upgrade gets 429 (a member's own limit) or 503 (the process is full), both of which a
 * client retries later, maybe on another process. Limits are per process: behind a balancer with
 * N processes a member can reach N times the per-member figures.
 */
import type { Connection } from '../connection';

/** The limits; every figure is a count. */
export interface AdmissionLimits {
  /** Open connections one member may have on this process. */
  maxConnectionsPerMember: number;
  /** Distinct docs one member may have open on this process. */
  maxDocsPerMember: number;
  /** Docs loaded in this process; a new doc beyond it is refused until idle ones are unloaded. */
  maxLoadedDocs: number;
}

/** Why an upgrade is refused, with its HTTP status. */
export type AdmissionRefusal = { status: 429; reason: 'too-many-connections' | 'too-many-docs' } | { status: 503; reason: 'relay-full' };

/** What the check reads: the open connections and the loaded docs. */
export interface AdmissionState {
  connections: readonly Connection[];
  loadedDocs: number;
  isLoaded(docName: string): boolean;
}

/**
 * Decides whether `memberId` may open `docName` now; null when it may.
 * Pure: reads `state` only.
 */
export function checkAdmission(limits: AdmissionLimits, state: AdmissionState, memberId: string, docName: string): AdmissionRefusal | null {
  if (!state.isLoaded(docName) && state.loadedDocs >= limits.maxLoadedDocs) return { status: 503, reason: 'relay-full' };
  let conns = 0;
  const docs = new Set<string>();
  for (const c of state.connections) {
    if (c.closed || c.member.memberId !== memberId) continue;
    conns++;
    docs.add(c.room.name);
  }
  if (conns >= limits.maxConnectionsPerMember) return { status: 429, reason: 'too-many-connections' };
  if (!docs.has(docName) && docs.size >= limits.maxDocsPerMember) return { status: 429, reason: 'too-many-docs' };
  return null;
}
