/**
 * The words of sync: a short label per state for the header pill and the case header, a
 * sentence saying what the state means for the user, and advice for "access refused" that reads
 * the relay's reason code out of the status detail (docs/relay.md § errors) and says who can fix
 * it. One catalogue, so the pill, the case header and the Relay & members page agree.
 */
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
    case 'off':
      return 'Local only';
    case 'synced':
      return s.lastSyncedAt ? `Synced · ${formatRelative(s.lastSyncedAt, now)}` : 'Synced';
    case 'syncing':
      return 'Syncing…';
    case 'offline':
      return 'Offline — changes saved on this computer';
    case 'refused':
      return 'Access refused';
    case 'error':
      return 'Sync error';
  }
}

/** A one-word-or-so label of a state (status panels, the case header). */
export const SYNC_STATE_LABELS: Record<SyncState | DocSyncState, string> = {
  off: 'Local only',
  synced: 'Synced',
  syncing: 'Syncing…',
  'read-only': 'Synced (read-only)',
  offline: 'Offline',
  refused: 'Access refused',
  error: 'Sync error',
};

/** What a state means for the user, in one or two sentences. */
export function syncExplanation(state: SyncState, opts: { admin: boolean; detail: string | null; commandShownAbove?: boolean }): string {
  switch (state) {
    case 'off':
      return opts.admin
        ? 'This workspace is not shared: its cases stay on this computer. Connect it to your task force’s relay to work on them with other members.'
        : 'This workspace is not shared through a relay: its cases stay on this computer.';
    case 'synced':
      return 'Everything on this computer is on the relay, and colleagues’ changes arrive as they make them.';
    case 'syncing':
      return 'Exchanging changes with the relay…';
    case 'offline':
      return 'The relay cannot be reached. Keep working: your changes are saved on this computer and sent when the relay is back.';
    case 'refused':
      return refusalAdvice(opts.detail, opts.admin, opts.commandShownAbove ?? false);
    case 'error':
      return 'Syncing failed. Your changes are saved on this computer; NEST Desk keeps trying.';
  }
}

/**
 * What to do about "access refused" (shown under that title), from the relay's reason in `detail` (e.g.
 * "access refused: member-removed", "token-expired"). Unknown reasons get the advice for the
 * most common case: an admin's workspace not yet registered on the relay. `commandShownAbove`:
 * the operator's command is on screen above this text (the Relay & members page).
 */
export function refusalAdvice(detail: string | null, admin: boolean, commandShownAbove = false): string {
  const d = (detail ?? '').toLowerCase();
  if (/member-removed|not-a-member/.test(d)) return 'You are no longer a member of this workspace. Ask a workspace admin if this is a mistake.';
  if (/expired/.test(d)) return 'Your access has expired. Ask a workspace admin for a new invitation and open it with “Join a workspace”.';
  if (/key-removed|unknown-key/.test(d)) return 'The workspace key your access was signed with was withdrawn. Ask a workspace admin for a new invitation.';
  if (/no-case-access/.test(d)) return 'You do not have access to this case.';
  if (admin) {
    return commandShownAbove
      ? 'The relay does not know this workspace yet — ask the relay operator to run the command above, then Retry.'
      : 'The relay does not know this workspace yet — ask the relay operator to run the command shown under Relay & members, then Retry.';
  }
  return 'The relay does not accept your invitation. If the workspace was set up just now, wait for the relay operator; otherwise ask a workspace admin for a new invitation.';
}

/** "3 synced · 1 syncing" from the status's per-state document counts ("No documents linked" when empty). */
export function docCountsText(docs: SyncStatus['docs']): string {
  const order: DocSyncState[] = ['synced', 'read-only', 'syncing', 'offline', 'refused', 'error'];
  const words: Record<DocSyncState, string> = { synced: 'synced', 'read-only': 'read-only', syncing: 'syncing', offline: 'offline', refused: 'refused', error: 'failed' };
  const parts = order.filter((s) => (docs[s] ?? 0) > 0).map((s) => `${docs[s]} ${words[s]}`);
  return parts.length ? parts.join(' · ') : 'No documents linked';
}
