/** The curated commodity list: listed, workspace and unlisted commodities, suggestions. */
import { describe, expect, it } from 'vitest';
import { COMMODITIES, checkCommodity, commodityNames } from '../../../shared/domain/commodities';

describe('commodity list', () => {
  it('covers the sectors with the named commodities', () => {
    for (const name of ['Ivory, raw (tusks)', 'Ivory, worked (carvings)', 'Pangolin scales', 'Rhino horn', 'Live birds', 'Timber, logs', 'Timber, sawn', 'Rosewood', 'Shark fin', 'Gold', 'Mercury', 'E-waste']) {
      expect(COMMODITIES.some((c) => c.name === name)).toBe(true);
    }
    expect(new Set(COMMODITIES.map((c) => c.sector))).toEqual(new Set(['wildlife', 'forestry', 'fisheries', 'mining', 'waste', 'ods']));
  });

  it('recognises names and aliases in any case; keeps and flags anything else', () => {
    expect(checkCommodity('pangolin SCALES')).toMatchObject({ status: 'listed', entry: { name: 'Pangolin scales', citesTerm: 'SCA', unit: 'kg' } });
    expect(checkCommodity('raw ivory')).toMatchObject({ status: 'listed', entry: { name: 'Ivory, raw (tusks)' } });
    expect(checkCommodity('CFC')).toMatchObject({ status: 'listed', entry: { sector: 'ods' } });
    expect(checkCommodity('dried seahorses')).toEqual({ status: 'unlisted' });
    expect(checkCommodity('dried seahorses', ['Dried  Seahorses'])).toEqual({ status: 'workspace' });
    expect(checkCommodity(' ')).toEqual({ status: 'empty' });
  });

  it("suggests the curated names then the workspace's own, without duplicates", () => {
    const names = commodityNames(['Dried seahorses', 'rhino horn', '']);
    expect(names.length).toBe(COMMODITIES.length + 1);
    expect(names.at(-1)).toBe('Dried seahorses');
  });
});
