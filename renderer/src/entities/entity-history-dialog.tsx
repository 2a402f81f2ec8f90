/**
 * The history of one entity field, read from the case's audit log (shared/docs/field-history.ts):
 * every value it has had, newest first, who set it and when. Read-only: an entity field is
 * restored by editing it (a new attributed change).
 */
import type { ReactNode } from 'react';
import type { CaseDoc, Entity } from '../../../shared/docs/case-doc';
import { fieldHistory } from '../../../shared/docs/field-history';
import { t } from '../../../shared/messages';
import { Dialog } from '../ui/dialog';
import { formatDateTime } from '../format/dates';

const KIND_LABEL = { initial: 'ui.case.history.original', change: 'ui.case.history.changed', restore: 'ui.case.history.restored' } as const;

/** A field value as shown in the history (lists joined, empty as a dash). */
function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).join(', ') || '—';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** The entity field history dialog. */
export function EntityHistoryDialog(props: { caseDoc: CaseDoc; entity: Entity; field: string; label: string; memberName: (id: string) => string; onClose: () => void }): ReactNode {
  const versions = fieldHistory(props.caseDoc.readAudit(), props.entity.id, props.field, { by: props.entity.createdBy, at: props.entity.createdAt }).slice().reverse();
  return (
    <Dialog title={t('ui.case.history.title', { field: props.label.toLowerCase() })} onClose={props.onClose}>
      <ol className="history-list">
        {versions.map((v, i) => (
          <li key={i} className={`history-item${i === 0 ? ' is-current' : ''}`} data-testid="history-item">
            <div className="history-value">{v.known ? show(v.value) : t('ui.case.value.unknown')}</div>
            <div className="history-meta">
              {t(KIND_LABEL[v.kind])} · {t('ui.case.history.by', { name: v.by ? props.memberName(v.by) : t('ui.case.activity.someone'), when: v.at ? formatDateTime(v.at) : '—' })}
            </div>
          </li>
        ))}
      </ol>
    </Dialog>
  );
}
