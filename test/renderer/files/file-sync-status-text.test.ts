/**
 * The files list's sync text: a file waiting because the workspace has no relay reads "On this
 * desktop only" (tester F-UI-3), any other wait reads "Waiting".
 */
import { describe, expect, it } from 'vitest';
import { fileSyncStatusText } from '../../../renderer/src/files/sync/file-sync-status-cell';
import type { FileSyncStatus } from '../../../shared/rpc/files';

const base: FileSyncStatus = { fileId: '00000000-0000-4000-8000-000000000001', hash: 'a'.repeat(64), state: 'waiting', done: 0, total: 20, local: true, reason: null };

describe('file sync status text', () => {
  it('says a file of a workspace without a relay stays on this desktop', () => {
    expect(fileSyncStatusText({ ...base, reason: { id: 'file.sync.no-relay' } })).toBe('On this desktop only');
    expect(fileSyncStatusText(base)).toBe('Waiting');
    expect(fileSyncStatusText({ ...base, reason: { id: 'file.sync.missing-everywhere' } })).toBe('Waiting');
  });
});
