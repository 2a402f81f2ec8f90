/**
 * Every export of a case carries its TLP marking in the file name, by one rule (markedFileName):
 * seizure exports, STIX bundles, packs and the map PNG alike.
 */
import { describe, expect, it } from 'vitest';
import { markedFileName, packFileName } from '../../../shared/packs/handling';

describe('markedFileName', () => {
  it('names the map PNG of a TLP:AMBER case with its marking', () => {
    expect(markedFileName('TST-2026-0001', 'map', 'AMBER', 'png')).toBe('TST-2026-0001-map-TLP-AMBER.png');
  });
  it("writes AMBER+STRICT's '+' as '-' and replaces unsafe characters of the number", () => {
    expect(markedFileName('NEST 2026/0001', 'seizures', 'AMBER+STRICT', 'csv')).toBe('NEST_2026_0001-seizures-TLP-AMBER-STRICT.csv');
  });
  it('is the rule packs are named by', () => {
    expect(packFileName('NEST-2026-0001', 'RED')).toBe(markedFileName('NEST-2026-0001', 'pack', 'RED', 'zip'));
    expect(packFileName('NEST-2026-0001', 'RED')).toBe('NEST-2026-0001-pack-TLP-RED.zip');
  });
});
