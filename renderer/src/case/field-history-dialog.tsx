/**
 * The history of one seizure field: every value it has had (newest first), who set it and when,
 * from the case's audit log (shared/docs/field-history.ts), with "Restore" on each past value that
 * was recorded whole. Restoring writes a new, attributed change; nothing is deleted, so the
 * restore itself appears at the top of the list.
 */
import type { ReactNode } from 'react';
import type { CaseDoc } from '../../../shared/docs/case-doc';
import { fieldHistory, isRestorable, type FieldVersion } from '../../../shared/docs/field-history';
import { jsonEqual, type Writer } from '../../../shared/docs/records';
import type { Seizure, SeizureField, SeizureFields } from '../../../shared/domain/seizure';
import { t } from '../../../shared/messages';
import { Dialog } from '../ui/dialog';
import { Avatar } from '../ui/avatar';
import { memberColor } from '../domain/member-color';
import { formatDateTime } from '../format/dates';
import { fieldName, formatAuditValue } from '../../../shared/activity/field-values';
import { seizureTitle } from './seizure-title';

/** Props of {@link FieldHistoryDialog}. */
export interface FieldHistoryDialogProps {
  caseDoc: CaseDoc;
  seizure: Seizure;
  field: SeizureField;
  writer: Writer;
  readOnly: boolean;
  /** A member's display name by id. */
  memberName: (id: string) => string;
  /** Called after a value was restored (with the value written). */
  onRestored: (value: unknown) => void;
  onClose: () => void;
}

const KIND_LABEL = { initial: 'ui.case.history.original', change: 'ui.case.history.changed', restore: 'ui.case.history.restored' } as const;

/** One value of the history. */
function VersionRow(props: { v: FieldVersion; field: SeizureField; current: boolean; canRestore: boolean; memberName: (id: string) => string; onRestore: () => void }): ReactNode {
  const { v, field } = props;
  const name = v.by ? props.memberName(v.by) : t('ui.case.activity.someone');
  const value = v.known ? formatAuditValue(field, v.value, v.cut) : t('ui.case.value.unknown');
  return (
    <li className={`history-item${props.current ? ' is-current' : ''}`} data-testid="history-item">
      <Avatar name={name} color={memberColor(v.by)} small />
      <div className="grow history-text">
        <div className="history-line">
          <span className="history-value" data-testid="history-value">{value}</span>
          <span className="tag">{t(KIND_LABEL[v.kind])}</span>
          {props.current ? <span className="tag tag-accent">{t('ui.case.history.current')}</span> : null}
        </div>
        <div className="history-meta">
          {v.at ? t('ui.case.history.by', { name, when: formatDateTime(v.at) }) : t('ui.case.history.by-unknown-time', { name })}
          {v.known && v.from !== undefined ? <> · {t('ui.case.history.was', { from: formatAuditValue(field, v.from) })}</> : null}
        </div>
        {!v.known ? <div className="history-meta">{t('ui.case.history.not-recorded')}</div> : null}
        {v.cut ? <div className="history-meta">{t('ui.case.history.cut')}</div> : null}
      </div>
      {props.canRestore ? (
        <button type="button" className="btn btn-sm" onClick={props.onRestore} aria-label={t('ui.case.history.restore-label', { value })}>
          {t('ui.case.history.restore')}
        </button>
      ) : null}
    </li>
  );
}

/** The field history dialog. */
export function FieldHistoryDialog(props: FieldHistoryDialogProps): ReactNode {
  const { caseDoc, seizure, field } = props;
  const versions = fieldHistory(caseDoc.readAudit(), seizure.id, field, { by: seizure.createdBy, at: seizure.createdAt }).reverse();
  const current = seizure[field];
  // The newest version holding the current value is marked "Current"; older equal ones may still be restored (a no-op is refused below).
  const currentIndex = versions.findIndex((v) => v.known && !v.cut && jsonEqual(v.value, current));
  const label = fieldName(field);
  return (
    <Dialog
      title={t('ui.case.history.title', { field: label })}
      description={t('ui.case.history.description', { seizure: seizureTitle(seizure) })}
      onClose={props.onClose}
      className="field-history-dialog"
      footer={
        <button type="button" className="btn" onClick={props.onClose}>
          {t('ui.case.history.close')}
        </button>
      }
    >
      <div className="dialog-body">
        {versions.length ? (
          <ol className="history-list" aria-label={t('ui.case.history.list-label', { field: label })}>
            {versions.map((v, i) => (
              <VersionRow
                key={`${v.at}-${i}`}
                v={v}
                field={field}
                current={i === currentIndex}
                canRestore={!props.readOnly && isRestorable(v) && !jsonEqual(v.value, current)}
                memberName={props.memberName}
                onRestore={() => {
                  caseDoc.restoreSeizureField(seizure.id, field, v.value as SeizureFields[SeizureField], props.writer);
                  props.onRestored(v.value);
                }}
              />
            ))}
          </ol>
        ) : (
          <p className="muted">{t('ui.case.history.empty')}</p>
        )}
      </div>
    </Dialog>
  );
}
