// @vitest-environment happy-dom
/**
 * A running import names one phase at a time (tester finding, issue 11): the bar said "Sending
 * rich-30k.csv to be checked…" while the footer said "Writing the rows into the case…", and the
 * commit's second check of the rows read as if it were the first. The bar and the footer now come
 * from the same progress, through the whole sequence sending → checking again → writing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import type { ImportProgress } from '../../../shared/rpc/import';
import { ImportProgressBar, importPhaseTexts } from '../../../renderer/src/import/import-progress';

afterEach(cleanup);

const at = (phase: ImportProgress['phase'], done: number, total: number): ImportProgress => ({
  workspaceId: 'w', caseId: 'c', fileName: 'rich-30k.csv', phase, done, total, rowsPerSecond: 6000,
});

describe('import progress phases', () => {
  it('the bar and the footer name the same phase at every step', () => {
    const steps = [null, at('reading', 24_000, 30_000), at('reading', 30_000, 30_000), at('writing', 12_000, 30_000), at('writing', 30_000, 30_000)];
    expect(steps.map((p) => importPhaseTexts(p, 'rich-30k.csv'))).toEqual([
      { bar: 'Sending rich-30k.csv to be checked…', footer: 'Checking the rows again before writing them into the case…' },
      { bar: 'Checking rows again before writing: 24,000 of 30,000 rows (80%), 6,000 rows a second', footer: 'Checking the rows again before writing them into the case…' },
      { bar: 'Checking rows again before writing: 30,000 of 30,000 rows (100%), 6,000 rows a second', footer: 'Checking the rows again before writing them into the case…' },
      { bar: 'Writing seizures: 12,000 of 30,000 rows (40%), 6,000 rows a second', footer: 'Writing the rows into the case…' },
      { bar: 'Writing seizures: 30,000 of 30,000 rows (100%), 6,000 rows a second', footer: 'Writing the rows into the case…' },
    ]);
  });

  it('the bar shows the text of its phase, with a determinate value once counts arrive', () => {
    render(<ImportProgressBar progress={at('reading', 24_000, 30_000)} fileName="rich-30k.csv" />);
    const bar = screen.getByTestId('import-progress');
    expect(bar.textContent).toBe('Checking rows again before writing: 24,000 of 30,000 rows (80%), 6,000 rows a second');
    expect(bar.querySelector('progress')!.value).toBe(24_000);
  });
});
