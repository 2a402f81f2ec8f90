/** Context figures: the published UNEP-INTERPOL numbers, with sources, consistent with their totals. */
import { describe, expect, it } from 'vitest';
import { CONTEXT_DISCLAIMER, CONTEXT_FIGURES, UNEP_INTERPOL_2016, WORLD_ATLAS_2018_TOTAL, contextForSector } from '../../../shared/valuation/context';

describe('context figures', () => {
  it('are the published 2016 sector ranges (USD bn a year) and totals', () => {
    const bn = (id: string) => {
      const f = CONTEXT_FIGURES.find((x) => x.id === id)!;
      return [f.perYear.low / 1e9, f.perYear.high / 1e9, f.perYear.currency];
    };
    expect(bn('rec2016-forestry')).toEqual([50.7, 152, 'USD']);
    expect(bn('rec2016-fisheries')).toEqual([11, 23.5, 'USD']);
    expect(bn('rec2016-mining')).toEqual([12, 48, 'USD']);
    expect(bn('rec2016-waste')).toEqual([10, 12, 'USD']);
    expect(bn('rec2016-wildlife')).toEqual([7, 23, 'USD']);
    expect(bn('rec2016-total')).toEqual([91, 258, 'USD']);
    expect(bn('atlas2018-total')).toEqual([110, 281, 'USD']);
  });
  it('the 2016 sectors add up to the published total within its rounding (90.7 ≈ 91, 258.5 ≈ 258)', () => {
    const sectors = UNEP_INTERPOL_2016.filter((f) => f.sector !== null);
    const low = sectors.reduce((a, f) => a + f.perYear.low, 0) / 1e9;
    const high = sectors.reduce((a, f) => a + f.perYear.high, 0) / 1e9;
    expect(Math.round(low)).toBe(91);
    expect(Math.abs(high - 258)).toBeLessThanOrEqual(0.5);
  });
  it('every figure carries its citation, verification status and the disclaimer', () => {
    for (const f of CONTEXT_FIGURES) {
      expect(f.citation.title.length).toBeGreaterThan(10);
      expect(f.citation.authors).toMatch(/Nellemann/);
      expect(['verified', 'to-verify']).toContain(f.verification.status);
      expect(f.disclaimer).toBe(CONTEXT_DISCLAIMER);
    }
    expect(WORLD_ATLAS_2018_TOTAL.verification.status).toBe('to-verify');
  });
  it('maps to NEST Desk sectors (none for ODS)', () => {
    expect(contextForSector('wildlife').map((f) => f.display)).toEqual(['7–23 USD bn a year']);
    expect(contextForSector('ods')).toEqual([]);
  });
});
