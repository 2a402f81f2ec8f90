/** Units: exact power-of-ten factors, exact round trips of decimal quantities, no conversion across dimensions. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { QUANTITY_UNITS, type QuantityUnit } from '../../../shared/domain/codes';
import { canConvert, conversionFactor, convertQuantity, dimensionOf } from '../../../shared/valuation/units';
import { NestError } from '../../../shared/errors';
import { relClose } from './fixtures';

const MASS: QuantityUnit[] = ['g', 'kg', 't'];
const VOLUME: QuantityUnit[] = ['l', 'm3'];
const pair = (units: QuantityUnit[]) => fc.tuple(fc.constantFrom(...units), fc.constantFrom(...units));
const convertiblePair = fc.oneof(pair(MASS), pair(VOLUME), fc.constantFrom(...(['pieces', 'head', 'containers'] as QuantityUnit[])).map((u) => [u, u] as [QuantityUnit, QuantityUnit]));
/** A decimal written with 1–15 significant digits, e.g. 8.8, 17137.44, 0.000125. */
const decimal15 = fc
  .tuple(fc.integer({ min: 1, max: 15 }), fc.integer({ min: -12, max: 12 }))
  .chain(([digits, exp]) => fc.tuple(fc.bigInt({ min: 1n, max: 10n ** BigInt(digits) - 1n }), fc.constant(exp)))
  .map(([m, exp]) => Number(`${m}e${exp}`));

describe('unit factors', () => {
  it('are exact: 1 t = 1000 kg = 1,000,000 g; 1 m3 = 1000 l', () => {
    expect(conversionFactor('t', 'kg')).toBe(1000);
    expect(conversionFactor('kg', 'g')).toBe(1000);
    expect(conversionFactor('t', 'g')).toBe(1_000_000);
    expect(conversionFactor('g', 't')).toBe(1e-6);
    expect(conversionFactor('m3', 'l')).toBe(1000);
    expect(convertQuantity(8.8, 't', 'kg')).toBe(8800);
    expect(convertQuantity(1.1, 't', 'kg')).toBe(1100);
    expect(convertQuantity(17137.44, 'kg', 't')).toBe(17.13744);
    expect(convertQuantity(131100, 'm3', 'l')).toBe(131_100_000);
  });
  it('are refused across dimensions and between different counts, with a NestError', () => {
    expect(() => convertQuantity(6, 'containers', 'm3')).toThrow(NestError);
    expect(() => convertQuantity(6, 'containers', 'm3')).toThrow(/containers \(a count\) cannot be converted to m3 \(a volume\)/);
    expect(() => convertQuantity(1, 'pieces', 'head')).toThrow(/different counts never convert/);
    expect(() => convertQuantity(1, 'kg', 'l')).toThrow(/a mass.*a volume/);
    expect(canConvert('kg', 't')).toBe(true);
    expect(canConvert('head', 'head')).toBe(true);
    expect(canConvert('pieces', 'containers')).toBe(false);
    expect(dimensionOf('m3')).toBe('volume');
  });
});

describe('unit round trips (property)', () => {
  it('any quantity written with up to 15 significant digits converts and converts back unchanged', () => {
    fc.assert(fc.property(decimal15, convertiblePair, (x, [a, b]) => convertQuantity(convertQuantity(x, a, b), b, a) === x), { numRuns: 1000 });
  });
  it('any finite double round-trips within 4 units in the last place', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-200, max: 1e200, noNaN: true }), convertiblePair, (x, [a, b]) => relClose(convertQuantity(convertQuantity(x, a, b), b, a), x, 4 * Number.EPSILON)),
      { numRuns: 1000 },
    );
  });
  it('conversion through an intermediate unit equals the direct conversion', () => {
    fc.assert(
      fc.property(decimal15, fc.tuple(fc.constantFrom(...MASS), fc.constantFrom(...MASS), fc.constantFrom(...MASS)), (x, [a, b, c]) =>
        relClose(convertQuantity(convertQuantity(x, a, b), b, c), convertQuantity(x, a, c), 2 * Number.EPSILON),
      ),
      { numRuns: 500 },
    );
  });
  it('every unit of the domain list has a dimension', () => {
    for (const u of QUANTITY_UNITS) expect(dimensionOf(u)).toBeTruthy();
  });
});
