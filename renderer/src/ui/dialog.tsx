/**
 * A modal dialog on the native <dialog> element: focus is trapped and restored by the browser,
 * Escape closes it, and it is labelled by its title for screen readers.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Icon } from './icons';
import { t } from '../../../shared/messages';

/** Props of {@link Dialog}. */
export interface DialogProps {
  title: string;
  description?: ReactNode;
  /** Called when the user closes the dialog (Escape, the close button). */
  onClose: () => void;
  /** Footer content (buttons). */
  footer?: ReactNode;
  size?: 'normal' | 'wide' | 'xwide';
  children: ReactNode;
  /** Test and styling hook. */
  className?: string;
}

/** A modal dialog, shown while mounted. */
export function Dialog(props: DialogProps): ReactNode {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descId = useId();
  const { onClose } = props;

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    const onCancel = (e: Event): void => {
      e.preventDefault();
      onClose();
    };
    d.addEventListener('cancel', onCancel);
    return () => d.removeEventListener('cancel', onCancel);
  }, [onClose]);

  const size = props.size === 'wide' ? ' dialog-wide' : props.size === 'xwide' ? ' dialog-xwide' : '';
  return (
    <dialog ref={ref} className={`dialog${size}${props.className ? ` ${props.className}` : ''}`} aria-labelledby={titleId} aria-describedby={props.description ? descId : undefined}>
      <div className="dialog-header">
        <div className="grow">
          <h2 id={titleId}>{props.title}</h2>
          {props.description ? (
            <p className="dialog-description" id={descId}>
              {props.description}
            </p>
          ) : null}
        </div>
        <button type="button" className="btn btn-ghost btn-icon btn-sm" onClick={onClose} aria-label={t('ui.common.close')}>
          <Icon name="x" />
        </button>
      </div>
      {props.children}
      {props.footer ? <div className="dialog-footer">{props.footer}</div> : null}
    </dialog>
  );
}
