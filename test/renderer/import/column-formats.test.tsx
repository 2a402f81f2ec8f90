// @vitest-environment happy-dom
/**
 * "How the columns were read": a line per column from the dry run, and a decimal-mark choice only
 * for number columns that need one (guessed or already chosen); picking and clearing it reports
 * the new choices.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { ColumnFormat } from '../../../shared/rpc/import';
import { ColumnFormats, type DecimalMarks } from '../../../renderer/src/import/column-formats';

afterEach(cleanup);

const GUESS: ColumnFormat = { column: 'Menge', kind: 'number', decimalMark: ',', thousands: null, decidedBy: 'guess', values: 3, ambiguous: ['1.250'], summary: "Menge: decimal mark not decided — '1.250' could be read either way; choose the decimal mark" };
const DATE: ColumnFormat = { column: 'Datum', kind: 'date', dateOrder: 'DMY', decidedBy: 'cells', values: 3, ambiguous: [], summary: 'Datum: day first — from 3 values' };

describe('ColumnFormats', () => {
  it('lists each column and asks for the mark of the guessed number column only', () => {
    const chosen: DecimalMarks[] = [];
    render(<ColumnFormats formats={[DATE, GUESS]} decimalMarks={{}} onDecimalMarks={(m) => chosen.push(m)} />);
    expect(screen.getByTestId('column-format-Datum').textContent).toContain('Datum: day first — from 3 values');
    expect(screen.getByTestId('column-format-Menge').className).toBe('import-format-guess');
    expect(screen.queryByTestId('decimal-mark-Datum')).toBeNull();
    fireEvent.change(screen.getByTestId('decimal-mark-Menge'), { target: { value: ',' } });
    expect(chosen).toEqual([{ Menge: ',' }]);
  });

  it('keeps a chosen column selectable and clears the choice', () => {
    const chosen: DecimalMarks[] = [];
    const picked: ColumnFormat = { ...GUESS, decidedBy: 'choice', ambiguous: [], summary: 'Menge: comma decimal, dot thousands — your choice' };
    render(<ColumnFormats formats={[picked]} decimalMarks={{ Menge: ',' }} onDecimalMarks={(m) => chosen.push(m)} />);
    expect((screen.getByTestId('decimal-mark-Menge') as HTMLSelectElement).value).toBe(',');
    fireEvent.change(screen.getByTestId('decimal-mark-Menge'), { target: { value: '' } });
    expect(chosen).toEqual([{}]);
  });

  it('shows nothing for a file without number, date or coordinate columns', () => {
    const { container } = render(<ColumnFormats formats={[]} decimalMarks={{}} onDecimalMarks={() => undefined} />);
    expect(container.innerHTML).toBe('');
  });
});
