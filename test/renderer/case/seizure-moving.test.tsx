/**
 * A seizure moved to another case while the table still holds its row (tester4, issue 11: the
 * row stayed ~2 s as if still here): the table marks exactly the moving rows "Moving…" and dims
 * them; the others are unmarked.
 */
// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { newSeizureFields, type Seizure } from '../../../shared/domain/seizure';
import { SeizureTable } from '../../../renderer/src/case/seizure-table';

afterEach(cleanup);

const seizure = (id: string, commodity: string): Seizure => ({ ...newSeizureFields('2019-04-08'), country: 'SG', commodity, quantity: 2, unit: 't', id, createdBy: 'm', createdAt: 0, updatedBy: 'm', updatedAt: 0 });

describe('seizure table while a move is under way', () => {
  it('marks exactly the moving rows "Moving…"', () => {
    const rows = [seizure('11111111-1111-4111-8111-111111111111', 'pangolin scales'), seizure('22222222-2222-4222-8222-222222222222', 'rosewood logs')];
    render(<SeizureTable seizures={rows} sort={{ key: 'date', dir: 'desc' }} onSort={() => {}} selected={null} onSelect={() => {}} readOnly={false} onEdit={() => {}} onDelete={() => {}} moving={new Set([rows[1]!.id])} />);
    const row = (id: string): HTMLElement => document.querySelector<HTMLElement>(`tr[data-seizure-id="${id}"]`)!;
    expect(row(rows[1]!.id).className).toContain('row-moving');
    expect(row(rows[1]!.id).textContent).toContain('Moving…');
    expect(row(rows[0]!.id).className).not.toContain('row-moving');
    expect(row(rows[0]!.id).textContent).not.toContain('Moving…');
    expect(screen.getAllByText('Moving…')).toHaveLength(1);
  });
});
