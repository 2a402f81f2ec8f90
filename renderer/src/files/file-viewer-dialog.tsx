/**
 * The viewer of one case file inside the app: an image at its natural size (scaled down to fit),
 * a PDF in the browser's built-in viewer in a frame, both from a `blob:` URL of the bytes (the
 * only frames the CSP allows). Any other type is not rendered: the dialog offers to save the file
 * (download) so the member opens it with the program of their choice. The file's name, type, size
 * and full SHA-256 are shown, so the one shown can be matched with the one collected.
 */
import type { ReactNode } from 'react';
import type { AttachedFile } from '../../../shared/domain/attached-file';
import { t } from '../../../shared/messages';
import { Dialog } from '../ui/dialog';
import { CopyButton } from '../ui/copy-button';
import { Icon } from '../ui/icons';
import { ErrorPanel, Loading } from '../ui/states';
import type { CaseRef } from './file-bytes';
import { formatBytes } from './file-format';
import { isThumbnailable, useFileUrl } from './use-file-url';

/** Props of {@link FileViewerDialog}. */
export interface FileViewerDialogProps {
  caseRef: CaseRef;
  file: AttachedFile;
  onClose: () => void;
}

/** The file viewer. */
export function FileViewerDialog(props: FileViewerDialogProps): ReactNode {
  const { file } = props;
  const { url, error } = useFileUrl(props.caseRef, file);
  const image = isThumbnailable(file.mediaType);
  const pdf = file.mediaType === 'application/pdf';
  return (
    <Dialog
      title={file.name}
      description={t('ui.files.viewer.facts', { type: file.mediaType, size: formatBytes(file.size) })}
      size="xwide"
      className="file-viewer"
      onClose={props.onClose}
      footer={
        <>
          <span className="footer-note mono small">
            {t('ui.files.viewer.sha256', { hash: file.hash })} <CopyButton text={file.hash} what={t('ui.files.copy-hash')} />
          </span>
          {url ? (
            <a className="btn" href={url} download={file.name}>
              <Icon name="download" /> {t('ui.files.download')}
            </a>
          ) : null}
          <button type="button" className="btn btn-primary" onClick={props.onClose}>
            {t('ui.common.close')}
          </button>
        </>
      }
    >
      <div className="file-viewer-body">
        {error ? <ErrorPanel error={error} title={t('ui.files.viewer.unavailable')} /> : null}
        {!error && !url ? <Loading>{t('ui.files.viewer.loading')}</Loading> : null}
        {url && image ? <img className="file-viewer-image" src={url} alt={file.name} /> : null}
        {url && pdf ? <iframe className="file-viewer-pdf" src={url} title={file.name} /> : null}
        {url && !image && !pdf ? <p className="empty-note">{t('ui.files.viewer.not-shown', { type: file.mediaType })}</p> : null}
      </div>
    </Dialog>
  );
}
