/**
 * The seizure table's optional model columns and the column chooser (renderer/src/case/
 * seizure-model-columns.tsx, renderer/src/ui/column-chooser.tsx): transport, detection,
 * concealment, taxon with its CITES appendix and route are hidden by default; showing one from
 * the chooser adds its header and cells; the choice is remembered on the device (a new table
 * opens with it); a damaged stored choice falls back to the defaults.
 */
// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { newSeizureFields, type Seizure } from '../../../shared/domain/seizure';
import { SeizureTable } from '../../../renderer/src/case/seizure-table';
import { citesHint, routeText } from '../../../renderer/src/case/seizure-model-columns';
import { columnStorageKey } from '../../../renderer/src/ui/column-chooser';

afterEach(() => {
  cleanup();
  localStorage.clear();
});

const pangolin: Seizure = {
  ...newSeizureFields('2019-04-08'),
  country: 'SG',
  commodity: 'pangolin scales',
  taxon: 'Manis javanica',
  quantity: 12.9,
  unit: 't',
  transportMode: 'sea',
  originCountries: ['NG'],
  transitCountries: ['MY'],
  missedTransitCountries: ['MY'],
  destinationCountries: ['VN'],
  id: '22222222-2222-4222-8222-222222222222',
  createdBy: 'm',
  createdAt: 0,
  updatedBy: 'm',
  updatedAt: 0,
};

const table = (): ReturnType<typeof render> =>
  render(<SeizureTable seizures={[pangolin]} sort={{ key: 'date', dir: 'desc' }} onSort={() => {}} selected={null} onSelect={() => {}} readOnly onEdit={() => {}} onDelete={() => {}} />);

const headers = (): string[] => screen.getAllByRole('columnheader').map((h) => h.textContent ?? '');

describe('seizure table columns', () => {
  it('hides the model columns by default and shows one chosen, remembered on the device', () => {
    table();
    expect(headers()).not.toContain('Transport');
    expect(headers()).not.toContain('Route');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Route' }));
    expect(headers()).toContain('Route');
    expect(screen.getByText('NG → MY (missed) → VN')).toBeTruthy();
    expect(JSON.parse(localStorage.getItem(columnStorageKey('seizures'))!)).toEqual({ route: true });
    cleanup();
    // A new table on the same device opens with the choice.
    table();
    expect(headers()).toContain('Route');
    expect(headers()).not.toContain('Transport');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Transport' }));
    expect(headers()).toContain('Transport');
    expect(screen.getByText('Sea')).toBeTruthy();
  });

  it('falls back to the defaults when the stored choice is damaged', () => {
    localStorage.setItem(columnStorageKey('seizures'), '{not json');
    table();
    expect(headers()).not.toContain('Route');
    expect((screen.getByRole('checkbox', { name: 'Route' }) as HTMLInputElement).checked).toBe(false);
  });

  it('gives a listed taxon its CITES appendix and writes the route by role', () => {
    expect(citesHint('Manis javanica')).toBe('App. I');
    expect(citesHint('Nonexistus fakeus')).toBe('');
    expect(routeText({ originCountries: ['NG'], exportCountries: [], transitCountries: ['MY', 'SG'], missedTransitCountries: ['MY'], destinationCountries: ['VN'] })).toBe('NG → MY (missed) → SG → VN');
  });
});

describe('the place cell', () => {
  it('shows a place that is the country’s name once, not "Kenya / Kenya"', () => {
    const kenya: Seizure = { ...pangolin, id: '33333333-3333-4333-8333-333333333333', country: 'KE', place: 'Kenya' };
    const mombasa: Seizure = { ...pangolin, id: '44444444-4444-4444-8444-444444444444', country: 'KE', place: 'Mombasa' };
    const { container } = render(<SeizureTable seizures={[kenya, mombasa]} sort={{ key: 'date', dir: 'desc' }} onSort={() => {}} selected={null} onSelect={() => {}} readOnly onEdit={() => {}} onDelete={() => {}} />);
    const cells = [...container.querySelectorAll('td.col-place')].map((td) => [...td.querySelectorAll('span')].map((s) => s.textContent));
    expect(cells).toEqual([['Kenya', 'not mapped'], ['Mombasa', 'Kenya · not mapped']]);
  });
});
