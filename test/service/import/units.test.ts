/** Units and quantities with units: synonyms in five languages, metric-only tonnes, refusals with reasons. */
import { describe, expect, it } from 'vitest';
import { parseQuantity, splitQuantity } from '../../../service/import/quantity';
import { isUnit, parseUnit } from '../../../service/import/units';

const unit = (raw: string) => {
  const r = parseUnit(raw);
  return r.ok ? r.value : r.reason;
};
const qty = (raw: string, mark: '.' | ',' = '.') => {
  const r = parseQuantity(raw, mark);
  return r.ok ? r.value : r.reason;
};

describe('parseUnit', () => {
  it.each([
    ['t', 't'], ['T', 't'], ['tonne', 't'], ['tonnes', 't'], ['metric tons', 't'], ['MT', 't'], ['Tonnen', 't'], ['toneladas', 't'],
    ['kg', 'kg'], ['KGS', 'kg'], ['kilograms', 'kg'], ['Kilogramm', 'kg'], ['g', 'g'], ['grams', 'g'],
    ['l', 'l'], ['L', 'l'], ['litres', 'l'], ['liters', 'l'], ['Liter', 'l'],
    ['m3', 'm3'], ['m³', 'm3'], ['M³', 'm3'], ['cbm', 'm3'], ['cubic metres', 'm3'], ['Kubikmeter', 'm3'], ['mètres cubes', 'm3'],
    ['pieces', 'pieces'], ['pcs', 'pieces'], ['pc.', 'pieces'], ['items', 'pieces'], ['Stück', 'pieces'], ['piezas', 'pieces'],
    ['head', 'head'], ['animals', 'head'], ['containers', 'containers'], ['container', 'containers'], ['cntr', 'containers'],
  ])('%s → %s', (raw, want) => expect(unit(raw)).toBe(want));

  it('refuses ambiguous, non-metric and unknown units with a clear reason', () => {
    expect(unit('tons')).toBe("'tons' may be short tons (907 kg) or long tons (1,016 kg); write t or tonnes for metric tonnes");
    expect(unit('ton')).toMatch(/short ton/);
    expect(unit('TEU')).toBe('TEU counts twenty-foot equivalents, not containers (a 40-ft container is 2 TEU); give the number of containers');
    expect(unit('lbs')).toBe('pounds are not a supported unit; convert to kg');
    expect(unit('furlongs')).toBe("unknown unit 'furlongs' (use one of g, kg, t, l, m3, pieces, head, containers)");
    expect(unit(' ')).toBe('is empty');
    expect(isUnit('furlongs')).toBe(false);
    expect(isUnit('Stk')).toBe(true);
  });
});

describe('parseQuantity', () => {
  it('reads a number with the unit in the same cell', () => {
    expect(qty('8.8 t')).toEqual({ quantity: 8.8, unit: 't' });
    expect(qty('26 tonnes')).toEqual({ quantity: 26, unit: 't' });
    expect(qty('359 pcs')).toEqual({ quantity: 359, unit: 'pieces' });
    expect(qty('12.5 m³')).toEqual({ quantity: 12.5, unit: 'm3' });
    expect(qty('12.5m3')).toEqual({ quantity: 12.5, unit: 'm3' });
    expect(qty('2,000 kg')).toEqual({ quantity: 2000, unit: 'kg' });
    expect(qty('3 500 kg')).toEqual({ quantity: 3500, unit: 'kg' });
    expect(qty('1.200,5 kg')).toEqual({ quantity: 1200.5, unit: 'kg' });
    expect(qty('8,8 t', ',')).toEqual({ quantity: 8.8, unit: 't' });
    expect(qty('22 head')).toEqual({ quantity: 22, unit: 'head' });
  });
  it('reads a bare number with no unit', () => expect(qty('7,200')).toEqual({ quantity: 7200, unit: null }));
  it('refuses unknown units and text', () => {
    expect(qty('3 furlongs')).toBe("unknown unit 'furlongs' (use one of g, kg, t, l, m3, pieces, head, containers)");
    expect(qty('about ten')).toBe("'about ten' is not a quantity");
    expect(splitQuantity('kg 500')).toBeNull();
  });
});
