/**
 * Asks the user to confirm a destructive action (e.g. deleting a seizure), naming what will
 * happen; the safe choice has the initial focus.
 */
import type { ReactNode } from 'react';
import { Dialog } from './dialog';
import { t } from '../../../shared/messages';

/** Props of {@link ConfirmDialog}. */
export interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** Disables the confirm button (e.g. while what it would do is still being counted). */
  confirmDisabled?: boolean;
  /** The safe button's label when "Cancel" would be unclear (e.g. "Keep importing" beside "Stop the import"). */
  cancelLabel?: string;
}

/** A confirmation dialog with a danger button. */
export function ConfirmDialog(props: ConfirmDialogProps): ReactNode {
  return (
    <Dialog
      title={props.title}
      onClose={props.onCancel}
      footer={
        <>
          <button type="button" className="btn" onClick={props.onCancel} autoFocus>
            {props.cancelLabel ?? t('ui.common.cancel')}
          </button>
          <button type="button" className="btn btn-danger" onClick={props.onConfirm} disabled={props.confirmDisabled}>
            {props.confirmLabel}
          </button>
        </>
      }
    >
      <div className="dialog-body">{props.children}</div>
    </Dialog>
  );
}
