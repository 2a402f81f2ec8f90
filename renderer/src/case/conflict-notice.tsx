/**
 * The notice under a seizure field when a colleague changed it while this member was editing it or
 * had just edited it (concurrent-edits.ts): who, their value, ours, and what is saved now, with
 * "Keep mine" / "Keep theirs" (each restores that value as a new change; a cut value of theirs
 * cannot be kept from here — the field history shows it).
 */
import type { ReactNode } from 'react';
import { t } from '../../../shared/messages';
import { Icon } from '../ui/icons';
import type { EditNotice } from './concurrent-edits';
import { fieldName, formatAuditValue } from '../../../shared/activity/field-values';

/** Props of {@link ConflictNotice}. */
export interface ConflictNoticeProps {
  notice: EditNotice;
  /** This member's value, read as the field's type (a number field's typed text as a number). */
  mine: unknown;
  /** The field's value now (what the merge kept, or a later change). */
  current: unknown;
  theirName: string;
  readOnly: boolean;
  onKeep: (value: unknown) => void;
  onDismiss: () => void;
}

/** The concurrent-edit notice. */
export function ConflictNotice(props: ConflictNoticeProps): ReactNode {
  const { notice: n } = props;
  const field = n.field;
  return (
    <div className="edit-notice" role="status" data-testid="edit-notice">
      <div className="edit-notice-head">
        <Icon name="alert" size={14} />
        <strong className="grow">{t('ui.case.conflict.title', { name: props.theirName, field: fieldName(field) })}</strong>
        <button type="button" className="btn btn-ghost btn-icon btn-sm" onClick={props.onDismiss} aria-label={t('ui.case.conflict.dismiss')} title={t('ui.case.conflict.dismiss')}>
          <Icon name="x" size={13} />
        </button>
      </div>
      <dl className="edit-notice-values">
        <dt>{t('ui.case.conflict.theirs', { name: props.theirName })}</dt>
        <dd data-testid="edit-notice-theirs">{formatAuditValue(field, n.theirs, n.theirsCut)}</dd>
        <dt>{t('ui.case.conflict.mine')}</dt>
        <dd data-testid="edit-notice-mine">{formatAuditValue(field, props.mine)}</dd>
        <dt>{t('ui.case.conflict.now')}</dt>
        <dd>{formatAuditValue(field, props.current)}</dd>
      </dl>
      {props.readOnly ? null : (
        <div className="edit-notice-actions">
          <button type="button" className="btn btn-sm" onClick={() => props.onKeep(props.mine)}>
            {t('ui.case.conflict.keep-mine')}
          </button>
          <button type="button" className="btn btn-sm" disabled={n.theirsCut} onClick={() => props.onKeep(n.theirs)}>
            {t('ui.case.conflict.keep-theirs')}
          </button>
        </div>
      )}
    </div>
  );
}
