/** renderer/src/sync/health-labels.ts: doc names, waiting text, sizes, the warning sentence and what "Sync now" achieved. */
import { describe, expect, it } from 'vitest';
import type { DocHealthRow } from '../../../shared/rpc/sync';
import { confirmedText, docLabel, docSubject, minutesWaiting, sizeText, syncNowResultText, waitingText, warningSentence } from '../../../renderer/src/sync/health-labels';

const NOW = 1_800_000_000_000;
function row(o: Partial<DocHealthRow> = {}): DocHealthRow {
  return {
    doc: 'w/case/c',
    kind: 'case',
    caseId: 'c',
    caseNumber: 'TFA-2026-0001',
    caseTitle: 'Ivory via Singapore',
    state: 'syncing',
    lastAckAt: null,
    waiting: { updates: 0, bytes: 0, since: null },
    warning: false,
    ...o,
  };
}

describe('health labels', () => {
  it('names docs for the list and as the subject of a sentence', () => {
    expect(docLabel(row())).toBe('TFA-2026-0001 · Ivory via Singapore');
    expect(docLabel(row({ caseNumber: null, caseTitle: null }))).toBe('A case not yet in the index');
    expect(docLabel(row({ kind: 'workspace', caseId: null }))).toBe('Workspace: members and case index');
    expect(docSubject(row())).toBe('case TFA-2026-0001');
    expect(docSubject(row({ kind: 'registry' }))).toBe('the case registry');
  });

  it('says what waits, its size, and since when', () => {
    expect(sizeText(1)).toBe('1 byte');
    expect(sizeText(999)).toBe('999 bytes');
    expect(sizeText(1234)).toBe('1.2 kB');
    expect(sizeText(3_450_000)).toBe('3.5 MB');
    expect(waitingText(row(), NOW)).toBe('Nothing');
    expect(waitingText(row({ waiting: { updates: 3, bytes: 1234, since: NOW - 4 * 60_000 } }), NOW)).toMatch(/^3 changes · 1\.2 kB · since .+/);
    expect(waitingText(row({ waiting: { updates: 1, bytes: 0, since: NOW - 60_000 } }), NOW)).toMatch(/^1 change · since .+/);
    expect(confirmedText(row(), NOW)).toBe('Not yet');
    expect(confirmedText(row({ lastAckAt: NOW - 1000 }), NOW)).not.toBe('Not yet');
  });

  it('words the warning with plurals and whole minutes', () => {
    const r = row({ warning: true, waiting: { updates: 3, bytes: 900, since: NOW - 4 * 60_000 - 30_000 } });
    expect(minutesWaiting(r, NOW)).toBe(4);
    expect(warningSentence(r, NOW)).toBe('3 changes to case TFA-2026-0001 have not reached the relay for 4 minutes.');
    const one = row({ kind: 'workspace', warning: true, waiting: { updates: 1, bytes: 9, since: NOW - 125_000 } });
    expect(warningSentence(one, NOW)).toBe('1 change to the workspace has not reached the relay for 2 minutes.');
  });

  it('never says "confirmed" for what the relay did not confirm', () => {
    expect(syncNowResultText({ docs: 1, acked: 1 }, 'case TFA-2026-0001')).toEqual({ text: 'The relay confirmed it holds every change to case TFA-2026-0001.', ok: true });
    expect(syncNowResultText({ docs: 1, acked: 0 }, 'case TFA-2026-0001')).toEqual({
      text: 'The relay has not confirmed case TFA-2026-0001 yet. The changes are safe on this computer; NEST Desk keeps trying.',
      ok: false,
    });
    expect(syncNowResultText({ docs: 3, acked: 3 }, null)).toEqual({ text: 'The relay confirmed it holds all 3 documents that were open or waiting.', ok: true });
    expect(syncNowResultText({ docs: 3, acked: 2 }, null)).toEqual({ text: 'The relay confirmed 2 of 3 documents. The rest are safe on this computer; NEST Desk keeps trying.', ok: false });
  });
});
