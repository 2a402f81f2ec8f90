/** The curated commodity list and the merged catalogue: listed, workspace and unlisted commodities, suggestions, claims. */
import { describe, expect, it } from 'vitest';
import { COMMODITIES, CURATED_CATALOGUE, commodityCatalogue, commodityKey, type WorkspaceCommodityEntry } from '../../../shared/domain/commodities';

const SEAHORSES: WorkspaceCommodityEntry = { id: 'w-1', name: 'Dried seahorses', sector: 'wildlife', unit: 'kg', citesTerm: 'BOD', aliases: ['hippocampus, dried', 'sea horses'] };
const CHARCOAL_BAGS: WorkspaceCommodityEntry = { id: 'w-2', name: 'Charcoal bags', sector: 'forestry', unit: 'pieces', aliases: [] };

describe('commodity list', () => {
  it('covers the sectors with the named commodities', () => {
    for (const name of ['Ivory, raw (tusks)', 'Ivory, worked (carvings)', 'Pangolin scales', 'Rhino horn', 'Live birds', 'Timber, logs', 'Timber, sawn', 'Rosewood', 'Shark fin', 'Gold', 'Mercury', 'E-waste']) {
      expect(COMMODITIES.some((c) => c.name === name)).toBe(true);
    }
    expect(new Set(COMMODITIES.map((c) => c.sector))).toEqual(new Set(['wildlife', 'forestry', 'fisheries', 'mining', 'waste', 'ods']));
  });

  it('gives every curated name and alias to one entry only', () => {
    const keys = COMMODITIES.flatMap((c) => [c.name, ...(c.aliases ?? [])]).map(commodityKey);
    expect(keys.length).toBe(new Set(keys).size);
  });

  it('matches ignoring case, spacing and Unicode width (NFKC)', () => {
    expect(commodityKey('  Pangolin   SCALES ')).toBe('pangolin scales');
    expect(commodityKey('ＲＨＩＮＯ horn')).toBe('rhino horn');
    expect(CURATED_CATALOGUE.check('ＲＨＩＮＯ　HORN')).toMatchObject({ status: 'listed', entry: { name: 'Rhino horn', citesTerm: 'HOR' } });
  });

  it('recognises names and aliases in any case; keeps and flags anything else', () => {
    expect(CURATED_CATALOGUE.check('pangolin SCALES')).toMatchObject({ status: 'listed', entry: { name: 'Pangolin scales', citesTerm: 'SCA', unit: 'kg' } });
    expect(CURATED_CATALOGUE.check('raw ivory')).toMatchObject({ status: 'listed', entry: { name: 'Ivory, raw (tusks)' } });
    expect(CURATED_CATALOGUE.check('CFC')).toMatchObject({ status: 'listed', entry: { sector: 'ods' } });
    expect(CURATED_CATALOGUE.check('dried seahorses')).toEqual({ status: 'unlisted' });
    expect(CURATED_CATALOGUE.check(' ')).toEqual({ status: 'empty' });
  });
});

describe('commodityCatalogue (curated list + the workspace’s own)', () => {
  const cat = commodityCatalogue([SEAHORSES, CHARCOAL_BAGS]);

  it('knows the workspace’s names and aliases, and still the curated ones first', () => {
    expect(cat.check('dried  SEAHORSES')).toEqual({ status: 'workspace', entry: SEAHORSES });
    expect(cat.check('Sea horses')).toEqual({ status: 'workspace', entry: SEAHORSES });
    expect(cat.check('tusks')).toMatchObject({ status: 'listed', entry: { name: 'Ivory, raw (tusks)' } });
    expect(cat.check('dried sea cucumber')).toEqual({ status: 'unlisted' });
  });

  it('suggests the curated names then the workspace’s own', () => {
    const names = cat.names();
    expect(names.length).toBe(COMMODITIES.length + 2);
    expect(names.slice(-2)).toEqual(['Dried seahorses', 'Charcoal bags']);
    expect(CURATED_CATALOGUE.names()).toEqual(COMMODITIES.map((c) => c.name));
  });

  it('says who holds a name: curated first, then a workspace entry other than the one being edited', () => {
    expect(cat.claim('Rhino Horns')).toMatchObject({ by: 'curated', entry: { name: 'Rhino horn' } });
    expect(cat.claim('SEA HORSES')).toEqual({ by: 'workspace', entry: SEAHORSES });
    expect(cat.claim('sea horses', 'w-1')).toBeNull();
    expect(cat.claim('dried sea cucumber')).toBeNull();
    expect(cat.claim('  ')).toBeNull();
  });

  it('never lets a workspace entry redefine a curated name', () => {
    const sneaky: WorkspaceCommodityEntry = { id: 'w-3', name: 'Tusks', sector: 'other', unit: 'pieces', aliases: ['mammoth tusks'] };
    const c = commodityCatalogue([sneaky]);
    expect(c.check('tusks')).toMatchObject({ status: 'listed', entry: { sector: 'wildlife' } });
    expect(c.check('mammoth tusks')).toEqual({ status: 'workspace', entry: sneaky });
    expect(c.names()).not.toContain('Tusks');
  });
});
