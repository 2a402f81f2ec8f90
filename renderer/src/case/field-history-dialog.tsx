/**
 * The history of one seizure field: every value it has had (newest first), who set it and when,
 * from the case's audit log (shared/docs/field-history.ts), with "Restore" on each past value that
 * was recorded whole. Restoring writes a new, attributed change; nothing is deleted, so the
 * restore itself appears at the top of the list. The audit is always in the case doc (also for a
 * seizure held in a volume doc); the restore goes where the seizure lives (seizure-writes.ts).
 */
import { useState, type ReactNode } from 'react';
import { fieldHistory, isRestorable, type FieldVersion } from '../../../shared/docs/field-history';
import { jsonEqual } from '../../../shared/docs/records';
import type { Seizure, SeizureField } from '../../../shared/domain/seizure';
import { t } from '../../../shared/messages';
import { Dialog } from '../ui/dialog';
import { Avatar } from '../ui/avatar';
import { memberColor } from '../domain/member-color';
import { formatDateTime } from '../format/dates';
import { fieldName, formatAuditValue } from '../../../shared/activity/field-values';
import { seizureTitle } from './seizure-title';
import { restoreSeizureField, type SeizureWriteTarget } from './seizure-writes';
import { Notice } from '../ui/states';

/** Props of {@link FieldHistoryDialog}. */
export interface FieldHistoryDialogProps {
  /** Where the restore goes; its replica's audit is the history read. */
  to: SeizureWriteTarget;
  seizure: Seizure;
  field: SeizureField;
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
  const { seizure, field } = props;
  const [failed, setFailed] = useState<string | null>(null);
  const versions = fieldHistory(props.to.caseDoc.readAudit(), seizure.id, field, { by: seizure.createdBy, at: seizure.createdAt }).reverse();
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
        {failed ? (
          <Notice kind="warning" icon="alert">
            {failed}
          </Notice>
        ) : null}
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
                  setFailed(null);
                  restoreSeizureField(props.to, seizure.id, field, v.value).then(
                    () => props.onRestored(v.value),
                    (err: unknown) => setFailed(err instanceof Error ? err.message : String(err)),
                  );
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
