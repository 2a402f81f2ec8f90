/**
 * The importer's taxon check against the bundled species list (tester s28 B6): an unknown taxon is
 * named in the report with the fix; listed taxa without a declared appendix are named with the
 * appendix the list gives (a split listing said to be checked), and the seizures keep no appendix;
 * a declared appendix the list contradicts is kept, reported and stored as a review flag; a
 * stopped import counts only the rows it wrote.
 */
import { describe, expect, it } from 'vitest';
import { parseImportFile } from '../../../service/import';
import { reportStopped } from '../../../service/import/running-imports';
import { reviewFlagSentence } from '../../../shared/domain/review-flag-text';
import { stampReviewFlags } from '../../../shared/domain/seizure';
import { utf8 } from './fixtures';

const CSV = [
  'date,country,commodity,taxon,cites_appendix,quantity,unit',
  '2024-03-01,KE,ivory,Loxodonta africana,,12,kg',
  '2024-03-02,FJ,turtle shell,Eretmochelys imbricata,,3,kg',
  '2024-03-03,SG,shark fins,Carcharhinus longimanus,,40,kg',
  '2024-03-04,SG,shark fins,carcharhinus  LONGIMANUS,,10,kg',
  '2024-03-05,VN,scales,Manis javanicaa,,5,kg',
  '2024-03-06,VN,rosewood,Dalbergia louvelii,,50,kg',
  '2024-03-07,SG,shark fins,Carcharhinus longimanus,I,8,kg',
  '2024-03-08,KE,ivory,Loxodonta africana,II,4,kg',
  '2024-03-09,VN,scales,Manis javanica,I,5,kg',
].join('\n');

describe('import: taxa against the bundled species list', () => {
  const parsed = parseImportFile({ fileName: 'taxa.csv', bytes: utf8(`${CSV}\n`), defaults: { sector: 'wildlife' } });

  it('keeps every row and every appendix as the file gives it: none is filled in from the list', () => {
    expect(parsed.report.rejected).toEqual([]);
    expect(parsed.seizures.map((s) => [s.fields.taxon, s.fields.citesAppendix])).toEqual([
      ['Loxodonta africana', null],
      ['Eretmochelys imbricata', null],
      ['Carcharhinus longimanus', null],
      ['carcharhinus  LONGIMANUS', null],
      ['Manis javanicaa', null],
      ['Dalbergia louvelii', null],
      ['Carcharhinus longimanus', 'I'],
      ['Loxodonta africana', 'II'],
      ['Manis javanica', 'I'],
    ]);
  });

  it('names the unknown taxon with the fix, and the listed taxa without an appendix with the list’s appendix', () => {
    expect(parsed.report.warnings).toContain(
      '1 row names a taxon not in the bundled species list (CITES appendices valid from 25 November 2023), kept as written: “Manis javanicaa” (1 row). Check the spelling against the CITES Checklist or Species+ (speciesplus.net); the list is short, so a correctly spelt taxon may simply be missing from it.',
    );
    expect(parsed.report.warnings).toContain(
      '5 rows name taxa of the bundled species list (CITES appendices valid from 25 November 2023) without a CITES appendix in the file: Carcharhinus longimanus (2 rows): Appendix II; Dalbergia louvelii (1 row): Appendix II, under the listing of Dalbergia spp.: check Species+ for this taxon; Eretmochelys imbricata (1 row): Appendix I; Loxodonta africana (1 row): Appendix I or another, split listing: check Species+ for the population. The seizures keep no appendix (the list’s is shown beside each, not stored as declared); add an appendix column or set it on the seizures once checked.',
    );
  });

  it('flags a declared appendix the list contradicts (not a split listing) and stores the review flag', () => {
    expect(parsed.report.flagged).toEqual([
      { line: 8, column: 'cites_appendix', field: 'citesAppendix', value: 'I', reason: 'CITES Appendix I is declared, but the bundled species list gives Carcharhinus longimanus Appendix II: imported and flagged for review', fix: 'check the appendix for this taxon in Species+ (speciesplus.net) and correct the file or the seizure' },
    ]);
    const flagged = parsed.seizures.filter((s) => s.review);
    expect(flagged.map((s) => s.line)).toEqual([8]);
    const [flag] = stampReviewFlags(flagged[0]!.review!, 'batch-1', 1);
    expect(flag).toEqual({ kind: 'appendix-differs', taxon: 'Carcharhinus longimanus', declared: 'I', listed: 'II', batch: 'batch-1', at: 1 });
    expect(reviewFlagSentence(flag!)).toBe('The record declares CITES Appendix I, but the bundled species list (appendices valid from 25 November 2023) gives Carcharhinus longimanus Appendix II: check which is right in Species+');
  });

  it('a stopped import counts the taxa of the rows it wrote only', () => {
    const report = structuredClone(parsed.report);
    reportStopped(report, { seizures: 2, cancelled: { planned: 9, batchWritten: true, throughLine: 3 } }, { taxa: parsed.taxa });
    expect(report.warnings.filter((w) => w.includes('species list'))).toEqual([
      '2 rows name taxa of the bundled species list (CITES appendices valid from 25 November 2023) without a CITES appendix in the file: Eretmochelys imbricata (1 row): Appendix I; Loxodonta africana (1 row): Appendix I or another, split listing: check Species+ for the population. The seizures keep no appendix (the list’s is shown beside each, not stored as declared); add an appendix column or set it on the seizures once checked.',
    ]);
  });
});

describe('import: a cell naming several taxa', () => {
  it('checks each taxon of a ";" list and counts the row once', () => {
    const csv = 'date,country,commodity,taxon,quantity,unit\n2024-03-01,NG,pangolin scales,Phataginus tricuspis; Smutsia gigantea; Phataginus tetradactylaa,10,kg\n2024-03-02,NG,pangolin scales,Smutsiaa giganteaa; Phataginus tetradactylaa,4,kg\n';
    const parsed = parseImportFile({ fileName: 'mixed.csv', bytes: utf8(csv), defaults: { sector: 'wildlife' } });
    expect(parsed.report.warnings.filter((w) => w.includes('species list')).map((w) => w.split('. ')[0])).toEqual([
      '2 rows name a taxon not in the bundled species list (CITES appendices valid from 25 November 2023), kept as written: “Phataginus tetradactylaa” (2 rows), “Smutsiaa giganteaa” (1 row)',
      '1 row names a taxon of the bundled species list (CITES appendices valid from 25 November 2023) without a CITES appendix in the file: Phataginus tricuspis (1 row): Appendix I; Smutsia gigantea (1 row): Appendix I',
    ]);
  });
});
