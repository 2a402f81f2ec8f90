/**
 * The Files list of a case: every attached file in a DataTable — a thumbnail (images) and the
 * original name, the media type, the size, who added it and when, the SHA-256 (short, with a copy
 * button for all 64 digits), the sync status slot, and actions (view, remove). A file marked
 * deleted stays listed, struck through, with who removed it and when: an exhibit or an audit
 * entry may still cite it. "Add files" (picker, drop) and "Verify files" sit in the card header.
 *
 * Sync status: the sync engineer's `<FileSyncStatusCell>` (renderer/src/files/sync/) goes into
 * the column {@link FILE_STATUS_COLUMN}; until it is wired, {@link FilesPanelProps.statusCell}
 * is absent and the column is not shown.
 */
import { useMemo, useState, type ReactNode } from 'react';
import type * as Y from 'yjs';
import { CaseFiles } from '../../../shared/docs/case-files';
import type { Writer } from '../../../shared/docs/records';
import type { AttachedFile } from '../../../shared/domain/attached-file';
import { t } from '../../../shared/messages';
import { formatDateTime } from '../format/dates';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { CopyButton } from '../ui/copy-button';
import { DataTable, type Column } from '../ui/data-table';
import { Icon } from '../ui/icons';
import { AddFilesButton, FileDropZone } from './add-files';
import type { CaseRef } from './file-bytes';
import { formatBytes, shortHash } from './file-format';
import { FileViewerDialog } from './file-viewer-dialog';
import { useAddFiles } from './use-add-files';
import { isViewable, useThumbnail } from './use-file-url';
import { VerifyFilesButton } from './verify-files';
import './files.css';

/** The id of the sync status column, where the sync engineer's cell is rendered. */
export const FILE_STATUS_COLUMN = 'sync-status';

/** Props of {@link FilesPanel}. */
export interface FilesPanelProps {
  caseRef: CaseRef;
  doc: Y.Doc;
  /** Bumped when the case's evidence roots change (use-evidence-version). */
  version: number;
  writer: Writer;
  readOnly: boolean;
  /** Member id → name. */
  names: (memberId: string) => string;
  /** The sync status of one file (renderer/src/files/sync/ once merged); no column without it. */
  statusCell?: (file: AttachedFile) => ReactNode;
  /** Extra controls in the header, before "Verify files" (the "keep files offline" toggle). */
  headerExtra?: ReactNode;
}

function FileName(props: { caseRef: CaseRef; file: AttachedFile }): ReactNode {
  const thumb = useThumbnail(props.caseRef, props.file);
  const { file } = props;
  return (
    <span className="file-name">
      <span className="file-thumb" aria-hidden="true">
        {thumb ? <img src={thumb} alt="" /> : <Icon name="file" size={20} />}
      </span>
      {/* A long name is cut with an ellipsis (tester F-UI-2: it widened the table past the screen); the whole name is the tooltip. */}
      <span className="cell-primary file-name-text" title={file.name}>
        {file.name}
      </span>
    </span>
  );
}

/** The Files card of a case. */
export function FilesPanel(props: FilesPanelProps): ReactNode {
  const { caseRef, names } = props;
  const files = useMemo(() => new CaseFiles(props.doc).all(), [props.doc, props.version]);
  const add = useAddFiles(caseRef);
  const [viewing, setViewing] = useState<AttachedFile | null>(null);
  const [removing, setRemoving] = useState<AttachedFile | null>(null);
  const live = files.filter((f) => !f.deleted).length;

  const columns: (Column<AttachedFile> | false)[] = [
    { id: 'name', header: t('ui.files.col.name'), cell: (f) => <FileName caseRef={caseRef} file={f} /> },
    { id: 'type', header: t('ui.files.col.type'), className: 'mono small', cell: (f) => f.mediaType },
    { id: 'size', header: t('ui.files.col.size'), numeric: true, className: 'col-nowrap', cell: (f) => formatBytes(f.size) },
    {
      id: 'added',
      header: t('ui.files.col.added'),
      cell: (f) => (
        <>
          <span className="cell-primary">{names(f.addedBy)}</span>
          <span className="cell-secondary">{formatDateTime(f.addedAt)}</span>
          {f.deleted ? (
            <span className="cell-secondary file-deleted-note">
              {t('ui.files.deleted-by', { by: f.deletedBy ? names(f.deletedBy) : t('ui.case.activity.someone'), when: f.deletedAt ? formatDateTime(f.deletedAt) : '—' })}
            </span>
          ) : null}
        </>
      ),
    },
    {
      id: 'hash',
      header: t('ui.files.col.hash'),
      className: 'col-nowrap',
      cell: (f) => (
        <span className="file-hash">
          <span className="mono" title={f.hash}>
            {shortHash(f.hash)}
          </span>
          <CopyButton text={f.hash} what={t('ui.files.copy-hash')} />
        </span>
      ),
    },
    props.statusCell !== undefined && { id: FILE_STATUS_COLUMN, header: t('ui.files.col.status'), cell: (f) => props.statusCell!(f) },
    {
      id: 'actions',
      header: t('ui.files.col.actions'),
      hideHeader: true,
      className: 'col-nowrap',
      cell: (f) => (
        <span className="row-actions">
          <button type="button" className="btn btn-ghost btn-sm" aria-label={`${isViewable(f.mediaType) ? t('ui.files.view') : t('ui.files.open')}: ${f.name}`} onClick={() => setViewing(f)}>
            <Icon name={isViewable(f.mediaType) ? 'search' : 'download'} /> {isViewable(f.mediaType) ? t('ui.files.view') : t('ui.files.open')}
          </button>
          {!props.readOnly && !f.deleted ? (
            <button type="button" className="btn btn-ghost btn-sm" aria-label={`${t('ui.files.remove')}: ${f.name}`} onClick={() => setRemoving(f)}>
              <Icon name="trash" />
            </button>
          ) : null}
        </span>
      ),
    },
  ];

  return (
    <section className="card files-card" aria-labelledby="files-title">
      <FileDropZone add={add} disabled={props.readOnly}>
        <div className="card-header">
          <h2 id="files-title">{t('ui.files.title')}</h2>
          <span className="muted small">{t('ui.files.count', { count: live })}</span>
          <span className="grow" />
          {props.headerExtra}
          <VerifyFilesButton caseRef={caseRef} disabled={live === 0} />
          {!props.readOnly ? <AddFilesButton add={add} className="btn btn-primary" /> : null}
        </div>
        <DataTable
          label={t('ui.files.title')}
          columns={columns}
          rows={files}
          rowKey={(f) => f.id}
          empty={props.readOnly ? t('ui.files.empty') : t('ui.files.empty-drop')}
          rowClassName={(f) => (f.deleted ? 'file-row-deleted' : undefined)}
          rowAttributes={(f) => ({ 'data-file': f.name })}
        />
      </FileDropZone>
      {viewing ? <FileViewerDialog caseRef={caseRef} file={viewing} onClose={() => setViewing(null)} /> : null}
      {removing ? (
        <ConfirmDialog
          title={t('ui.files.remove-title', { name: removing.name })}
          confirmLabel={t('ui.files.remove')}
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            new CaseFiles(props.doc).remove(removing.id, props.writer);
            setRemoving(null);
          }}
        >
          <p>{t('ui.files.remove-text')}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
