/**
 * What the import dialog says before a commit about the case the file goes into (issue 11,
 * items 3 and 5): that the file is marked with a stricter TLP than the case's — with a checkbox to
 * import it anyway, its rows then shared as the case's TLP (tester finding F1); that the same file (same SHA-256) is already imported — with who and when, and a
 * checkbox to import it again on purpose — and which rows match seizures already in the case or
 * earlier rows of the file, with a checkbox (on by default) to leave them out.
 */
import type { ReactNode } from 'react';
import type { ImportReport } from '../../../shared/rpc/import';
import { t } from '../../../shared/messages';
import { duplicateNote } from '../../../shared/domain/duplicate-note';
import { Icon } from '../ui/icons';
import { formatDateTime } from '../format/dates';
import './import-doubts.css';

/** Duplicate lines listed before "and N more". */
const LISTED = 5;

/** Props of {@link ImportDoubts}. */
export interface ImportDoubtsProps {
  report: ImportReport;
  /** The case the file goes into (named in the TLP choice). */
  caseNumber: string;
  allowReimport: boolean;
  onAllowReimport: (v: boolean) => void;
  /** Import a file whose TLP marking is stricter than the case's (`report.tlpConflict`) anyway. */
  acceptTlp: boolean;
  onAcceptTlp: (v: boolean) => void;
  skipDuplicates: boolean;
  onSkipDuplicates: (v: boolean) => void;
}

/** The TLP, re-import and duplicate-row notices of the import dialog; nothing when there is none. */
export function ImportDoubts(props: ImportDoubtsProps): ReactNode {
  const { report } = props;
  const prev = report.previousImport;
  if (!prev && !report.duplicateRows && !report.tlpConflict) return null;
  return (
    <div className="import-doubts">
      {report.tlpConflict ? (
        <div className="alert alert-warning" role="alert" data-testid="tlp-warning">
          <Icon name="alert" />
          <div className="grow">
            <p className="alert-title">{t('ui.import.tlp-title', { fileTlp: report.fileTlp ?? '' })}</p>
            <p>{report.tlpConflict}.</p>
            <label className="check-label">
              <input type="checkbox" data-testid="tlp-accept" checked={props.acceptTlp} onChange={(e) => props.onAcceptTlp(e.target.checked)} />
              {t('ui.import.tlp-accept', { caseNumber: props.caseNumber })}
            </label>
          </div>
        </div>
      ) : null}
      {prev ? (
        <div className="alert alert-warning" role="alert" data-testid="reimport-warning">
          <Icon name="alert" />
          <div className="grow">
            <p className="alert-title">{t('ui.import.reimport-title')}</p>
            <p>{t('ui.import.reimport-text', { by: prev.byName || prev.by, at: formatDateTime(prev.at), count: prev.seizures })}</p>
            <label className="check-label">
              <input type="checkbox" checked={props.allowReimport} onChange={(e) => props.onAllowReimport(e.target.checked)} />
              {t('ui.import.reimport-allow')}
            </label>
          </div>
        </div>
      ) : null}
      {report.duplicateRows ? (
        <div className="alert alert-info" data-testid="duplicate-rows">
          <Icon name="copy" />
          <div className="grow">
            <p className="alert-title">{t('ui.import.duplicates-title', { count: report.duplicateRows })}</p>
            <ul className="plain-list small">
              {report.duplicates.slice(0, LISTED).map((d) => (
                <li key={d.line}>{duplicateNote(d, report.format)}</li>
              ))}
              {report.duplicateRows > LISTED ? <li className="muted">{t('ui.import.duplicates-more', { count: report.duplicateRows - LISTED })}</li> : null}
            </ul>
            <label className="check-label">
              <input type="checkbox" checked={props.skipDuplicates} onChange={(e) => props.onSkipDuplicates(e.target.checked)} />
              {t('ui.import.duplicates-skip')}
            </label>
          </div>
        </div>
      ) : null}
    </div>
  );
}
