// @vitest-environment happy-dom
/**
 * FormDialog: a failed check moves the focus to the first invalid field; an asynchronous submit
 * shows the busy label and disables the button until it settles; a rejection with field issues
 * goes to onIssues, any other is shown above the fields (and focused).
 */
import { useState, type ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { FieldIssue } from '../../../shared/errors';
import { RpcError } from '../../../renderer/src/data/rpc-error';
import { FormDialog } from '../../../renderer/src/ui/form-dialog';
import { Field } from '../../../renderer/src/ui/field';

afterEach(cleanup);

/** A two-field form whose submit is `submit`; field issues become messages next to the fields. */
function Form(props: { submit: (title: string) => false | void | Promise<unknown> }): ReactNode {
  const [title, setTitle] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  return (
    <FormDialog
      title="New case"
      onClose={() => undefined}
      submitLabel="Create case"
      busyLabel="Creating…"
      onSubmit={() => {
        if (!title) {
          setErrors({ title: 'Is required' });
          return false;
        }
        return props.submit(title);
      }}
      onIssues={(issues: FieldIssue[]) => setErrors(Object.fromEntries(issues.map((i) => [i.field, i.message])))}
    >
      <Field label="Lead agency">{(c) => <input {...c} className="input" />}</Field>
      <Field label="Title" error={errors.title}>
        {(c) => <input {...c} className="input" value={title} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
    </FormDialog>
  );
}

describe('FormDialog', () => {
  it('focuses the first invalid field after a failed check', async () => {
    render(<Form submit={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Create case', hidden: true }));
    const title = screen.getByLabelText('Title');
    await waitFor(() => expect(document.activeElement).toBe(title));
    expect(title.getAttribute('aria-invalid')).toBe('true');
  });

  it('is busy while an asynchronous submit runs, then sends field issues to the form', async () => {
    let reject: (e: unknown) => void = () => undefined;
    render(<Form submit={() => new Promise((_res, rej) => (reject = rej))} />);
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Ivory' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create case', hidden: true }));
    const busy = await screen.findByRole('button', { name: 'Creating…', hidden: true });
    expect((busy as HTMLButtonElement).disabled).toBe(true);
    reject(new RpcError({ code: 'invalid-params', message: 'Check the fields.', issues: [{ field: 'title', message: 'Is already taken' }] }));
    await screen.findByText('Is already taken');
    expect((screen.getByRole('button', { name: 'Create case', hidden: true }) as HTMLButtonElement).disabled).toBe(false);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Title')));
  });

  it('shows any other error above the fields and focuses it', async () => {
    render(<Form submit={() => Promise.reject(new RpcError({ code: 'internal', message: 'The disk is full.' }))} />);
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Ivory' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create case', hidden: true }));
    const alert = await screen.findByRole('alert', { hidden: true });
    expect(alert.textContent).toContain('The disk is full.');
    await waitFor(() => expect(document.activeElement?.className).toBe('form-failure'));
  });

  it('offers its Cancel unless told the form has its own stop action (issue 11: a pack export showed "Cancel export" and "Cancel")', () => {
    const form = (cancelHidden: boolean): ReactNode => (
      <FormDialog title="Export case pack" onClose={() => undefined} submitLabel="Export" cancelHidden={cancelHidden} onSubmit={() => undefined}>
        <button type="button">Cancel export</button>
      </FormDialog>
    );
    render(form(false));
    expect(screen.getAllByRole('button', { name: /cancel/i, hidden: true }).map((b) => b.textContent)).toEqual(['Cancel export', 'Cancel']);
    cleanup();
    render(form(true));
    expect(screen.getAllByRole('button', { name: /cancel/i, hidden: true }).map((b) => b.textContent)).toEqual(['Cancel export']);
  });
});
