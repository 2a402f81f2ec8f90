/**
 * Quantity units as people type them, mapped onto the domain's units (`QUANTITY_UNITS` in
 * shared/domain/codes.ts: g, kg, t, l, m3, pieces, head, containers), in English, German, French,
 * Spanish and Portuguese.
 *
 * Refused with a reason rather than guessed:
 * - "ton"/"tons" without "metric": a US short ton is 907.18 kg and a UK long ton 1,016.05 kg
 *   (NIST Handbook 44, Appendix C), so only metric words (t, tonne, metric ton, MT, Tonne,
 *   tonelada) become `t`;
 * - TEU: twenty-foot equivalent units are not containers (a 40-ft container is 2 TEU);
 * - non-metric units (lb, oz, gal, ft³) and anything unknown, e.g. "furlongs". Quantities are
 *   stored as reported and never converted, so a unit we cannot name exactly is not imported.
 */
import { QUANTITY_UNITS, type QuantityUnit } from '../../shared/domain/codes';
import { fail, ok, type Parsed } from './parse-result';

/** Spellings (lower case, accents removed, '³' written '3') of each unit. */
const SYNONYMS: Record<QuantityUnit, readonly string[]> = {
  g: ['g', 'gr', 'grs', 'gram', 'grams', 'gramme', 'grammes', 'gramm', 'gramo', 'gramos', 'grama', 'gramas'],
  kg: ['kg', 'kgs', 'kilo', 'kilos', 'kilogram', 'kilograms', 'kilogramme', 'kilogrammes', 'kilogramm', 'kilogramo', 'kilogramos', 'quilo', 'quilos', 'quilograma', 'quilogramas'],
  t: ['t', 'tonne', 'tonnes', 'metric ton', 'metric tons', 'metric tonne', 'metric tonnes', 'mt', 'tonnen', 'tonelada', 'toneladas', 'tonelada metrica', 'toneladas metricas'],
  l: ['l', 'lt', 'ltr', 'litre', 'litres', 'liter', 'liters', 'litro', 'litros'],
  m3: ['m3', 'cbm', 'cu m', 'cubic metre', 'cubic metres', 'cubic meter', 'cubic meters', 'kubikmeter', 'metre cube', 'metres cubes', 'metro cubico', 'metros cubicos'],
  pieces: ['pieces', 'piece', 'pcs', 'pc', 'pce', 'pces', 'items', 'item', 'nos', 'no', 'stuck', 'stk', 'pieza', 'piezas', 'peca', 'pecas', 'unidades'],
  head: ['head', 'heads', 'animal', 'animals', 'live animals', 'individuals', 'individual', 'ind', 'tiere', 'tier', 'animaux', 'animales', 'animais', 'cabezas', 'cabecas', 'tetes'],
  containers: ['containers', 'container', 'ctr', 'ctrs', 'cntr', 'cntrs', 'conteneurs', 'conteneur', 'contenedor', 'contenedores', 'conteiner', 'conteineres', 'contentor', 'contentores'],
};

const BY_SPELLING = new Map<string, QuantityUnit>();
for (const unit of QUANTITY_UNITS) for (const s of SYNONYMS[unit]) BY_SPELLING.set(s, unit);

/** Units refused with a specific reason (normalised spelling → reason). */
const REFUSED: Record<string, string> = {
  ton: "'ton' may be a short ton (907 kg) or a long ton (1,016 kg); write t or tonnes for metric tonnes",
  tons: "'tons' may be short tons (907 kg) or long tons (1,016 kg); write t or tonnes for metric tonnes",
  'short ton': 'short tons are not a metric unit; convert to t or kg',
  'short tons': 'short tons are not a metric unit; convert to t or kg',
  'long ton': 'long tons are not a metric unit; convert to t or kg',
  'long tons': 'long tons are not a metric unit; convert to t or kg',
  teu: 'TEU counts twenty-foot equivalents, not containers (a 40-ft container is 2 TEU); give the number of containers',
  teus: 'TEU counts twenty-foot equivalents, not containers (a 40-ft container is 2 TEU); give the number of containers',
  lb: 'pounds are not a supported unit; convert to kg',
  lbs: 'pounds are not a supported unit; convert to kg',
  pound: 'pounds are not a supported unit; convert to kg',
  pounds: 'pounds are not a supported unit; convert to kg',
  oz: 'ounces are not a supported unit; convert to g',
  gal: 'gallons are not a supported unit; convert to l',
  gallon: 'gallons are not a supported unit; convert to l',
  gallons: 'gallons are not a supported unit; convert to l',
};

/** Lower case, accents removed, '³' → '3', trailing dot and extra spaces dropped. */
function normaliseUnit(raw: string): string {
  return raw
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/³/g, '3')
    .replace(/\.$/, '')
    .replace(/\s+/g, ' ');
}

/**
 * Maps a unit as written ("tonnes", "Stück", "m³", "cbm", "Kilogramm") to a domain unit.
 * Returns a reason for refused or unknown units, e.g. "unknown unit 'furlongs' (use one of g, kg, …)".
 */
export function parseUnit(raw: string): Parsed<QuantityUnit> {
  const s = normaliseUnit(raw);
  if (s === '') return fail('is empty');
  const unit = BY_SPELLING.get(s);
  if (unit) return ok(unit);
  const refused = REFUSED[s];
  if (refused) return fail(refused);
  return fail(`unknown unit '${raw.trim()}' (use one of ${QUANTITY_UNITS.join(', ')})`);
}

/** True when `raw` names a known unit (used by the mapping guesser to recognise unit columns). */
export function isUnit(raw: string): boolean {
  return BY_SPELLING.has(normaliseUnit(raw));
}
