/** The bundled species list: look-up by name, subspecies and genus, autocomplete, unknown taxa flagged. */
import { describe, expect, it } from 'vitest';
import { SPECIES, SPECIES_SOURCE, SPECIES_VALID_FROM, appendixConflict, listedAppendixText, lookupTaxon, normaliseTaxon, suggestTaxa } from '../../../shared/domain/species';

describe('species list', () => {
  it('ships a few hundred distinct taxa with an appendix each and cites its source', () => {
    expect(SPECIES.length).toBeGreaterThanOrEqual(250);
    expect(new Set(SPECIES.map((s) => s.name)).size).toBe(SPECIES.length);
    expect(SPECIES.every((s) => ['I', 'II', 'III'].includes(s.appendix))).toBe(true);
    expect(SPECIES_SOURCE.source).toMatch(/CITES Appendices/);
    expect(SPECIES_SOURCE.compiled).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('finds a species by its scientific name in any case and spacing', () => {
    const r = lookupTaxon('  manis   JAVANICA ');
    expect(r).toMatchObject({ status: 'listed', matchedBy: 'name', entry: { name: 'Manis javanica', appendix: 'I', common: 'Sunda pangolin' } });
    expect(lookupTaxon('Pterocarpus erinaceus')).toMatchObject({ status: 'listed', entry: { appendix: 'II' } });
    expect(lookupTaxon('Odobenus rosmarus')).toMatchObject({ status: 'listed', entry: { appendix: 'III' } });
  });

  it('matches a subspecies to its species and a species of a listed genus to the genus', () => {
    expect(lookupTaxon('Ceratotherium simum simum')).toMatchObject({ status: 'listed', matchedBy: 'name', entry: { name: 'Ceratotherium simum', split: true } });
    expect(lookupTaxon('Dalbergia louvelii')).toMatchObject({ status: 'listed', matchedBy: 'genus', entry: { name: 'Dalbergia spp.', appendix: 'II' } });
    expect(lookupTaxon('Dalbergia sp')).toMatchObject({ status: 'listed', matchedBy: 'name', entry: { name: 'Dalbergia spp.' } });
    expect(lookupTaxon('Dalbergia nigra')).toMatchObject({ entry: { appendix: 'I' } });
  });

  it('flags what it does not know and says nothing for an empty taxon', () => {
    expect(lookupTaxon('Homo sapiens')).toEqual({ status: 'unknown' });
    expect(lookupTaxon('Elfenbein')).toEqual({ status: 'unknown' });
    expect(lookupTaxon('   ')).toEqual({ status: 'empty' });
  });

  it('normalises sp./spp./species to spp.', () => {
    expect(normaliseTaxon('Aloe  species')).toBe('aloe spp.');
    expect(normaliseTaxon('Aloe sp.')).toBe('aloe spp.');
  });

  it('suggests names by prefix first, then by common-name word', () => {
    expect(suggestTaxa('p')).toEqual([]);
    const manis = suggestTaxa('Manis');
    expect(manis.map((s) => s.name)).toEqual(['Manis crassicaudata', 'Manis culionensis', 'Manis javanica', 'Manis pentadactyla']);
    const pango = suggestTaxa('pangolin').map((s) => s.name);
    expect(pango).toContain('Smutsia temminckii');
    expect(pango).toContain('Manidae spp.');
    expect(suggestTaxa('rosew', 50).map((s) => s.name)).toContain('Dalbergia spp.');
  });
});

describe('species list: the appendix of a record (tester s28 B6)', () => {
  it('says the list’s appendix with its source, a genus listing and a split listing as such; null for an unknown taxon', () => {
    expect(SPECIES_VALID_FROM).toBe('25 November 2023');
    expect(listedAppendixText('carcharhinus  longimanus')).toBe('Appendix II per the bundled species list (CITES appendices valid from 25 November 2023)');
    expect(listedAppendixText('Ceratotherium simum simum')).toMatch(/^Appendix I or another, depending on the population: Ceratotherium simum is a split listing/);
    expect(listedAppendixText('Dalbergia louvelii')).toMatch(/^Appendix II under the listing of Dalbergia spp\. per the bundled species list/);
    expect(listedAppendixText('Manis javanicaa')).toBeNull();
    expect(listedAppendixText('  ')).toBeNull();
  });

  it('finds a contradiction only for a taxon listed by its own name and not split', () => {
    expect(appendixConflict('Carcharhinus longimanus', 'I')).toMatchObject({ name: 'Carcharhinus longimanus', appendix: 'II' });
    expect(appendixConflict('Carcharhinus longimanus', 'II')).toBeNull();
    expect(appendixConflict('Carcharhinus longimanus', null)).toBeNull();
    expect(appendixConflict('Loxodonta africana', 'II')).toBeNull();
    expect(appendixConflict('Dalbergia nigra', 'II')).toMatchObject({ appendix: 'I' });
    expect(appendixConflict('Dalbergia louvelii', 'I')).toBeNull();
    expect(appendixConflict('Manis javanicaa', 'III')).toBeNull();
  });
});
