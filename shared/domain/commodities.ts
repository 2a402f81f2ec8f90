/**
 * The curated commodity list: what is seized, named as the CITES trade data and ETIS name it,
 * with the crime sector and the unit it is usually counted in. The seizure's `commodity` stays
 * free text (a real record may name anything); this list feeds the form's suggestions and flags a
 * commodity that is not in it ("not in the list") without refusing it. A workspace extends the
 * list with its own names (workspace doc `commodities`, shared/docs/workspace-commodities.ts).
 *
 * Sources:
 * - CITES, "Guidelines for the preparation and submission of CITES annual reports", the annex of
 *   terms of trade and their codes (TUS tusks, IVC ivory carvings, SCA
 *   scales, HOR horns, LIV live, LOG logs, SAW sawn wood, TIM timber, VEN veneer, FIN fins, MEA
 *   meat, SKI skins, BON bones, CAV caviar, EXT extract, DER derivatives) — `citesTerm` below;
 * - ETIS (Elephant Trade Information System, as reported to each CITES CoP) ivory categories:
 *   raw ivory and worked ivory, counted in pieces and weighed in kg;
 * - UNODC World Wildlife Crime Report 2024 commodity groups (rhino horn, pangolin scales, rosewood,
 *   live birds and reptiles, eels, shark fin, totoaba maw);
 * - UNEP–INTERPOL "The Rise of Environmental Crime" (2016) for the non-wildlife sectors: gold and
 *   mercury (illegal mining), e-waste and hazardous waste (Basel Convention), ozone-depleting
 *   substances (Montreal Protocol: CFC and HCFC refrigerants).
 */
import type { CrimeSector, QuantityUnit } from './codes';

/** One commodity of the curated list. */
export interface CommodityEntry {
  /** The name written into the seizure's `commodity` when picked. */
  readonly name: string;
  readonly sector: CrimeSector;
  /** The unit such seizures are usually counted in (a suggestion, never a default written unasked). */
  readonly unit: QuantityUnit;
  /** The CITES annual-report term code, where there is one. */
  readonly citesTerm?: string;
  /** Other spellings that mean the same (lower case). */
  readonly aliases?: readonly string[];
}

