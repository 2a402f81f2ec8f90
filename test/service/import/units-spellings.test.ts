/**
 * Every spelling the unit table knows, and every refused spelling with its reason, written out here
 * rather than read from the table: a spelling dropped or mistyped in service/import/units.ts (a
 * "tonnes" column imported as unknown, or worse a "tons" column read as metric) fails one row.
 * Also the normalisation (case, accents, '³', trailing dot, inner spaces).
 */
import { describe, expect, it } from 'vitest';
import { isUnit, parseUnit } from '../../../service/import/units';

const unit = (raw: string) => {
  const r = parseUnit(raw);
  return r.ok ? r.value : r.messageId;
};

/** Each domain unit and every spelling that must map to it. */
const SPELLINGS: Record<string, string[]> = {
  g: ['g', 'gr', 'grs', 'gram', 'grams', 'gramme', 'grammes', 'gramm', 'gramo', 'gramos', 'grama', 'gramas'],
  kg: ['kg', 'kgs', 'kilo', 'kilos', 'kilogram', 'kilograms', 'kilogramme', 'kilogrammes', 'kilogramm', 'kilogramo', 'kilogramos', 'quilo', 'quilos', 'quilograma', 'quilogramas'],
  t: ['t', 'tonne', 'tonnes', 'metric ton', 'metric tons', 'metric tonne', 'metric tonnes', 'mt', 'tonnen', 'tonelada', 'toneladas', 'tonelada metrica', 'toneladas metricas'],
  l: ['l', 'lt', 'ltr', 'litre', 'litres', 'liter', 'liters', 'litro', 'litros'],
  m3: ['m3', 'cbm', 'cu m', 'cubic metre', 'cubic metres', 'cubic meter', 'cubic meters', 'kubikmeter', 'metre cube', 'metres cubes', 'metro cubico', 'metros cubicos'],
  pieces: ['pieces', 'piece', 'pcs', 'pc', 'pce', 'pces', 'items', 'item', 'nos', 'no', 'stuck', 'stk', 'pieza', 'piezas', 'peca', 'pecas', 'unidades'],
  head: ['head', 'heads', 'animal', 'animals', 'live animals', 'individuals', 'individual', 'ind', 'tiere', 'tier', 'animaux', 'animales', 'animais', 'cabezas', 'cabecas', 'tetes'],
  containers: ['containers', 'container', 'ctr', 'ctrs', 'cntr', 'cntrs', 'conteneurs', 'conteneur', 'contenedor', 'contenedores', 'conteiner', 'conteineres', 'contentor', 'contentores'],
};

/** Each refused spelling and the catalogue message that says why. */
const REFUSED: [string, string][] = [
  ['ton', 'import.unit-ton'],
  ['tons', 'import.unit-tons'],
  ['short ton', 'import.unit-short-ton'],
  ['short tons', 'import.unit-short-ton'],
  ['long ton', 'import.unit-long-ton'],
  ['long tons', 'import.unit-long-ton'],
  ['teu', 'import.unit-teu'],
  ['teus', 'import.unit-teu'],
  ['lb', 'import.unit-pound'],
  ['lbs', 'import.unit-pound'],
  ['pound', 'import.unit-pound'],
  ['pounds', 'import.unit-pound'],
  ['oz', 'import.unit-ounce'],
  ['gal', 'import.unit-gallon'],
  ['gallon', 'import.unit-gallon'],
  ['gallons', 'import.unit-gallon'],
];

describe('the unit table, spelling by spelling', () => {
  for (const [want, spellings] of Object.entries(SPELLINGS)) {
    it(`every spelling of ${want}`, () => {
      expect(spellings.map(unit)).toEqual(spellings.map(() => want));
      expect(spellings.every(isUnit)).toBe(true);
    });
  }

  it('every refused spelling, with its own reason, and none of them counts as a unit', () => {
    expect(REFUSED.map(([s]) => unit(s))).toEqual(REFUSED.map(([, id]) => id));
    expect(REFUSED.map(([s]) => isUnit(s))).toEqual(REFUSED.map(() => false));
  });

  it('the refusal names the unit as normalised; an unknown unit names it as written', () => {
    expect(parseUnit(' TONS. ')).toMatchObject({ ok: false, messageId: 'import.unit-tons', values: { value: 'tons' } });
    expect(parseUnit(' Furlongs ')).toMatchObject({ ok: false, messageId: 'import.unknown-unit', values: { value: 'Furlongs', units: 'g, kg, t, l, m3, pieces, head, containers' } });
  });

  it('normalises case, accents, ³, a trailing dot and runs of spaces — and nothing else', () => {
    expect(['KG', 'Kg.', ' kg ', 'Stück', 'mètres  cubes', 'M³', 'cu   m', 'Têtes', 'cabeças', 'Métro cúbico', 'toneladas  métricas'].map(unit)).toEqual([
      'kg', 'kg', 'kg', 'pieces', 'm3', 'm3', 'm3', 'head', 'head', 'm3', 't',
    ]);
    // Only one trailing dot goes, and a dot inside the word stays: these are not units.
    expect(['kg..', 'k.g', 'kgx', 'xkg', 'metricton', '', '   '].map(unit)).toEqual([
      'import.unknown-unit', 'import.unknown-unit', 'import.unknown-unit', 'import.unknown-unit', 'import.unknown-unit', 'import.empty', 'import.empty',
    ]);
    expect([' ', 'kg..', 'KG.'].map(isUnit)).toEqual([false, false, true]);
  });
});
