/** Encoding detection: UTF-8 with and without BOM, UTF-16 LE/BE, Windows-1252 from Excel, XML declarations. */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../service/import/decode';
import { parseImportFile } from '../../../service/import';

const GERMAN = 'Datum;Land;Breite;Länge;Ware;Menge;Einheit;Wert;Währung\r\n21.07.2019;SG;1,274;103,764;Elfenbein;8,8;t;17600000;SGD\r\n';

describe('decodeText', () => {
  it('reads UTF-8 with and without BOM', () => {
    expect(decodeText(iconv.encode(`\ufeff${GERMAN}`, 'utf-8'))).toEqual({ text: GERMAN, encoding: 'utf-8' });
    expect(decodeText(iconv.encode(GERMAN, 'utf-8'))).toEqual({ text: GERMAN, encoding: 'utf-8' });
  });

  it('reads UTF-16 LE with BOM (Excel "Unicode text") and strips the BOM', () => {
    const bytes = iconv.encode(`\ufeff${GERMAN}`, 'utf-16le');
    expect([bytes[0], bytes[1]]).toEqual([0xff, 0xfe]);
    expect(decodeText(bytes)).toEqual({ text: GERMAN, encoding: 'utf-16le' });
  });

  it('reads UTF-16 BE with BOM and UTF-16 LE without one', () => {
    expect(decodeText(iconv.encode(`\ufeff${GERMAN}`, 'utf-16be'))).toEqual({ text: GERMAN, encoding: 'utf-16be' });
    expect(decodeText(iconv.encode(GERMAN, 'utf-16le'))).toEqual({ text: GERMAN, encoding: 'utf-16le' });
  });

  it("reads a Windows-1252 file with a 'Länge' header", () => {
    const bytes = iconv.encode(GERMAN, 'windows-1252');
    expect(bytes.includes(0xe4)).toBe(true); // ä as one byte: not UTF-8
    expect(decodeText(bytes)).toEqual({ text: GERMAN, encoding: 'windows-1252' });
  });

  it('reads Windows-1252 characters that ISO-8859-1 lacks (€, typographic quotes, en dash)', () => {
    const text = 'commodity;notes\r\nÉcailles de pangolin;Saisie à l’aéroport – 17 600 000 €\r\n';
    expect(decodeText(iconv.encode(text, 'windows-1252'))).toEqual({ text, encoding: 'windows-1252' });
  });

  it('follows the XML declaration of a non-UTF-8 KML file', () => {
    const kml = '<?xml version="1.0" encoding="ISO-8859-15"?><kml><Document><name>Hafen Köln €</name></Document></kml>';
    const r = decodeText(iconv.encode(kml, 'iso-8859-15'));
    expect(r.encoding).toBe('iso-8859-15');
    expect(r.text).toBe(kml);
  });
});

describe('parseImportFile with other encodings', () => {
  it("maps the 'Länge' header of a Windows-1252 file and reads its rows", () => {
    const parsed = parseImportFile({ fileName: 'export.csv', bytes: iconv.encode(GERMAN, 'windows-1252') });
    expect(parsed.encoding).toBe('windows-1252');
    expect(parsed.headers[3]).toBe('Länge');
    expect(parsed.mapping['Länge']).toBe('longitude');
    expect(parsed.mapping['Währung']).toBe('reportedCurrency');
    expect(parsed.seizures[0]!.fields).toMatchObject({ latitude: 1.274, longitude: 103.764, quantity: 8.8, unit: 't', reportedCurrency: 'SGD' });
  });

  it('reads a UTF-16 LE file with BOM', () => {
    const parsed = parseImportFile({ fileName: 'export.txt', bytes: iconv.encode(`\ufeff${GERMAN.replace(/;/g, '\t')}`, 'utf-16le') });
    expect(parsed.encoding).toBe('utf-16le');
    expect(parsed.delimiter).toBe('\t');
    expect(parsed.headers[0]).toBe('Datum');
    expect(parsed.report.imported).toBe(1);
    expect(parsed.seizures[0]!.fields.longitude).toBe(103.764);
  });
});
