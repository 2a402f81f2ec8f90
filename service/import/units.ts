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
import type { MessageId } from '../../shared/messages';

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
const REFUSED: Record<string, MessageId> = {
  ton: 'import.unit-ton',
  tons: 'import.unit-tons',
  'short ton': 'import.unit-short-ton',
  'short tons': 'import.unit-short-ton',
  'long ton': 'import.unit-long-ton',
  'long tons': 'import.unit-long-ton',
  teu: 'import.unit-teu',
  teus: 'import.unit-teu',
  lb: 'import.unit-pound',
  lbs: 'import.unit-pound',
  pound: 'import.unit-pound',
  pounds: 'import.unit-pound',
  oz: 'import.unit-ounce',
  gal: 'import.unit-gallon',
  gallon: 'import.unit-gallon',
  gallons: 'import.unit-gallon',
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
  if (s === '') return fail('import.empty');
  const unit = BY_SPELLING.get(s);
  if (unit) return ok(unit);
  const refused = REFUSED[s];
  if (refused) return fail(refused, { value: s });
  return fail('import.unknown-unit', { value: raw.trim(), units: QUANTITY_UNITS.join(', ') });
}

/** True when `raw` names a known unit (used by the mapping guesser to recognise unit columns). */
export function isUnit(raw: string): boolean {
  return BY_SPELLING.has(normaliseUnit(raw));
}
