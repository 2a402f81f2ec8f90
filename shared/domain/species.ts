/**
 * The bundled species list: a compact set of the taxa most often named in seizure records, each
 * with its CITES appendix, so the seizure form can suggest names, show the appendix as a hint and flag a
 * taxon it does not know without any network. The data, its source and date are in
 * `species-list.json` beside this file (CITES Appendices valid from 25 November 2023, names as in
 * the CITES Checklist / Species+). A taxon missing from the list is flagged "not in the bundled
 * list", never refused: the list is short on purpose and a real record may name anything.
 */
import type { CitesAppendix } from './codes';
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
