/**
 * The words of sync health (issue 9 item 6), from the catalogue (`sync.health.*`, `sync.warning.*`,
 * `sync.now.*`): a doc's name ("TFA-2026-0001 · Ivory via Singapore"), what waits ("3 changes ·
 * 1.2 kB · since 4 min ago"), the warning sentence ("3 changes to case TFA-2026-0001 have not
 * reached the relay for 4 minutes.") and what "Sync now" achieved. Pure functions of the status
 * row and the time, so the health list, the case badge and the tests agree.
 */
import { t } from '../../../shared/messages';
import type { DocHealthRow } from '../../../shared/rpc/sync';
import { formatRelative } from '../format/dates';

/** A doc's name for the health list. */
export function docLabel(row: DocHealthRow): string {
  switch (row.kind) {
    case 'workspace':
      return t('sync.health.workspace-doc');
    case 'registry':
      return t('sync.health.registry-doc');
    case 'case':
      return row.caseNumber !== null ? t('sync.health.case-doc', { number: row.caseNumber, title: row.caseTitle ?? '' }) : t('sync.health.case-unlisted');
  }
}

/** A doc as the subject of a sentence: "case TFA-2026-0001", "the workspace", "the case registry". */
export function docSubject(row: Pick<DocHealthRow, 'kind' | 'caseNumber'>): string {
  if (row.kind === 'workspace') return t('sync.subject.workspace');
  if (row.kind === 'registry') return t('sync.subject.registry');
  return row.caseNumber !== null ? t('sync.subject.case', { number: row.caseNumber }) : t('sync.subject.case-unlisted');
}

/** A size in bytes as "512 bytes", "1.2 kB" or "3.4 MB" (1 kB = 1,000 bytes). */
export function sizeText(bytes: number): string {
  if (bytes < 1000) return t('sync.size.bytes', { count: bytes });
  if (bytes < 1_000_000) return t('sync.size.kb', { kb: bytes / 1000 });
  return t('sync.size.mb', { mb: bytes / 1_000_000 });
}

/** What waits on a doc ("Nothing" when nothing does); edits of an earlier session have no size. */
export function waitingText(row: DocHealthRow, now: number): string {
  const w = row.waiting;
  if (w.updates === 0 || w.since === null) return t('sync.health.nothing-waiting');
  const since = formatRelative(w.since, now);
  return w.bytes > 0 ? t('sync.health.waiting', { count: w.updates, size: sizeText(w.bytes), since }) : t('sync.health.waiting-earlier', { count: w.updates, since });
}

/** "2 min ago", or "Not yet" when the relay has not confirmed this doc since the app started. */
export function confirmedText(row: DocHealthRow, now: number): string {
  return row.lastAckAt === null ? t('sync.health.not-confirmed') : formatRelative(row.lastAckAt, now);
}

/** Whole minutes a doc's changes have waited (0: less than a minute). */
export function minutesWaiting(row: DocHealthRow, now: number): number {
  return row.waiting.since === null ? 0 : Math.max(0, Math.floor((now - row.waiting.since) / 60_000));
}

/** The warning sentence of an overdue doc. */
export function warningSentence(row: DocHealthRow, now: number): string {
  return t('sync.warning.doc', { count: row.waiting.updates, subject: docSubject(row), minutes: minutesWaiting(row, now) });
}

/** What "Sync now" achieved, for a toast: `subject` set for one doc, null for the whole workspace. */
export function syncNowResultText(r: { docs: number; acked: number }, subject: string | null): { text: string; ok: boolean } {
  if (subject !== null) return r.acked > 0 ? { text: t('sync.now.done-doc', { subject }), ok: true } : { text: t('sync.now.not-confirmed-doc', { subject }), ok: false };
  if (r.acked === r.docs) return { text: t('sync.now.done-all', { count: r.docs }), ok: true };
  return { text: t('sync.now.partial', { acked: r.acked, count: r.docs }), ok: false };
}