/** The curated list, grouped by sector. */
export const COMMODITIES: readonly CommodityEntry[] = [
  { name: 'Ivory, raw (tusks)', sector: 'wildlife', unit: 'kg', citesTerm: 'TUS', aliases: ['raw ivory', 'tusks', 'elephant tusks', 'ivory tusks', 'elephant ivory', 'elephant ivory (tusks)'] },
  { name: 'Ivory, worked (carvings)', sector: 'wildlife', unit: 'pieces', citesTerm: 'IVC', aliases: ['worked ivory', 'ivory carvings', 'carved ivory', 'elephant ivory (cut and carved)'] },
  { name: 'Rhino horn', sector: 'wildlife', unit: 'kg', citesTerm: 'HOR', aliases: ['rhinoceros horn', 'rhino horns'] },
  { name: 'Pangolin scales', sector: 'wildlife', unit: 'kg', citesTerm: 'SCA', aliases: ['pangolin scale'] },
  { name: 'Pangolins, live', sector: 'wildlife', unit: 'head', citesTerm: 'LIV', aliases: ['live pangolins'] },
  { name: 'Pangolin meat', sector: 'wildlife', unit: 'kg', citesTerm: 'MEA' },
  { name: 'Live birds', sector: 'wildlife', unit: 'head', citesTerm: 'LIV', aliases: ['birds, live', 'live parrots', 'parrots', 'live cockatoos'] },
  { name: 'Live reptiles', sector: 'wildlife', unit: 'head', citesTerm: 'LIV', aliases: ['reptiles, live', 'live turtles', 'live tortoises', 'tortoises', 'live snakes'] },
  { name: 'Live primates', sector: 'wildlife', unit: 'head', citesTerm: 'LIV' },
  { name: 'Big cat parts (skins, bones, claws)', sector: 'wildlife', unit: 'pieces', citesTerm: 'SKI', aliases: ['tiger parts', 'tiger skin', 'leopard skin', 'tiger bones'] },
  { name: 'Bear bile and gall bladders', sector: 'wildlife', unit: 'pieces', citesTerm: 'DER', aliases: ['bear bile', 'bear gall bladders'] },
  { name: 'Reptile skins', sector: 'wildlife', unit: 'pieces', citesTerm: 'SKI', aliases: ['crocodile skins', 'python skins'] },
  { name: 'Marine turtle shell', sector: 'wildlife', unit: 'kg', citesTerm: 'SHE', aliases: ['hawksbill shell', 'tortoiseshell'] },
  { name: 'Hornbill casques', sector: 'wildlife', unit: 'pieces', aliases: ['helmeted hornbill casques'] },
  { name: 'Bushmeat', sector: 'wildlife', unit: 'kg', citesTerm: 'MEA', aliases: ['wild meat'] },
  { name: 'Agarwood', sector: 'forestry', unit: 'kg', citesTerm: 'CHP', aliases: ['oud', 'gaharu'] },
  { name: 'Timber, logs', sector: 'forestry', unit: 'm3', citesTerm: 'LOG', aliases: ['logs', 'round logs', 'roundwood'] },
  { name: 'Timber, sawn', sector: 'forestry', unit: 'm3', citesTerm: 'SAW', aliases: ['sawn wood', 'sawn timber', 'planks'] },
  { name: 'Timber, veneer', sector: 'forestry', unit: 'm3', citesTerm: 'VEN', aliases: ['veneer'] },
  { name: 'Rosewood', sector: 'forestry', unit: 'm3', citesTerm: 'TIM', aliases: ['rosewood logs', 'hongmu', 'dalbergia'] },
  { name: 'Red sanders', sector: 'forestry', unit: 't', citesTerm: 'LOG', aliases: ['red sandalwood', 'red sandalwood logs'] },
  { name: 'Charcoal', sector: 'forestry', unit: 't', aliases: ['illegal charcoal'] },
  { name: 'Fish, IUU catch', sector: 'fisheries', unit: 't', aliases: ['fish', 'iuu fish', 'illegal catch'] },
  { name: 'Shark fin', sector: 'fisheries', unit: 'kg', citesTerm: 'FIN', aliases: ['shark fins', 'dried shark fin', 'dried shark fins'] },
  { name: 'Glass eels', sector: 'fisheries', unit: 'kg', citesTerm: 'LIV', aliases: ['eels', 'elvers', 'live eels'] },
  { name: 'Totoaba swim bladders', sector: 'fisheries', unit: 'kg', aliases: ['totoaba maw', 'fish maw'] },
  { name: 'Sea cucumbers', sector: 'fisheries', unit: 'kg', aliases: ['beche-de-mer', 'trepang', 'sea cucumber'] },
  { name: 'Abalone', sector: 'fisheries', unit: 'kg', aliases: ['perlemoen', 'abalone (perlemoen)'] },
  { name: 'Caviar', sector: 'fisheries', unit: 'kg', citesTerm: 'CAV', aliases: ['sturgeon caviar'] },
  { name: 'Gold', sector: 'mining', unit: 'kg', aliases: ['gold ore', 'gold dore', 'alluvial gold', 'gold from illegal mining'] },
  { name: 'Mercury', sector: 'mining', unit: 'kg', aliases: ['quicksilver'] },
  { name: 'Coltan', sector: 'mining', unit: 't', aliases: ['columbite-tantalite'] },
  { name: 'Sand', sector: 'mining', unit: 't', aliases: ['illegal sand'] },
  { name: 'E-waste', sector: 'waste', unit: 't', aliases: ['electronic waste', 'weee', 'ewaste'] },
  { name: 'Plastic waste', sector: 'waste', unit: 't', aliases: ['plastic scrap', 'contaminated plastic waste'] },
  { name: 'Hazardous waste', sector: 'waste', unit: 't', aliases: ['toxic waste'] },
  { name: 'Used lead-acid batteries', sector: 'waste', unit: 't', aliases: ['ulab', 'lead batteries'] },
  { name: 'Ozone-depleting substances (CFC/HCFC refrigerants)', sector: 'ods', unit: 'pieces', aliases: ['ods', 'cfc', 'hcfc', 'r-22', 'refrigerant cylinders', 'refrigerants'] },
  { name: 'HFC refrigerants', sector: 'ods', unit: 'pieces', aliases: ['hfc', 'f-gas', 'f-gases'] },
];

