/**
 * Crime-sector cells turned into the domain's sectors (`CRIME_SECTORS` in shared/domain/codes.ts,
 * after the UNEP-INTERPOL 2016 split: wildlife, forestry, fisheries, mining, waste, ods, other).
 * Accepts the codes, their English labels and common words for each sector in English, German,
 * French, Spanish and Portuguese ("timber", "Holz", "pêche INN", "minería ilegal", "CFC").
 */
import { CRIME_SECTORS, CRIME_SECTOR_LABELS, type CrimeSector } from '../../shared/domain/codes';
import { fail, isMissing, ok, type Parsed } from './parse-result';

/** Words (lower case, without accents) naming each sector. */
const WORDS: Record<CrimeSector, readonly string[]> = {
  wildlife: ['wildlife', 'wildlife crime', 'wildlife trafficking', 'fauna', 'flora', 'fauna and flora', 'cites', 'wildtiere', 'wildtierhandel', 'artenschutz', 'faune', 'especes sauvages', 'faune sauvage', 'vida silvestre', 'fauna silvestre', 'vida selvagem', 'animais silvestres'],
  forestry: ['forestry', 'forest', 'forests', 'timber', 'wood', 'logging', 'illegal logging', 'forestry / timber', 'forst', 'wald', 'holz', 'holzeinschlag', 'foret', 'forets', 'bois', 'exploitation forestiere illegale', 'forestal', 'madera', 'tala ilegal', 'florestal', 'madeira', 'desmatamento'],
  fisheries: ['fisheries', 'fishery', 'fish', 'fishing', 'iuu', 'iuu fishing', 'fisheries (iuu)', 'fischerei', 'fisch', 'peche', 'peche inn', 'pesca', 'pesca ilegal', 'pesca inn', 'pesca iuu'],
  mining: ['mining', 'illegal mining', 'minerals', 'mineral', 'gold', 'bergbau', 'mines', 'exploitation miniere', 'orpaillage', 'mineria', 'mineria ilegal', 'mineracao', 'mineracao ilegal', 'garimpo'],
  waste: ['waste', 'pollution', 'waste & pollution', 'waste and pollution', 'hazardous waste', 'e-waste', 'abfall', 'abfalle', 'mull', 'umweltverschmutzung', 'dechets', 'residuos', 'contaminacion', 'poluicao'],
  ods: ['ods', 'ozone-depleting substances', 'ozone depleting substances', 'ozone', 'cfc', 'cfcs', 'hcfc', 'hcfcs', 'hfc', 'hfcs', 'f-gas', 'f-gases', 'refrigerants', 'ozonschichtabbauende stoffe', 'sao', 'substances appauvrissant la couche d\'ozone', 'sustancias agotadoras del ozono', 'substancias destruidoras da camada de ozonio'],
  other: ['other', 'others', 'sonstige', 'andere', 'autre', 'autres', 'otro', 'otros', 'outro', 'outros'],
};

const BY_WORD = new Map<string, CrimeSector>();
for (const sector of CRIME_SECTORS) {
  BY_WORD.set(sector, sector);
  BY_WORD.set(normalise(CRIME_SECTOR_LABELS[sector]), sector);
  for (const w of WORDS[sector]) BY_WORD.set(w, sector);
}

function normalise(raw: string): string {
  return raw.trim().toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/\s+/g, ' ');
}

/** Reads a sector cell. Returns the sector code, or a reason naming the accepted codes. */
export function parseSector(raw: string): Parsed<CrimeSector> {
  if (isMissing(raw)) return fail('field.required');
  const sector = BY_WORD.get(normalise(raw));
  return sector ? ok(sector) : fail('import.not-a-sector', { value: raw.trim(), sectors: CRIME_SECTORS.join(', ') });
}
