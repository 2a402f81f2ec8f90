/**
 * The importer's taxon check against the bundled species list (shared/domain/species.ts, tester
 * s28 B6): the imported taxa the list does not know, said once in the report's warnings with how
 * many rows name each and the fix (check the spelling); and the listed taxa of rows that declare no
 * appendix, said with the appendix the list gives (its source and date, "check Species+" for a split
 * listing). Nothing is changed in the rows: a record's appendix is what it declares, the list's is
 * shown beside it (the seizure detail), and a declared appendix the list contradicts is flagged per
 * row (row-doubts.ts `appendixDiffers`).
 */
import type { SeizureFields } from '../../shared/domain/seizure';
import { SPECIES_VALID_FROM, lookupTaxon, normaliseTaxon, taxaOf } from '../../shared/domain/species';
import { t } from '../../shared/messages';

/** How many distinct taxa a warning names before "and N more". */
export const TAXA_NAMED = 8;

/** A taxon of an import as first written and the file lines of the rows that name it. */
export interface TallyTaxon {
  name: string;
  lines: number[];
}

/** An import's taxa by what the list says (plain data: it crosses from the parse worker). */
export interface TaxonTallies {
  /** Taxa the list does not know. */
  unknown: TallyTaxon[];
  /** Listed taxa of rows that declare no appendix. */
  undeclared: TallyTaxon[];
}

/** The taxa of an import, tallied row by row (an import streamed as it is read adds each batch as it goes). */
export class TaxonTally {
  private readonly unknown = new Map<string, TallyTaxon>();
  private readonly undeclared = new Map<string, TallyTaxon>();

  /** Counts one imported row's taxa (as written in the file, several split at ";"); `line`: the row's file line. */
  add(fields: Pick<SeizureFields, 'taxon' | 'citesAppendix'>, line: number): void {
    for (const taxon of taxaOf(fields.taxon)) {
      const c = lookupTaxon(taxon);
      const into = c.status === 'unknown' ? this.unknown : c.status === 'listed' && fields.citesAppendix === null ? this.undeclared : null;
      if (!into) continue;
      const k = normaliseTaxon(taxon);
      let e = into.get(k);
      if (!e) into.set(k, (e = { name: taxon, lines: [] }));
      e.lines.push(line);
    }
  }

  /** The tallies (see {@link TaxonTallies}). */
  list(): TaxonTallies {
    return { unknown: [...this.unknown.values()], undeclared: [...this.undeclared.values()] };
  }
}

/**
 * The report's warnings for `tallies`, counting only the rows `counts` keeps (default: every row):
 * `unknown`, the unknown taxa (most rows first, then alphabetically) with the fix; `undeclared`,
 * the listed taxa without a declared appendix with the list's appendix for each. Null when none is left.
 */
export function taxonWarnings(tallies: TaxonTallies, counts: (line: number) => boolean = () => true): { unknown: string | null; undeclared: string | null } {
  const out: { unknown: string | null; undeclared: string | null } = { unknown: null, undeclared: null };
  const unknown = kept(tallies.unknown, counts);
  if (unknown.rows) {
    const names = unknown.taxa.slice(0, TAXA_NAMED).map((x) => t('import.taxon-rows', { name: x.name, count: x.rows })).join(', ');
    out.unknown = t('import.warning.unknown-taxa', { count: unknown.rows, names, more: unknown.taxa.length - Math.min(unknown.taxa.length, TAXA_NAMED), validFrom: SPECIES_VALID_FROM });
  }
  const undeclared = kept(tallies.undeclared, counts);
  if (undeclared.rows) {
    const names = undeclared.taxa.slice(0, TAXA_NAMED).map((x) => listedLine(x.name, x.rows)).join('; ');
    out.undeclared = t('import.warning.undeclared-appendix', { count: undeclared.rows, names, more: undeclared.taxa.length - Math.min(undeclared.taxa.length, TAXA_NAMED), validFrom: SPECIES_VALID_FROM });
  }
  return out;
}

/** One listed taxon of the warning: its name, rows and the appendix the list gives (a genus listing, else a split listing, said so). */
function listedLine(name: string, rows: number): string {
  const c = lookupTaxon(name);
  if (c.status !== 'listed') return name;
  return t('import.taxon-listed', { name, count: rows, appendix: c.entry.appendix, kind: c.matchedBy === 'genus' ? 'genus' : c.entry.split ? 'split' : 'plain', listed: c.entry.name });
}

/** `taxa` with their rows that `counts` keeps, those with none dropped, most rows first then alphabetically; and the distinct rows in all (a row naming two taxa counts once). */
function kept(taxa: readonly TallyTaxon[], counts: (line: number) => boolean): { taxa: { name: string; rows: number }[]; rows: number } {
  const tallied = taxa.map((x) => ({ name: x.name, rows: x.lines.filter(counts).length })).filter((x) => x.rows > 0);
  tallied.sort((a, b) => b.rows - a.rows || a.name.localeCompare(b.name));
  return { taxa: tallied, rows: new Set(taxa.flatMap((x) => x.lines.filter(counts))).size };
}
