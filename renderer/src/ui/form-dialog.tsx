/**
 * The one form dialog: a {@link Dialog} whose body is a form (fields as children), with Cancel
 * and a submit button in the footer, a busy state while an asynchronous submit runs, the error of
 * a failed submit shown above the fields (an RpcError's or NestError's field issues go to the
 * form instead, next to their fields) and focus management: the first field is focused when the
 * dialog opens (the native dialog), and after a failed submit the first invalid field — or the
 * error — gets the focus, so a keyboard user lands where the problem is.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { FieldIssue } from '../../../shared/errors';
import { Dialog, type DialogProps } from './dialog';
import { Icon, type IconName } from './icons';
import { ErrorPanel } from './states';
import { t } from '../../../shared/messages';

/** Props of {@link FormDialog}. */
export interface FormDialogProps extends Omit<DialogProps, 'footer'> {
  /** The submit button's label ("Create case"). */
  submitLabel: string;
  /** The submit button's label while busy ("Creating…"); default: the submit label. */
  busyLabel?: string;
  /** An icon before the submit button's label. */
  submitIcon?: IconName;
  /** Disables the submit button (and so Enter in a field): nothing to submit yet. */
  submitDisabled?: boolean;
  /**
   * Hides the footer's Cancel: while the form runs work that has its own stop action (a pack
   * export's "Cancel export"), two cancel buttons would be two actions for one wish.
   */
  cancelHidden?: boolean;
  /** A note at the start of the footer. */
  footerNote?: ReactNode;
  /** Classes of the <form> (default `dialog-body`). */
  formClassName?: string;
  /**
   * Runs on submit (the button or Enter in a field). Return false when the form's own checks
   * failed (its messages are set; focus moves to the first invalid field). A returned Promise
   * keeps the dialog busy until it settles. A thrown error or rejection with field issues goes to
   * `onIssues`; any other is shown above the fields.
   */
  onSubmit: () => void | boolean | Promise<unknown>;
  /** Receives the field issues of a failed submit (RpcError / NestError), to show next to the fields. */
  onIssues?: (issues: FieldIssue[]) => void;
}

function issuesOf(err: unknown): FieldIssue[] {
  const issues = (err as { issues?: unknown } | null)?.issues;
  return Array.isArray(issues) ? (issues as FieldIssue[]) : [];
}

/** A modal form dialog, shown while mounted. */
export function FormDialog(props: FormDialogProps): ReactNode {
  const { submitLabel, busyLabel, submitIcon, submitDisabled, cancelHidden, footerNote, formClassName, onSubmit, onIssues, children, ...dialog } = props;
  const formId = useId();
  const form = useRef<HTMLFormElement>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  // Bumped after each failed submit: the effect below moves the focus once the messages are rendered.
  const [failed, setFailed] = useState(0);
  const live = useRef(true);
  useEffect(
    () => () => {
      live.current = false;
    },
    [],
  );

  useEffect(() => {
    if (!failed) return;
    const f = form.current;
    (f?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? f?.querySelector<HTMLElement>('.form-failure'))?.focus();
  }, [failed]);

  const fail = (err: unknown): void => {
    if (!live.current) return;
    const issues = issuesOf(err);
    if (issues.length && onIssues) onIssues(issues);
    else setFailure(err);
    setFailed((n) => n + 1);
  };

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (busy || submitDisabled) return;
    setFailure(null);
    let result: ReturnType<typeof onSubmit>;
    try {
      result = onSubmit();
    } catch (err) {
      fail(err);
      return;
    }
    if (result === false) setFailed((n) => n + 1);
    else if (result instanceof Promise) {
      setBusy(true);
      result.then(
        () => live.current && setBusy(false),
        (err: unknown) => {
          if (live.current) setBusy(false);
          fail(err);
        },
      );
    }
  };

  return (
    <Dialog
      {...dialog}
      footer={
        <>
          {footerNote ? <span className="footer-note">{footerNote}</span> : null}
          {cancelHidden ? null : (
            <button type="button" className="btn" onClick={dialog.onClose}>
              {t('ui.common.cancel')}
            </button>
          )}
          <button type="submit" form={formId} className="btn btn-primary" disabled={busy || submitDisabled} aria-busy={busy || undefined}>
            {submitIcon ? <Icon name={submitIcon} /> : null}
            {submitIcon ? ' ' : null}
            {busy ? (busyLabel ?? submitLabel) : submitLabel}
          </button>
        </>
      }
    >
      <form ref={form} id={formId} className={formClassName ?? 'dialog-body'} onSubmit={submit} noValidate>
        {failure ? (
          <div tabIndex={-1} className="form-failure">
            <ErrorPanel error={failure} />
          </div>
        ) : null}
        {children}
      </form>
    </Dialog>
  );
}
