/**
 * The selected exhibit's facts above its custody log: storage location, linked seizure, and its
 * linked files (thumbnail, name, short hash; a click opens the viewer). A linked file that was
 * removed from the case is still named, marked removed. The linked seizure is named from its
 * look-up by id in the projection (exhibits-panel.tsx, issue 11 item 4: it may be held in a volume
 * doc); only a seizure the data service does not find is called gone.
 */
import { useState, type ReactNode } from 'react';
import type { AttachedFile } from '../../../shared/domain/attached-file';
import type { Exhibit } from '../../../shared/domain/exhibit';
import { t } from '../../../shared/messages';
import type { SeizureLookup } from '../case/use-seizure-lookup';
import { exhibitSeizureLabel } from './exhibit-labels';
import type { CaseRef } from '../files/file-bytes';
import { shortHash } from '../files/file-format';
import { FileViewerDialog } from '../files/file-viewer-dialog';
import { useThumbnail } from '../files/use-file-url';
import { Icon } from '../ui/icons';

function LinkedFile(props: { caseRef: CaseRef; file: AttachedFile; onOpen: () => void }): ReactNode {
  const thumb = useThumbnail(props.caseRef, props.file);
  const f = props.file;
  return (
    <li>
      <button type="button" className="linked-file" onClick={props.onOpen} aria-label={`${t('ui.files.view')}: ${f.name}`}>
        <span className="file-thumb" aria-hidden="true">
          {thumb ? <img src={thumb} alt="" /> : <Icon name="file" size={20} />}
        </span>
        <span className="linked-file-text">
          <span className={f.deleted ? 'cell-primary file-name-text file-removed' : 'cell-primary file-name-text'} title={f.name}>
            {f.name}
          </span>
          <span className="cell-secondary mono">{f.deleted ? t('ui.exhibits.file-removed', { hash: shortHash(f.hash) }) : shortHash(f.hash)}</span>
        </span>
      </button>
    </li>
  );
}

/**
 * Facts of one exhibit. `files`: every file record of the case (removed ones included);
 * `seizures`: the exhibits' linked seizures looked up by id (use-seizure-lookup.ts).
 */
export function ExhibitDetail(props: { exhibit: Exhibit; caseRef: CaseRef; seizures: Pick<SeizureLookup, 'rows' | 'pending'>; files: readonly AttachedFile[] }): ReactNode {
  const { exhibit } = props;
  const [viewing, setViewing] = useState<AttachedFile | null>(null);
  const linked = exhibit.fileIds.map((id) => props.files.find((f) => f.id === id)).filter((f): f is AttachedFile => f !== undefined);
  return (
    <div className="exhibit-facts">
      <dl className="exhibit-facts-list">
        <dt>{t('ui.exhibits.col.seizure')}</dt>
        <dd data-testid="exhibit-seizure">{exhibitSeizureLabel(exhibit.seizureId, props.seizures)}</dd>
        <dt>{t('ui.exhibits.col.storage')}</dt>
        <dd>{exhibit.storageLocation || '—'}</dd>
      </dl>
      {linked.length ? (
        <ul className="linked-files" aria-label={t('ui.exhibits.col.files')}>
          {linked.map((f) => (
            <LinkedFile key={f.id} caseRef={props.caseRef} file={f} onOpen={() => setViewing(f)} />
          ))}
        </ul>
      ) : null}
      {viewing ? <FileViewerDialog caseRef={props.caseRef} file={viewing} onClose={() => setViewing(null)} /> : null}
    </div>
  );
}
