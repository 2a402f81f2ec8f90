/**
 * The seizure table's order (renderer/src/case/seizure-sort.ts, issue 11 item 6): the value sort
 * uses the USD equivalents (never the raw numbers, which are in different currencies), and the
 * quantity sort compares quantities in their dimension's common unit (t, kg and g as kg; l and m³
 * as m³), never across dimensions, with pieces and head after mass and volume.
 */
import { describe, expect, it } from 'vitest';
import { newSeizureFields, type Seizure } from '../../../shared/domain/seizure';
import { reportedUsdById, sortSeizures } from '../../../renderer/src/case/seizure-sort';

const seizure = (id: string, f: Partial<Seizure>): Seizure => ({
  ...newSeizureFields('2019-04-08'),
  country: 'SG',
  commodity: `c-${id}`,
  ...f,
  id,
  createdBy: 'm',
  createdAt: 0,
  updatedBy: 'm',
  updatedAt: 0,
});

describe('sortSeizures', () => {
  // Reported values in three currencies with USD equivalents of the order valuation.case returns
  // for them (no rate for XAU): the raw numbers and the USD amounts order them differently.
  const list = [
    seizure('kes', { reportedValue: 1_000_000, reportedCurrency: 'KES' }),
    seizure('usd', { reportedValue: 10_000, reportedCurrency: 'USD' }),
    seizure('sgd', { reportedValue: 38_700_000, reportedCurrency: 'SGD' }),
    seizure('norate', { reportedValue: 5, reportedCurrency: 'XAU' }),
    seizure('none', {}),
  ];
  const usd = new Map([
    ['kes', 9852.4],
    ['usd', 10_000],
    ['sgd', 28_461_000],
  ]);
  const usdOf = (id: string): number | null => usd.get(id) ?? null;
  const ids = (xs: Seizure[]): string[] => xs.map((s) => s.id);

  it('sorts by the USD equivalent, not the raw number; unconverted and missing values last both ways', () => {
    expect(ids(sortSeizures(list, { key: 'value', dir: 'asc' }, usdOf))).toEqual(['kes', 'usd', 'sgd', 'none', 'norate']);
    expect(ids(sortSeizures(list, { key: 'value', dir: 'desc' }, usdOf))).toEqual(['sgd', 'usd', 'kes', 'none', 'norate']);
    // The raw numbers would have put 1,000,000 KES above 10,000 USD.
    expect(ids(sortSeizures(list, { key: 'value', dir: 'desc' }, usdOf)).indexOf('usd')).toBeLessThan(ids(sortSeizures(list, { key: 'value', dir: 'desc' }, usdOf)).indexOf('kes'));
  });

  it('sorts quantities in kg and m³ within their dimension, counts after, no quantity last', () => {
    const q = [
      seizure('half-t', { quantity: 0.5, unit: 't' }),
      seizure('900kg', { quantity: 900, unit: 'kg' }),
      seizure('3000g', { quantity: 3000, unit: 'g' }),
      seizure('2500l', { quantity: 2500, unit: 'l' }),
      seizure('2m3', { quantity: 2, unit: 'm3' }),
      seizure('12pc', { quantity: 12, unit: 'pieces' }),
      seizure('4000pc', { quantity: 4000, unit: 'pieces' }),
      seizure('3head', { quantity: 3, unit: 'head' }),
      seizure('none', {}),
    ];
    expect(ids(sortSeizures(q, { key: 'quantity', dir: 'asc' }))).toEqual(['3000g', 'half-t', '900kg', '2m3', '2500l', '12pc', '4000pc', '3head', 'none']);
    expect(ids(sortSeizures(q, { key: 'quantity', dir: 'desc' }))).toEqual(['900kg', 'half-t', '3000g', '2500l', '2m3', '4000pc', '12pc', '3head', 'none']);
  });

  it('breaks ties by date then id', () => {
    const t = [seizure('b', { seizureDate: '2019-04-08' }), seizure('a', { seizureDate: '2019-04-08' }), seizure('c', { seizureDate: '2019-01-01' })];
    expect(ids(sortSeizures(t, { key: 'value', dir: 'desc' }))).toEqual(['c', 'a', 'b']);
  });
});

describe('reportedUsdById', () => {
  it('keeps the converted reported values of valuation.case rows, and only those', () => {
    const conv = (low: number) => ({ range: { low } });
    expect([...reportedUsdById([{ seizureId: 'a', reported: { usd: conv(9852.4) } }, { seizureId: 'b', reported: { usd: null } }, { seizureId: 'c', reported: null }])]).toEqual([['a', 9852.4]]);
  });
});
