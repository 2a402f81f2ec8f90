/**
 * The acknowledgement bookkeeping of one relay link (acknowledgement by state, docs/relay.md):
 * which `query-stored` messages are in flight, each with a snapshot of the local doc taken when
 * it was sent and the count of local (non-relay) updates made by then; and whether the relay's
 * latest `stored` answer proves it holds every local update.
 *
 * Why a snapshot per query rather than the doc as it is when the answer arrives: the relay fans
 * other members' updates out before it stores them (docs/relay.md, "acknowledged"), so the doc
 * may hold structs the relay has not stored yet that are not ours to prove. Everything in a
 * query-time snapshot was sent or received before the query, so a working relay covers it.
 *
 * Robust to lost, duplicated and reordered answers: an answer is matched against every query in
 * flight, never by position, and only a real stored state that covers a snapshot holding every
 * local update so far marks the link acknowledged.
 */
import * as Y from 'yjs';
import { missingFrom, storedCovers } from '../../shared/protocol/relay';

/** One query in flight. */
interface Query {
  snapshot: Y.Snapshot;
  /** {@link AckTracker.localUpdates} when it was sent. */
  localUpdates: number;
  sentAt: number;
}

/** What to do after a `stored` answer. */
export interface StoredVerdict {
  /** The relay holds every local update made so far. */
  acked: boolean;
  /** An update with what the relay lacks, to send (a frame was lost), or null. */
  resend: Uint8Array | null;
}

/** Queries beyond this many in flight are forgotten oldest first (their answers were lost). */
const MAX_IN_FLIGHT = 8;

/** The acknowledgement state of one link. */
export class AckTracker {
  private queries: Query[] = [];
  /** Local updates made on this link's doc (counted while the link lives). */
  private localUpdates = 0;
  private ackedUpTo = -1;

  /** True when the relay is known to hold every local update. */
  get acked(): boolean {
    return this.ackedUpTo === this.localUpdates;
  }

  /** Queries sent and not yet answered. */
  get inFlight(): number {
    return this.queries.length;
  }

  /** ms since epoch the oldest unanswered query was sent, or null. */
  get oldestSentAt(): number | null {
    return this.queries[0]?.sentAt ?? null;
  }

  /** A local update was made (the doc is no longer acknowledged). */
  noteLocalUpdate(): void {
    this.localUpdates++;
  }

  /** A `query-stored` about `doc` was just sent. */
  noteQuery(doc: Y.Doc, now: number): void {
    this.queries.push({ snapshot: Y.snapshot(doc), localUpdates: this.localUpdates, sentAt: now });
    if (this.queries.length > MAX_IN_FLIGHT) this.queries.shift();
  }

  /** The connection closed: answers to the queries in flight will never come. */
  reset(): void {
    this.queries = [];
  }

  /**
   * Judges the relay's `stored` snapshot. Queries it covers are answered (and every query sent
   * before them); when it does not cover the oldest query in flight, something sent before that
   * query never reached the relay, and the verdict carries what it lacks.
   */
  onStored(doc: Y.Doc, stored: Y.Snapshot): StoredVerdict {
    const oldest = this.queries[0];
    let lastCovered = -1;
    this.queries.forEach((q, i) => {
      if (storedCovers(stored, q.snapshot)) {
        lastCovered = i;
        if (q.localUpdates > this.ackedUpTo) this.ackedUpTo = q.localUpdates;
      }
    });
    // The answer belongs to the oldest query at the earliest: drop it and everything covered.
    this.queries.splice(0, Math.max(lastCovered + 1, oldest ? 1 : 0));
    const lost = oldest !== undefined && lastCovered < 0;
    return { acked: this.acked, resend: lost && !this.acked ? missingFrom(doc, stored) : null };
  }
}
