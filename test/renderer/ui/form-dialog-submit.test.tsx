// @vitest-environment happy-dom
/**
 * FormDialog's submit button options (used by the valuation bulk-assign and price-import dialogs):
 * `submitDisabled` disables the button and ignores a submit of the form (Enter in a field), and
 * `submitIcon` puts an icon before the label without changing the button's accessible name.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { FormDialog } from '../../../renderer/src/ui/form-dialog';

afterEach(cleanup);

function Form(props: { disabled: boolean; onSubmit: () => void }): ReturnType<typeof FormDialog> {
  return (
    <FormDialog title="Import price references" onClose={() => undefined} submitLabel="Add 2 prices" submitIcon="upload" submitDisabled={props.disabled} onSubmit={props.onSubmit}>
      <input aria-label="Filter" />
    </FormDialog>
  );
}

describe('FormDialog submit options', () => {
  it('ignores submits while disabled and submits once enabled', () => {
    const submits: number[] = [];
    const { rerender } = render(<Form disabled onSubmit={() => submits.push(1)} />);
    const button = screen.getByRole('button', { name: 'Add 2 prices' });
    expect(button).toHaveProperty('disabled', true);
    expect(button.querySelector('svg')).not.toBeNull();
    fireEvent.submit(screen.getByLabelText('Filter').closest('form')!);
    expect(submits).toEqual([]);
    rerender(<Form disabled={false} onSubmit={() => submits.push(1)} />);
    expect(screen.getByRole('button', { name: 'Add 2 prices' })).toHaveProperty('disabled', false);
    fireEvent.click(screen.getByRole('button', { name: 'Add 2 prices' }));
    expect(submits).toEqual([1]);
  });
});