/**
 * The matching key of a commodity name or alias: Unicode NFKC (a full-width or ligature spelling
 * matches its plain form), lower case, trimmed, inner white space collapsed. The one rule by which
 * names are matched and collisions found, for the curated list and the workspace's names alike.
 */
export function commodityKey(s: string): string {
  return s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
}

/** A commodity of the workspace's own list (shared/docs/workspace-commodities.ts), as the catalogue sees it. */
export interface WorkspaceCommodityEntry extends CommodityEntry {
  /** The workspace record's id. */
  readonly id: string;
}

/**
 * What the catalogue says about a commodity as written: `listed` (the curated list, by name or
 * alias), `workspace` (one of the workspace's own names or aliases), `unlisted` (kept, but flagged
 * "not in the list"), or `empty`. Matching ignores case, spacing and Unicode width ({@link commodityKey}).
 */
export type CommodityCheck =
  | { readonly status: 'empty' }
  | { readonly status: 'listed'; readonly entry: CommodityEntry }
  | { readonly status: 'workspace'; readonly entry: WorkspaceCommodityEntry }
  | { readonly status: 'unlisted' };

/** Which entry already holds a name: the curated list's or one of the workspace's. */
export type CommodityClaim =
  | { readonly by: 'curated'; readonly entry: CommodityEntry }
  | { readonly by: 'workspace'; readonly entry: WorkspaceCommodityEntry };

/**
 * The merged commodity list of one workspace: the curated list then the workspace's own entries.
 * The one lookup the seizure form, its "not in the list" hint and the importer use.
 */
export interface CommodityCatalogue {
  /** The workspace's own entries (valid, live, without collisions), in the order given. */
  readonly workspace: readonly WorkspaceCommodityEntry[];
  /** The names to suggest: the curated list's, then the workspace's. */
  names(): string[];
  /** Checks a commodity as written. Never throws. */
  check(raw: string): CommodityCheck;
  /**
   * Who already holds `name` as a name or alias (curated first), ignoring the workspace entry
   * `exceptId` (the one being edited); null when the name is free or empty.
   */
  claim(name: string, exceptId?: string): CommodityClaim | null;
}

function index(entries: readonly CommodityEntry[]): Map<string, CommodityEntry> {
  const by = new Map<string, CommodityEntry>();
  for (const c of entries) {
    for (const n of [c.name, ...(c.aliases ?? [])]) {
      const k = commodityKey(n);
      if (k !== '' && !by.has(k)) by.set(k, c);
    }
  }
  return by;
}

const CURATED = index(COMMODITIES);

/**
 * The catalogue of the curated list plus `workspace` entries. An entry whose name or alias the
 * curated list (or an earlier workspace entry) already holds adds only its free names: the curated
 * meaning wins, so a workspace can never redefine "tusks".
 */
export function commodityCatalogue(workspace: readonly WorkspaceCommodityEntry[] = []): CommodityCatalogue {
  const own = index(workspace) as Map<string, WorkspaceCommodityEntry>;
  const claim = (name: string, exceptId?: string): CommodityClaim | null => {
    const k = commodityKey(name);
    if (k === '') return null;
    const curated = CURATED.get(k);
    if (curated) return { by: 'curated', entry: curated };
    const w = workspace.find((e) => e.id !== exceptId && [e.name, ...(e.aliases ?? [])].some((n) => commodityKey(n) === k));
    return w ? { by: 'workspace', entry: w } : null;
  };
  return {
    workspace,
    names: () => [...COMMODITIES.map((c) => c.name), ...workspace.filter((e) => !CURATED.has(commodityKey(e.name))).map((e) => e.name)],
    check: (raw) => {
      const k = commodityKey(raw);
      if (k === '') return { status: 'empty' };
      const entry = CURATED.get(k);
      if (entry) return { status: 'listed', entry };
      const w = own.get(k);
      return w ? { status: 'workspace', entry: w } : { status: 'unlisted' };
    },
    claim,
  };
}

/** The catalogue of the curated list alone (a workspace without names of its own). */
export const CURATED_CATALOGUE: CommodityCatalogue = commodityCatalogue();
