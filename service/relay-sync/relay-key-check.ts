/**
 * What this desktop can prove about the relay's copy of the workspace key: the relay verifies a
 * member token only with the registered key its `kid` names (shared/auth/tokens.ts), so each time
 * it accepts this desktop's token (a round's `/v1/changes` answered 200) the engine records that
 * key id and the time (local setting `relayAcceptedKey`). Nothing else is claimed: the relay does
 * not list its keys to members.
 */
import { peekKeyId } from '../../shared/auth';
import type { RelayKeyCheck } from '../../shared/rpc/workspace-key';
import type { WorkspaceRuntime } from '../workspace/workspace-runtime';
import type { SyncConfig } from './sync-engine-types';

/** The local setting that holds the last accepted key id and time. */
const SETTING = 'relayAcceptedKey';

interface AcceptedKey {
  kid: string;
  /** ms since epoch. */
  at: number;
}

/** Records that the relay accepted `token` at `at` (ms); a token naming no key proves nothing and is not recorded. */
export function recordRelayAcceptedKey(ws: WorkspaceRuntime, token: string, at: number): void {
  const kid = peekKeyId(token);
  if (kid) ws.store.setSetting(SETTING, { kid, at } satisfies AcceptedKey);
}

/**
 * The relay's copy of the workspace key `kid`, as far as this desktop knows it; null when the
 * workspace does not sync through a relay.
 */
export function relayKeyCheck(ws: WorkspaceRuntime, kid: string): RelayKeyCheck | null {
  const config = ws.store.getSetting<SyncConfig | null>('sync', null);
  if (!config) return null;
  const tokenKid = peekKeyId(config.token);
  if (tokenKid && tokenKid !== kid) return { state: 'other-key', kid: tokenKid };
  const accepted = ws.store.getSetting<AcceptedKey | null>(SETTING, null);
  return accepted && accepted.kid === kid && tokenKid === kid ? { state: 'accepted', at: accepted.at } : { state: 'unconfirmed' };
}
