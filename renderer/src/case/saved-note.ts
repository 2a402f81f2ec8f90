/**
 * The note beside a case's details that says where an edit goes. "Shared" is said only while the
 * workspace's relay link is up (tester finding: a local-only case said "saved and shared").
 */
import type { SyncStatus } from '../../../shared/rpc/sync';
import { t } from '../../../shared/messages';

/**
 * The note for a workspace in sync `state` (null while the status is not known yet): shared as
 * you go when synced or syncing, saved on this computer otherwise (no relay, or one not reachable).
 */
export function savedNote(state: SyncStatus['state'] | null): string {
  if (state === 'synced' || state === 'syncing') return t('ui.case.overview.saved-as-you-go');
  if (state === 'off') return t('ui.case.overview.saved-local-only');
  // Unknown yet, offline, refused or failing: saved here for certain, shared only later.
  return t('ui.case.overview.saved-not-shared-yet');
}
