/**
 * Every relay reason code has its sentence in the catalogue (shared/messages/en/relay.ts): each
 * close code by its name, each access refusal, token rejection and upgrade refusal by its word.
 * The codes are imported from where they live (shared/protocol/relay, relay/access, relay/authenticate), so a new code without a sentence fails here, and the
 * typed lists below fail to compile when a refusal type gains a member.
 */
import { describe, expect, it } from 'vitest';
import type { AccessRefusal } from '../../../relay/access';
import type { AuthOutcome } from '../../../relay/authenticate';
import { CLOSE, CLOSE_REASONS } from '../../../shared/protocol/relay/close-codes';
import type { TokenRejection } from '../../../shared/auth/tokens';
import { isMessageId, t } from '../../../shared/messages';

type AuthRefusal = Extract<AuthOutcome, { ok: false }>['reason'];

const ACCESS_REFUSALS: Record<AccessRefusal, true> = { 'workspace-not-set-up': true, 'not-a-member': true, 'member-removed': true, 'no-case-access': true, 'case-not-registered': true, 'not-your-registry': true, 'bad-doc-name': true };
const AUTH_REFUSALS: Record<AuthRefusal | TokenRejection, true> = {
  'missing-token': true, 'unknown-workspace': true, malformed: true, 'unknown-key': true, 'bad-signature': true, expired: true, 'bad-claims': true, 'wrong-workspace': true,
};
/** Reasons the relay writes as literals (relay/server.ts upgrade refusals, relay/hub.ts close reasons; docs/relay.md § Protocol). */
const OTHER_REASONS = [
  'bad-doc-name', 'shutting-down', 'unavailable', 'storage-failure', 'token-expired', 'key-removed', 'slow-consumer', 'pending-backlog',
  'text-frame', 'bad-frame', 'bad-state-vector', 'bad-update', 'bad-awareness', 'awareness-too-large',
];

const kebab = (name: string) => name.toLowerCase().replace(/_/g, '-');

describe('relay reason messages', () => {
  it('has a sentence for every close code, keyed by its name', () => {
    expect(Object.keys(CLOSE).length).toBeGreaterThanOrEqual(7);
    for (const name of Object.keys(CLOSE)) {
      const id = `relay.close.${kebab(name)}`;
      expect(isMessageId(id), id).toBe(true);
    }
    expect(t('relay.close.forbidden')).toBe('You are no longer allowed to this document: you were removed, or the case was restricted.');
  });

  it('has a sentence for every access refusal, token rejection and refusal word', () => {
    for (const reason of [...Object.keys(ACCESS_REFUSALS), ...Object.keys(AUTH_REFUSALS), ...Object.keys(CLOSE_REASONS), ...OTHER_REASONS]) {
      const id = `relay.refused.${reason}`;
      expect(isMessageId(id), id).toBe(true);
      expect(t(id as never).length, id).toBeGreaterThan(10);
    }
    expect(t('relay.refused.no-case-access')).toBe('You do not have access to this case.');
  });
});
