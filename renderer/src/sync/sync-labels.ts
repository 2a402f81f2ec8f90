/**
 * The words of sync: a short label per state for the header pill and the case header, a
 * sentence saying what the state means for the user, and advice for "access refused" that reads
 * the relay's reason code out of the status detail (docs/relay.md § errors) and says who can fix
 * it. The sentences come from the message catalogue (`sync.*`, shared/messages/en/sync.ts), so the
 * pill, the case header and the Relay & members page agree and follow the locale.
 */
import { t, type MessageId } from '../../../shared/messages';
import type { DOC_SYNC_STATES, SyncStatus } from '../../../shared/rpc/sync';
import { formatRelative } from '../format/dates';

/** An overall sync state. */
export type SyncState = SyncStatus['state'];
/** A per-document link state. */
export type DocSyncState = (typeof DOC_SYNC_STATES)[number];

/** The tone of a state: drives the dot colour and the pill's tint. */
export type SyncTone = 'ok' | 'busy' | 'warn' | 'danger' | 'muted';

/** Tone of an overall or per-document state. */
export function syncTone(state: SyncState | DocSyncState): SyncTone {
  switch (state) {
    case 'synced':
    case 'read-only':
      return 'ok';
    case 'syncing':
      return 'busy';
    case 'offline':
      return 'warn';
    case 'refused':
    case 'error':
      return 'danger';
    case 'off':
      return 'muted';
  }
}

/** The header pill's text, e.g. "Synced · just now" or "Offline — changes saved on this computer". */
export function syncPillLabel(s: Pick<SyncStatus, 'state' | 'lastSyncedAt'>, now: number): string {
  switch (s.state) {
    case 'synced':
      return s.lastSyncedAt ? t('sync.pill.synced-at', { when: formatRelative(s.lastSyncedAt, now) }) : t('sync.state.synced');
    case 'offline':
      return t('sync.pill.offline');
    default:
      return t(`sync.state.${s.state}`);
  }
}

const ALL_STATES = ['off', 'synced', 'syncing', 'read-only', 'offline', 'refused', 'error'] as const satisfies readonly (SyncState | DocSyncState)[];

/**
 * A one-word-or-so label of a state (status panels, the case header). Each entry is read from the
 * catalogue when it is used, so a change of locale shows at the next render.
 */
export const SYNC_STATE_LABELS = {} as Readonly<Record<SyncState | DocSyncState, string>>;
for (const state of ALL_STATES) Object.defineProperty(SYNC_STATE_LABELS, state, { get: () => t(`sync.state.${state}`), enumerable: true });

/** What a state means for the user, in one or two sentences. */
export function syncExplanation(state: SyncState, opts: { admin: boolean; detail: string | null; commandShownAbove?: boolean }): string {
  switch (state) {
    case 'off':
      return t(opts.admin ? 'sync.explain.off-admin' : 'sync.explain.off');
    case 'refused':
      return refusalAdvice(opts.detail, opts.admin, opts.commandShownAbove ?? false);
    default:
      return t(`sync.explain.${state}`);
  }
}

/** Advice by the relay reason codes it answers (docs/relay.md § errors); the first match wins. */
const ADVICE: readonly [RegExp, MessageId][] = [
  [/^refused by the relay/, 'sync.advice.update-refused'],
  [/member-removed|not-a-member/, 'sync.advice.removed'],
  [/expired/, 'sync.advice.expired'],
  [/key-removed|unknown-key/, 'sync.advice.key-withdrawn'],
  [/no-case-access/, 'sync.advice.no-case-access'],
];

/**
 * What to do about "access refused" (shown under that title), from the relay's reason in `detail` (e.g.
 * "access refused: member-removed", "token-expired"). Unknown reasons get the advice for the
 * most common case: an admin's workspace not yet registered on the relay. `commandShownAbove`:
 * the operator's command is on screen above this text (the Relay & members page).
 */
export function refusalAdvice(detail: string | null, admin: boolean, commandShownAbove = false): string {
  const d = (detail ?? '').toLowerCase();
  const match = ADVICE.find(([re]) => re.test(d));
  if (match) return t(match[1]);
  if (admin) return t(commandShownAbove ? 'sync.advice.not-set-up-command-above' : 'sync.advice.not-set-up');
  return t('sync.advice.invitation-refused');
}

/**
 * Why the relay refused a doc's update (its close-4409 reason code: append-only,
 * record-removal-denied, mass-deletion), as the end of a sentence.
 */
export function updateRefusalReason(reason: string): string {
  switch (reason) {
    case 'append-only':
    case 'record-removal-denied':
    case 'mass-deletion':
      return t(`sync.refused.reason.${reason}`);
    default:
      return t('sync.refused.reason.other', { reason });
  }
}

/**
 * What a member can do about a change the relay refused, by its reason: a mass deletion waits for
 * an admin's approval; an erasure of logged entries or a purge will never be accepted, so the
 * advice says what that means (this copy's later changes stay here) and who to tell.
 */
export function refusedAdvice(reason: string): string {
  return t(reason === 'mass-deletion' ? 'sync.refused.advice' : 'sync.refused.advice-permanent');
}

/** "3 synced · 1 syncing" from the status's per-state document counts ("No documents linked" when empty). */
export function docCountsText(docs: SyncStatus['docs']): string {
  const order: DocSyncState[] = ['synced', 'read-only', 'syncing', 'offline', 'refused', 'error'];
  const parts = order.filter((s) => (docs[s] ?? 0) > 0).map((s) => t(`sync.docs.${s}`, { count: docs[s] ?? 0 }));
  return parts.length ? parts.join(' · ') : t('sync.docs.none');
}
