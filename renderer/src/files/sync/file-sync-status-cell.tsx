/**
 * One file's sync status for a table cell: an icon, a short text from the catalogue ("Uploading
 * 42%", "On the relay", "Verified", "Failed: <why>") and, while bytes move, a progress bar with
 * an accessible name and value. Why a file failed or waits is part of the text (failed) or of
 * the cell's description (waiting), never only a colour or a tooltip.
 */
import type { ReactNode } from 'react';
import { isMessageId, t } from '../../../../shared/messages';
import type { FileSyncStatus } from '../../../../shared/rpc/files';
import { Icon, type IconName } from '../../ui/icons';

const ICONS: Record<FileSyncStatus['state'], IconName> = {
  waiting: 'info',
  uploading: 'upload',
  'on-relay': 'database',
  downloading: 'download',
  verified: 'check',
  failed: 'alert',
};

/** The catalogue sentence of a status's reason ('' when none or unknown). */
export function reasonText(reason: FileSyncStatus['reason']): string {
  if (!reason || !isMessageId(reason.id)) return '';
  return t(reason.id, reason.values);
}

/** Percent (0–100, whole) of a transfer. */
function percentOf(s: FileSyncStatus): number {
  return s.total > 0 ? Math.min(100, Math.floor((s.done / s.total) * 100)) : 0;
}

/** The short text of a status. */
export function fileSyncStatusText(s: FileSyncStatus): string {
  switch (s.state) {
    case 'waiting':
      // Without a relay nothing is pending: the file is where it will stay (tester F-UI-3).
      return s.reason?.id === 'file.sync.no-relay' ? t('ui.files.status.local-only') : t('ui.files.status.waiting');
    case 'uploading':
      return t('ui.files.status.uploading', { percent: percentOf(s) });
    case 'downloading':
      return t('ui.files.status.downloading', { percent: percentOf(s) });
    case 'on-relay':
      return s.local ? t('ui.files.status.on-relay') : t('ui.files.status.on-relay-only');
    case 'verified':
      return t('ui.files.status.verified');
    case 'failed':
      return t('ui.files.status.failed', { reason: reasonText(s.reason) });
  }
}

/** A file's sync status (place it in the files list's status column). */
export function FileSyncStatusCell(props: { status: FileSyncStatus | undefined }): ReactNode {
  const s = props.status;
  if (!s) return <span className="file-sync-status">{t('ui.files.status.waiting')}</span>;
  const text = fileSyncStatusText(s);
  const local = s.state === 'waiting' && s.reason?.id === 'file.sync.no-relay';
  const why = s.state === 'failed' ? '' : reasonText(s.reason);
  const moving = s.state === 'uploading' || s.state === 'downloading';
  return (
    <span className={`file-sync-status file-sync-${local ? 'local' : s.state}`} title={why || undefined} data-state={local ? 'local' : s.state}>
      <Icon name={local ? 'database' : ICONS[s.state]} />
      <span className="file-sync-text">{text}</span>
      {why ? <span className="visually-hidden">{` — ${why}`}</span> : null}
      {moving ? <progress className="file-sync-progress" max={Math.max(1, s.total)} value={s.done} aria-label={text} /> : null}
    </span>
  );
}
