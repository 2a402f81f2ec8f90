/**
 * The complete seizure model (issue 11.6): the new fields' validation, the nullable unit and
 * location precision, exact conversions to a common unit and refusal across dimensions.
 */
import { describe, expect, it } from 'vitest';
import { newSeizureFields, seizureFieldSchemas, seizureFieldsSchema, type SeizureFields } from '../../../shared/domain/seizure';
import { toCommonUnit } from '../../../shared/domain/seizure-quantity';
import { convertQuantity } from '../../../shared/valuation/units';

const base: SeizureFields = { ...newSeizureFields('2024-03-01'), country: 'KE', commodity: 'Rhino horn' };
const issues = (f: SeizureFields) => {
  const r = seizureFieldsSchema.safeParse(f);
  return r.success ? [] : r.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`);
};

describe('new fields', () => {
  it('a new seizure states nothing it was not told', () => {
    expect(newSeizureFields('2024-03-01')).toMatchObject({ unit: null, locationPrecision: null, transportMode: null, detectionMethod: null, concealmentMethod: null, exportCountries: [], missedTransitCountries: [] });
    expect(issues(base)).toEqual([]);
  });
  it('accepts the vocabularies and refuses other codes', () => {
    expect(issues({ ...base, transportMode: 'post', detectionMethod: 'sniffer-dog', concealmentMethod: 'false-compartment' })).toEqual([]);
    expect(seizureFieldSchemas.transportMode.safeParse('boat').success).toBe(false);
    expect(seizureFieldSchemas.detectionMethod.safeParse('x-ray').success).toBe(false);
    expect(seizureFieldSchemas.concealmentMethod.safeParse('').success).toBe(false);
  });
  it('export countries are ISO codes without repeats', () => {
    expect(seizureFieldSchemas.exportCountries.safeParse(['MZ', 'TZ']).success).toBe(true);
    expect(seizureFieldSchemas.exportCountries.safeParse(['MZ', 'MZ']).success).toBe(false);
    expect(seizureFieldSchemas.exportCountries.safeParse(['XX']).success).toBe(false);
  });
  it('a missed opportunity is marked on a transit country only', () => {
    expect(issues({ ...base, transitCountries: ['ET', 'AE'], missedTransitCountries: ['AE'] })).toEqual([]);
    expect(issues({ ...base, transitCountries: ['ET'], missedTransitCountries: ['AE'] })).toEqual(['missedTransitCountries: marks AE as a missed opportunity, but the route does not transit there']);
  });
  it('a quantity needs its unit; no quantity needs none', () => {
    expect(issues({ ...base, quantity: 12, unit: null })).toEqual(['unit: is required when a quantity is reported']);
    expect(issues({ ...base, quantity: 12, unit: 'kg' })).toEqual([]);
    expect(issues({ ...base, quantity: null, unit: null, locationPrecision: null })).toEqual([]);
  });
});

describe('conversions to a common unit', () => {
  it('mass to kg and volume to m3 by exact powers of ten', () => {
    expect(toCommonUnit(8.8, 't')).toEqual({ value: 8800, unit: 'kg', dimension: 'mass' });
    expect(toCommonUnit(1250, 'g')).toEqual({ value: 1.25, unit: 'kg', dimension: 'mass' });
    expect(toCommonUnit(1.1, 't')!.value).toBe(1100);
    expect(toCommonUnit(2500, 'l')).toEqual({ value: 2.5, unit: 'm3', dimension: 'volume' });
    expect(toCommonUnit(0.3, 'l')!.value).toBe(0.0003);
  });
  it('counts stay as they are; nothing without a quantity or unit', () => {
    expect(toCommonUnit(12, 'head')).toEqual({ value: 12, unit: 'head', dimension: 'count:head' });
    expect(toCommonUnit(359, 'pieces')).toEqual({ value: 359, unit: 'pieces', dimension: 'count:pieces' });
    expect(toCommonUnit(null, 'kg')).toBeNull();
    expect(toCommonUnit(3, null)).toBeNull();
  });
  it('never converts across dimensions or between counts', () => {
    expect(() => convertQuantity(1, 'kg', 'm3')).toThrow(/cannot be converted/);
    expect(() => convertQuantity(1, 'l', 'kg')).toThrow(/cannot be converted/);
    expect(() => convertQuantity(1, 'head', 'pieces')).toThrow(/different counts never convert/);
  });
});
