/** renderer/src/sync/sync-labels.ts: sync words come from the catalogue, with the same English as before. */
import { describe, expect, it } from 'vitest';
import { docCountsText, refusalAdvice, refusedAdvice, syncExplanation, syncPillLabel, SYNC_STATE_LABELS, updateRefusalReason } from '../../../renderer/src/sync/sync-labels';

describe('sync labels', () => {
  it('labels every state', () => {
    expect({ ...SYNC_STATE_LABELS }).toEqual({
      off: 'Local only', synced: 'Synced', syncing: 'Syncing…', 'read-only': 'Synced (read-only)', offline: 'Offline', refused: 'Access refused', error: 'Sync error',
    });
    expect(syncPillLabel({ state: 'offline', lastSyncedAt: null }, 0)).toBe('Offline — changes saved on this computer');
    expect(syncPillLabel({ state: 'synced', lastSyncedAt: null }, 0)).toBe('Synced');
    expect(syncPillLabel({ state: 'synced', lastSyncedAt: 1_000 }, 2_000)).toMatch(/^Synced · ./);
    expect(syncPillLabel({ state: 'refused', lastSyncedAt: null }, 0)).toBe('Access refused');
  });

  it('explains states, and advises by the relay reason code', () => {
    expect(syncExplanation('off', { admin: false, detail: null })).toBe('This workspace is not shared through a relay: its cases stay on this computer.');
    expect(syncExplanation('error', { admin: false, detail: null })).toBe('Syncing failed. Your changes are saved on this computer; NEST Desk keeps trying.');
    expect(refusalAdvice('access refused: member-removed', false)).toBe('You are no longer a member of this workspace. Ask a workspace admin if this is a mistake.');
    expect(refusalAdvice('token-expired', false)).toMatch(/^Your access has expired\./);
    expect(refusalAdvice('key-removed', false)).toMatch(/^The workspace key your access was signed with was withdrawn\./);
    expect(refusalAdvice('no-case-access', true)).toBe('You do not have access to this case.');
    expect(refusalAdvice('workspace-not-set-up', true, true)).toBe('The relay does not know this workspace yet — ask the relay operator to run the command above, then Retry.');
    expect(syncExplanation('refused', { admin: false, detail: 'bad-signature' })).toMatch(/^The relay does not accept your invitation\./);
  });

  it('counts documents per state', () => {
    expect(docCountsText({ synced: 1234, syncing: 1, error: 2 } as never)).toBe('1,234 synced · 1 syncing · 2 failed');
    expect(docCountsText({} as never)).toBe('No documents linked');
  });

  it('says why the relay refused a change (close 4409) and what to do, not "access refused" advice', () => {
    expect(refusalAdvice('refused by the relay: mass-deletion', false)).toBe(
      'The relay refused a change that deletes evidence. See the documents list below for what you can do; your changes are kept on this computer.',
    );
    expect(updateRefusalReason('append-only')).toBe('it deletes entries of an append-only log (audit, custody), which nobody may erase.');
    expect(updateRefusalReason('record-removal-denied')).toBe('it removes whole records, which only an admin may do.');
    expect(updateRefusalReason('mass-deletion')).toBe('it deletes many records at once; a workspace admin must confirm it on the relay first.');
    expect(updateRefusalReason('something-new')).toBe('reason “something-new”.');
    // A mass deletion waits for an admin; an erasure of logged entries never passes, and the advice must not promise an undo (tester F-CUST-2).
    expect(refusedAdvice('mass-deletion')).toContain('Nothing was lost');
    expect(refusedAdvice('append-only')).toContain('will never accept this change');
    expect(refusedAdvice('append-only')).not.toContain('field history');
    expect(refusedAdvice('record-removal-denied')).toBe(refusedAdvice('append-only'));
  });
});
