/**
 * The progress bar of a pack export: bytes written of the total (a native <progress>, so
 * assistive technology reads it), with files and bytes in words.
 */
import type { ReactNode } from 'react';
import { t } from '../../../shared/messages';
import type { PacksProgress } from '../../../shared/rpc/packs';

/** One export's progress. */
export function PackProgress(props: { progress: PacksProgress }): ReactNode {
  const p = props.progress;
  const label = t('ui.packs.export.progress', { files: p.filesDone, bytes: p.bytesDone });
  return (
    <div className="pack-progress" data-testid="pack-progress">
      <progress max={Math.max(p.totalBytes, 1)} value={p.bytesDone} aria-label={label} />
      <span>{label}</span>
    </div>
  );
}
