/** The curated commodity list and the merged catalogue: listed, workspace and unlisted commodities, suggestions, claims. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../shared/csv/read-csv';
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

describe('the sample seizure file against the curated list', () => {
  // resources/demo/seizures-public.csv: the public, cited seizures the demo and the testers import.
  const records = readCsv(fs.readFileSync(path.join(__dirname, '../../../resources/demo/seizures-public.csv'), 'utf8')).records;
  const col = records[0]!.cells.indexOf('commodity');
  const names = records.slice(1).map((r) => r.cells[col]!);

  it('knows its ivory rows: elephant ivory is raw ivory, cut and carved is worked', () => {
    expect(CURATED_CATALOGUE.check('elephant ivory')).toMatchObject({ status: 'listed', entry: { name: 'Ivory, raw (tusks)' } });
    expect(CURATED_CATALOGUE.check('Elephant ivory (tusks)')).toMatchObject({ status: 'listed', entry: { name: 'Ivory, raw (tusks)' } });
    expect(CURATED_CATALOGUE.check('elephant ivory (cut and carved)')).toMatchObject({ status: 'listed', entry: { name: 'Ivory, worked (carvings)' } });
    expect(names.filter((n) => n.toLowerCase().includes('ivory')).length).toBeGreaterThanOrEqual(9);
    for (const n of names.filter((x) => x.toLowerCase().includes('ivory'))) expect(CURATED_CATALOGUE.check(n).status).toBe('listed');
  });

  it('lists every commodity written in three or more rows', () => {
    const counts = new Map<string, number>();
    for (const n of names) counts.set(commodityKey(n), (counts.get(commodityKey(n)) ?? 0) + 1);
    const frequent = [...counts].filter(([, c]) => c >= 3).map(([n]) => n);
    expect(frequent).toEqual(expect.arrayContaining(['pangolin scales', 'elephant ivory (tusks)', 'rosewood logs', 'elephant ivory']));
    expect(frequent.filter((n) => CURATED_CATALOGUE.check(n).status !== 'listed')).toEqual([]);
  });

  it('knows the plain names of single rows too (shark fins, sea cucumber, HFC refrigerants …)', () => {
    for (const n of ['dried shark fins', 'sea cucumber', 'hfc refrigerants', 'contaminated plastic waste', 'red sandalwood logs', 'live cockatoos', 'abalone (perlemoen)', 'gold from illegal mining']) {
      expect(CURATED_CATALOGUE.check(n).status, n).toBe('listed');
    }
  });
});
