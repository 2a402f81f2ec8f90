/**
 * The presence policy, one for both servers (the relay's hub and the data service's renderer
 * hub): which awareness client ids a connection may set, how many, how large a state may be, and
 * how a client's awareness update is filtered down to what it may apply. Pure functions over the
 * decoded entries (y-protocols/awareness layout, see messages.ts); each server supplies who owns
 * which id and decides how to react (the relay closes with 4400, the service refuses the frame).
 *
 * The rule: a connection may set, change and remove the states of its own client ids only. An id
 * becomes its own when it sets a state for an id nobody owns, while it owns fewer than
 * `maxClientsPerConn`. Entries for ids someone else owns are dropped silently (stock clients echo
 * everyone's states back; neither a hostile client nor one whose timer thinks a peer is gone may
 * replace or remove someone else's presence). A state over `maxStateBytes` (its JSON, UTF-8) is a
 * protocol violation. Isomorphic.
 */
import { encodeAwarenessEntries, readAwarenessEntries, type AwarenessEntry } from './messages';

/** Limits of the presence policy. */
export interface PresenceLimits {
  /** Awareness client ids one connection may own (a stock client uses one; the desktop one per window). */
  maxClientsPerConn: number;
  /** Largest presence state, its JSON in UTF-8 bytes. */
  maxStateBytes: number;
}

/** The limits both servers apply unless configured otherwise: 16 client ids, 64 KiB per state. */
export const PRESENCE_LIMITS: Readonly<PresenceLimits> = Object.freeze({ maxClientsPerConn: 16, maxStateBytes: 64 * 1024 });

/**
 * The largest awareness update a connection can send within `limits` (bytes): `maxClientsPerConn`
 * entries of a state of `maxStateBytes` plus their varints (at most 10 bytes each). A server may
 * refuse a bigger update before decoding it.
 */
export function maxPresenceUpdateBytes(limits: PresenceLimits = PRESENCE_LIMITS): number {
  return 10 + limits.maxClientsPerConn * (limits.maxStateBytes + 30);
}

/** Who owns which client id, as seen by the server deciding for one connection. */
export interface PresenceOwnership {
  /** The ids this connection owns already. */
  mine: ReadonlySet<number>;
  /** True when `clientId` belongs to another connection (or another machine). */
  isForeign(clientId: number): boolean;
}

/** The outcome of {@link filterPresence}. */
export interface PresenceFilter {
  /** The entries the connection may apply, in their order in the update. */
  kept: AwarenessEntry[];
  /** Entries dropped because another connection owns their id. */
  foreign: number;
  /** Entries dropped because they would remove a state nobody owns (nothing to remove). */
  unclaimedRemovals: number;
  /** Entries dropped because they would claim an id past `maxClientsPerConn`. */
  overLimit: number;
  /** True when a kept entry's state is over `maxStateBytes` (the whole update must be refused). */
  tooLarge: boolean;
}

/**
 * Filters the entries of one awareness update from a connection by the policy (see the module
 * comment). Does not modify its inputs.
 */
export function filterPresence(entries: readonly AwarenessEntry[], owner: PresenceOwnership, limits: PresenceLimits = PRESENCE_LIMITS): PresenceFilter {
  const out: PresenceFilter = { kept: [], foreign: 0, unclaimedRemovals: 0, overLimit: 0, tooLarge: false };
  const claimed = new Set<number>();
  let owned = owner.mine.size;
  for (const x of entries) {
    if (owner.mine.has(x.clientId) || claimed.has(x.clientId)) out.kept.push(x);
    else if (owner.isForeign(x.clientId)) out.foreign++;
    else if (x.state === 'null') out.unclaimedRemovals++;
    else if (owned >= limits.maxClientsPerConn) out.overLimit++;
    else {
      owned++;
      claimed.add(x.clientId);
      out.kept.push(x);
    }
  }
  out.tooLarge = out.kept.some((x) => !stateFits(x.state, limits.maxStateBytes));
  return out;
}

/** The outcome of {@link ownPresenceUpdate}: the update to apply (null: nothing left) and what was dropped. */
export interface OwnPresenceUpdate extends PresenceFilter {
  /** The update to apply: the original bytes when nothing was dropped, else the kept entries re-encoded; null when nothing is left. */
  update: Uint8Array | null;
}

/**
 * Decodes a connection's awareness update and filters it by the policy ({@link filterPresence}).
 * When `tooLarge` is true the caller must refuse the update whatever `update` holds.
 * @throws NestError('bad-frame') when the update is malformed.
 */
export function ownPresenceUpdate(update: Uint8Array, owner: PresenceOwnership, limits: PresenceLimits = PRESENCE_LIMITS): OwnPresenceUpdate {
  const entries = readAwarenessEntries(update);
  const f = filterPresence(entries, owner, limits);
  const kept = f.kept.length === 0 ? null : f.kept.length === entries.length ? update : encodeAwarenessEntries(f.kept);
  return { ...f, update: kept };
}

/**
 * True when `json` is at most `maxBytes` bytes in UTF-8 (lone surrogates count 3, as they are
 * encoded as U+FFFD). Avoids encoding: a UTF-16 code unit is at most 3 UTF-8 bytes.
 */
export function stateFits(json: string, maxBytes: number): boolean {
  if (json.length * 3 <= maxBytes) return true;
  let bytes = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < json.length && (json.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
    if (bytes > maxBytes) return false;
  }
  return true;
}
