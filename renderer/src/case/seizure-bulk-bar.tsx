/**
 * The bar above the seizure table while seizures are chosen (issue 11, item 3): how many, and
 * the bulk actions — delete (after a confirmation, one transaction, each audited), set a field,
 * move to another case — and clearing the selection. The count is every chosen seizure, also
 * those not rendered: "select all shown" chooses every seizure the table shows (seizure-selection.ts).
 */
import { useState, type ReactNode } from 'react';
import type { CaseDoc } from '../../../shared/docs/case-doc';
import type { Writer } from '../../../shared/docs/records';
import { MASS_DELETION_THRESHOLD } from '../../../shared/permissions';
import { t } from '../../../shared/messages';
import { Icon } from '../ui/icons';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { useToast } from '../ui/toast';
import { BulkMoveDialog, BulkSetDialog } from './seizure-bulk-dialogs';
import { deleteSeizures } from './seizure-writes';
import type { BulkTarget } from './seizure-selection';
import { useClient } from '../app/services';
import './seizure-bulk-bar.css';

/** Props of {@link SeizureBulkBar}. */
export interface SeizureBulkBarProps {
  caseDoc: CaseDoc;
  writer: Writer;
  workspaceId: string;
  /** The chosen live seizures: ids, or every seizure the table shows (seizure-selection.ts). */
  target: BulkTarget;
  /** How many `target` holds (for every shown seizure: the table's count less those unticked). */
  count: number;
  onClear: () => void;
  /** Hears when a move is asked (true) and when it failed (false): see BulkMoveDialog. */
  onMoving?: (on: boolean) => void;
}

/** The bulk action bar. */
export function SeizureBulkBar(props: SeizureBulkBarProps): ReactNode {
  const toast = useToast();
  const client = useClient();
  const [open, setOpen] = useState<'delete' | 'set' | 'move' | null>(null);
  const n = props.count;
  const done = (): void => {
    setOpen(null);
    props.onClear();
  };
  return (
    <div className="bulk-bar" role="region" aria-label={t('ui.seizures.selected', { count: n })}>
      <strong>{t('ui.seizures.selected', { count: n })}</strong>
      <button type="button" className="btn btn-sm" onClick={() => setOpen('set')}>
        <Icon name="edit" size={14} /> {t('ui.seizures.bulk-set')}
      </button>
      <button type="button" className="btn btn-sm" onClick={() => setOpen('move')}>
        <Icon name="briefcase" size={14} /> {t('ui.seizures.bulk-move')}
      </button>
      <button type="button" className="btn btn-sm btn-danger-ghost" onClick={() => setOpen('delete')}>
        <Icon name="trash" size={14} /> {t('ui.seizures.bulk-delete')}
      </button>
      <button type="button" className="btn btn-sm btn-ghost" onClick={props.onClear}>
        {t('ui.seizures.bulk-clear')}
      </button>
      {open === 'delete' ? (
        <ConfirmDialog
          title={t('ui.seizures.bulk-delete-title', { count: n })}
          confirmLabel={t('ui.seizures.bulk-delete')}
          onCancel={() => setOpen(null)}
          onConfirm={async () => {
            try {
              // Seizures in a volume doc are deleted by the data service (seizure-writes.ts).
              toast(t('ui.seizures.bulk-deleted', { count: await deleteSeizures({ caseDoc: props.caseDoc, writer: props.writer, client, workspaceId: props.workspaceId }, props.target) }));
            } catch (err) {
              toast(err instanceof Error ? err.message : String(err), 'error');
            }
            done();
          }}
        >
          <p>{t('ui.seizures.bulk-delete-text')}</p>
          {n > MASS_DELETION_THRESHOLD ? <p className="muted">{t('ui.imports.undo-held', { threshold: MASS_DELETION_THRESHOLD })}</p> : null}
        </ConfirmDialog>
      ) : null}
      {open === 'set' ? <BulkSetDialog caseDoc={props.caseDoc} writer={props.writer} workspaceId={props.workspaceId} target={props.target} count={n} onDone={done} onClose={() => setOpen(null)} /> : null}
      {open === 'move' ? <BulkMoveDialog workspaceId={props.workspaceId} caseId={props.caseDoc.readMeta().id} target={props.target} count={n} onDone={done} onClose={() => setOpen(null)} {...(props.onMoving ? { onMoving: props.onMoving } : {})} /> : null}
    </div>
  );
}
