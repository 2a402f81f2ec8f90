/** The mapping guesser and header keys: names in five languages, then values. */
import { describe, expect, it } from 'vitest';
import { guessMapping } from '../../../service/import/guess-mapping';
import { headersKey, headerTarget, normaliseHeader } from '../../../service/import/header-names';

describe('headerTarget', () => {
  it('maps the German spreadsheet headers', () => {
    const headers = ['Datum', 'Land', 'Ort', 'Breite', 'Länge', 'Ware', 'Menge', 'Einheit', 'Wert', 'Währung'];
    expect(headers.map(headerTarget)).toEqual([
      'seizureDate', 'country', 'place', 'latitude', 'longitude', 'commodity', 'quantity', 'unit', 'reportedValue', 'reportedCurrency',
    ]);
    expect(headerTarget('Laenge')).toBe('longitude');
    expect(headerTarget('Herkunftsland')).toBe('originCountries');
    expect(headerTarget('Behörde')).toBe('seizingAgencies');
  });
  it('maps French, Spanish and Portuguese headers', () => {
    expect(['Date de saisie', 'Pays', 'Lieu', 'Marchandise', 'Quantité', 'Unité', 'Valeur', 'Devise'].map(headerTarget)).toEqual([
      'seizureDate', 'country', 'place', 'commodity', 'quantity', 'unit', 'reportedValue', 'reportedCurrency',
    ]);
    expect(['Fecha', 'País', 'Latitud', 'Longitud', 'Mercancía', 'Cantidad', 'Origen', 'Destino', 'Moneda'].map(headerTarget)).toEqual([
      'seizureDate', 'country', 'latitude', 'longitude', 'commodity', 'quantity', 'originCountries', 'destinationCountries', 'reportedCurrency',
    ]);
    expect(['Data da apreensão', 'Espécie', 'Quantidade', 'Unidade', 'Órgão', 'Observações'].map(headerTarget)).toEqual([
      'seizureDate', 'taxon', 'quantity', 'unit', 'seizingAgencies', 'notes',
    ]);
  });
  it('maps the public columns, our field names and English variants', () => {
    expect(['country_iso2', 'seizing_agency', 'reportedValue', 'Lat', 'lng', 'Species', 'CITES Appendix', 'Source URL'].map(headerTarget)).toEqual([
      'country', 'seizingAgencies', 'reportedValue', 'latitude', 'longitude', 'taxon', 'citesAppendix', 'sourceUrl',
    ]);
    expect(headerTarget('Kommentar des Sachbearbeiters')).toBeNull();
  });
});

describe('headersKey', () => {
  it('ignores order, case, accents and punctuation', () => {
    expect(headersKey(['Datum', 'Länge', 'Wert'])).toBe(headersKey([' wert', 'LANGE', 'datum']));
    expect(headersKey(['country_iso2', 'seizure_date'])).toBe('country iso2\tseizure date');
    expect(headersKey(['a', 'b'])).not.toBe(headersKey(['a', 'c']));
    expect(normaliseHeader('Länge (°)')).toBe('lange');
  });
});

describe('guessMapping', () => {
  it('guesses from values where the names say nothing', () => {
    const headers = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9'];
    const rows = [
      ['21.07.2019', 'SG', '1,274', '103,764', '8.8 t', 'USD', 'https://example.org/a', 'Wildlife', 'kg'],
      ['03.04.2019', 'VNM', '20,865', '106,683', '359 pcs', 'SGD', 'https://example.org/b', 'timber', 't'],
    ];
    expect(guessMapping(headers, rows)).toEqual({
      c1: 'seizureDate', c2: 'country', c3: 'latitude', c4: 'longitude', c5: 'quantityWithUnit', c6: 'reportedCurrency', c7: 'sourceUrl', c8: 'sector', c9: 'unit',
    });
  });

  it('recognises DMS and lettered coordinates and pairs by their values', () => {
    const rows = [["1°16'26\"N", "103°45'50\"E", '1.274, 103.764'], ['22.3526 N', '114.1266 E', '-4.05, 39.6667']];
    expect(guessMapping(['a', 'b', 'gps fix'], rows)).toEqual({ a: 'latitude', b: 'longitude', 'gps fix': 'coordinates' });
  });

  it('turns a header-named quantity with units into quantityWithUnit, and an "amount" only when it has units', () => {
    expect(guessMapping(['Menge'], [['8,8 t'], ['3500 kg']])).toEqual({ Menge: 'quantityWithUnit' });
    expect(guessMapping(['amount'], [['26 tonnes']])).toEqual({ amount: 'quantityWithUnit' });
    expect(guessMapping(['amount'], [['1000000']])).toEqual({ amount: 'ignore' });
  });

  it('gives each target to the first column only and names every column', () => {
    expect(guessMapping(['Datum', 'date', 'Bemerkung', 'x1'], [['2019-07-21', '2019-07-22', 'n', 'zzz']])).toEqual({
      Datum: 'seizureDate', date: 'ignore', Bemerkung: 'notes', x1: 'ignore',
    });
  });
});
