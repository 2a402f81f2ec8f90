/**
 * The bundled species list: a compact set of the taxa most often named in seizure records, each
 * with its CITES appendix, so the seizure form can suggest names, show the appendix as a hint and flag a
 * taxon it does not know without any network. The data, its source and date are in
 * `species-list.json` beside this file (CITES Appendices valid from 25 November 2023, names as in
 * the CITES Checklist / Species+). A taxon missing from the list is flagged "not in the bundled
 * list", never refused: the list is short on purpose and a real record may name anything.
 */
import type { CitesAppendix } from './codes';
import { t } from '../messages';
import data from './species-list.json';

/** One taxon of the list. `split`: populations or subspecies sit in different appendices (check Species+). */
export interface SpeciesEntry {
  /** Scientific name as CITES writes it: "Manis javanica", or a higher taxon "Dalbergia spp.". */
  readonly name: string;
  readonly appendix: CitesAppendix;
  /** English common name. */
  readonly common: string;
  /** mammal, bird, reptile, amphibian, fish, invertebrate or plant. */
  readonly group: string;
  readonly split?: boolean;
}

/** Where the list comes from and when it was compiled (shown beside the appendix it fills). */
export const SPECIES_SOURCE: { readonly source: string; readonly compiled: string; readonly note: string } = {
  source: data.source,
  compiled: data.compiled,
  note: data.note,
};

/** The date the list's appendices are valid from ("25 November 2023"), said beside every appendix taken from it. */
export const SPECIES_VALID_FROM: string = /valid from ([^()]+?) \(/.exec(data.source)?.[1] ?? data.compiled;

/** Every taxon of the bundled list, in file order. */
export const SPECIES: readonly SpeciesEntry[] = data.taxa as SpeciesEntry[];

const BY_NAME = new Map<string, SpeciesEntry>(SPECIES.map((s) => [s.name.toLowerCase(), s]));

/**
 * A taxon as typed, tidied for look-up: spaces collapsed, "sp", "sp.", "spp" and "species"
 * written "spp.", lower case. "Dalbergia  sp" → "dalbergia spp.".
 */
export function normaliseTaxon(raw: string): string {
  return raw
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase()
    .replace(/\s(sp|sp\.|spp|species)$/, ' spp.');
}

/**
 * What the list says about a taxon. `name`: the taxon itself (a subspecies or a variety matches
 * its species, "Ceratotherium simum simum" → "Ceratotherium simum"); `genus`: only its genus is
 * listed ("Dalbergia louvelii" → "Dalbergia spp."), so the appendix is that of the genus listing.
 */
export type TaxonCheck =
  | { readonly status: 'empty' }
  | { readonly status: 'listed'; readonly entry: SpeciesEntry; readonly matchedBy: 'name' | 'genus' }
  | { readonly status: 'unknown' };

/** Looks a taxon up in the bundled list (see {@link TaxonCheck}). Never throws. */
export function lookupTaxon(raw: string): TaxonCheck {
  const n = normaliseTaxon(raw);
  if (n === '') return { status: 'empty' };
  const exact = BY_NAME.get(n);
  if (exact) return { status: 'listed', entry: exact, matchedBy: 'name' };
  const words = n.split(' ');
  if (words.length > 2) {
    const species = BY_NAME.get(`${words[0]} ${words[1]}`);
    if (species) return { status: 'listed', entry: species, matchedBy: 'name' };
  }
  const genus = BY_NAME.get(`${words[0]} spp.`);
  if (genus) return { status: 'listed', entry: genus, matchedBy: 'genus' };
  return { status: 'unknown' };
}

/**
 * Autocomplete: up to `limit` taxa whose scientific name starts with the text typed or whose
 * scientific or common name contains it as a word start ("pango" → the pangolins, "rosew" →
 * the rosewoods), scientific-name prefixes first. Fewer than two letters: none.
 */
export function suggestTaxa(typed: string, limit = 12): SpeciesEntry[] {
  const q = typed.trim().toLowerCase();
  if (q.length < 2) return [];
  const starts: SpeciesEntry[] = [];
  const words: SpeciesEntry[] = [];
  for (const s of SPECIES) {
    const name = s.name.toLowerCase();
    if (name.startsWith(q)) starts.push(s);
    else if (` ${name} ${s.common.toLowerCase()}`.includes(` ${q}`)) words.push(s);
  }
  return [...starts, ...words].slice(0, limit);
}

/** The taxa of a record's taxon cell: one, or several written "A; B" (a mixed seizure); blanks dropped. */
export function taxaOf(raw: string): string[] {
  return raw.split(';').map((x) => x.trim().replace(/\s+/g, ' ')).filter(Boolean);
}

/**
 * The appendix the bundled list gives a record's taxon, in words with its source, for a record
 * that declares none (the seizure detail, the import report): "Appendix II per the bundled species
 * list (…)"; for a split listing the list's main appendix is no answer for one record, so the
 * sentence says to check Species+ instead of naming one; for a genus listing it names the genus
 * (and says to check the species).
 * Null for an empty taxon or one the list does not know. Never stored: the appendix of a record
 * is what it declares (species-list.json `note`).
 */
export function listedAppendixText(taxon: string): string | null {
  const c = lookupTaxon(taxon);
  if (c.status !== 'listed') return null;
  const e = c.entry;
  const values = { appendix: e.appendix, name: e.name, validFrom: SPECIES_VALID_FROM };
  if (c.matchedBy === 'genus') return t('seizure.cites.list-genus', values);
  return t(e.split ? 'seizure.cites.list-split' : 'seizure.cites.list', values);
}

/**
 * The list's entry when a declared appendix contradicts it, else null: only a taxon listed under
 * its own name and not split decides the appendix of one record (a genus listing may have
 * exceptions, a split listing depends on the population), so only then is another declared
 * appendix a contradiction to review.
 */
export function appendixConflict(taxon: string, declared: CitesAppendix | null): SpeciesEntry | null {
  if (declared === null) return null;
  const c = lookupTaxon(taxon);
  if (c.status !== 'listed' || c.matchedBy !== 'name' || c.entry.split) return null;
  return c.entry.appendix === declared ? null : c.entry;
}
