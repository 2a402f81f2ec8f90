/** formatQuantity: every unit with its catalogue plural ("1 piece", not "1 pieces"). */
import { describe, expect, it } from 'vitest';
import { formatQuantity } from '../../../renderer/src/format/numbers';

describe('formatQuantity', () => {
  it('counts pieces and containers in the singular and the plural', () => {
    expect(formatQuantity(1, 'pieces')).toBe('1 piece');
    expect(formatQuantity(300, 'pieces')).toBe('300 pieces');
    expect(formatQuantity(1250, 'pieces')).toBe('1,250 pieces');
    expect(formatQuantity(1, 'containers')).toBe('1 container');
    expect(formatQuantity(2, 'containers')).toBe('2 containers');
  });
  it('keeps invariable units and symbols as they are', () => {
    expect(formatQuantity(1, 'head')).toBe('1 head');
    expect(formatQuantity(14, 'head')).toBe('14 head');
    expect(formatQuantity(11.9, 't')).toBe('11.9 t');
    expect(formatQuantity(1, 'kg')).toBe('1 kg');
    expect(formatQuantity(2.5, 'm3')).toBe('2.5 m³');
  });
  it('shows a quantity without unit as the bare number and an unknown one as a dash', () => {
    expect(formatQuantity(1.5, null)).toBe('1.5');
    expect(formatQuantity(null, 'kg')).toBe('—');
  });
});
