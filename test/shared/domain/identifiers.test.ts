/**
 * Strong identifiers: IMO numbers (check digit), MMSI (station types by leading digits), IBAN
 * (ISO 13616 via ibantools) and folded names, with real values from public registers.
 */
import { describe, expect, it } from 'vitest';
import { foldName, imoCheckDigit, parseIban, parseImo, parseMmsi } from '../../../shared/domain/identifiers';
import { t } from '../../../shared/messages';

describe('IMO ship numbers', () => {
  it('computes the check digit: 9074729 (IMO’s own worked example) and real ships', () => {
    // 9×7 + 0×6 + 7×5 + 4×4 + 7×3 + 2×2 = 139 → 9
    expect(imoCheckDigit('907472')).toBe(9);
    expect(imoCheckDigit('932148')).toBe(3); // 9321483: 63+18+10+4+12+16 = 123
    expect(imoCheckDigit('000000')).toBe(0);
    expect(imoCheckDigit('111111')).toBe(7); // 7+6+5+4+3+2 = 27
    expect(imoCheckDigit('999999')).toBe(3); // 9×27 = 243
  });

  it('accepts the usual spellings and returns the 7 digits', () => {
    for (const s of ['IMO 9074729', 'imo9074729', 'IMO: 9074729', 'IMO-9074729', ' 9074729 ', 'IMO.9074729']) {
      expect(parseImo(s)).toEqual({ ok: true, value: '9074729', kind: 'ship' });
    }
  });

  it('refuses a wrong check digit and says which digit it should be, without correcting it', () => {
    expect(parseImo('IMO 9074728')).toEqual({ ok: false, id: 'identifier.imo-check', values: { input: 'IMO 9074728', expected: 9 } });
    expect(parseImo('9321484')).toMatchObject({ ok: false, id: 'identifier.imo-check', values: { expected: 3 } });
  });

  it('refuses anything that is not 7 digits', () => {
    for (const s of ['907472', '90747290', 'IMO 907472A', 'MMSI 9074729', '', 'IMO', '9074 729']) {
      expect(parseImo(s)).toEqual({ ok: false, id: 'identifier.imo-format', values: { input: s } });
    }
    expect(parseImo('  IMO 12 ')).toEqual({ ok: false, id: 'identifier.imo-format', values: { input: 'IMO 12' } });
  });

  it('explains the refusal in a sentence', () => {
    const r = parseImo('IMO 9074728');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(t(r.id as 'identifier.imo-check', r.values)).toBe('“IMO 9074728” is not a valid IMO number: its last digit should be 9 (check digit). Check the number against the ship’s certificate or the IMO database');
  });
});

describe('MMSI', () => {
  it('names the station type from the leading digits (ITU-R M.585-9)', () => {
    const cases: [string, string][] = [
      ['563012345', 'ship'], // 563: Singapore
      ['203123456', 'ship'],
      ['775999999', 'ship'],
      ['056312345', 'group'],
      ['005631234', 'coast-station'],
      ['111563123', 'sar-aircraft'],
      ['970123456', 'sart'],
      ['972123456', 'man-overboard'],
      ['974123456', 'epirb'],
      ['992351234', 'aid-to-navigation'],
      ['856312345', 'handheld'],
    ];
    for (const [mmsi, kind] of cases) expect([mmsi, parseMmsi(mmsi)]).toEqual([mmsi, { ok: true, value: mmsi, kind }]);
  });

  it('accepts grouped digits and returns the 9 digits', () => {
    expect(parseMmsi(' 563 012 345 ')).toEqual({ ok: true, value: '563012345', kind: 'ship' });
    expect(parseMmsi('563-012-345')).toEqual({ ok: true, value: '563012345', kind: 'ship' });
  });

  it('refuses other lengths and prefixes no station uses', () => {
    for (const s of ['56301234', '5630123456', 'ABCDEFGHI', '']) expect(parseMmsi(s)).toEqual({ ok: false, id: 'identifier.mmsi-format', values: { input: s } });
    for (const s of ['112345678', '123456789', '975123456', '981234567', '912345678']) expect(parseMmsi(s)).toEqual({ ok: false, id: 'identifier.mmsi-prefix', values: { input: s } });
    // The prefix is right but the Maritime Identification Digits after it are not 2xx–7xx (tester F-ENT-1: 000000000).
    for (const s of ['000000000', '001234567', '008631234', '012345678', '091234567', '111123456', '111812345', '812345678', '899999999', '991234567', '998123456'])
      expect([s, parseMmsi(s)]).toEqual([s, { ok: false, id: 'identifier.mmsi-prefix', values: { input: s } }]);
    // MID boundaries 2 and 7 at each position, and the numbers that carry no MID.
    for (const [s, kind] of [['002123456', 'coast-station'], ['007123456', 'coast-station'], ['021234567', 'group'], ['071234567', 'group'], ['111212345', 'sar-aircraft'], ['111712345', 'sar-aircraft'], ['821234567', 'handheld'], ['871234567', 'handheld'], ['992123456', 'aid-to-navigation'], ['997123456', 'aid-to-navigation'], ['970000000', 'sart'], ['972000000', 'man-overboard'], ['974000000', 'epirb']] as const)
      expect([s, parseMmsi(s)]).toEqual([s, { ok: true, value: s, kind }]);
    // The reason quotes what was typed, trimmed.
    expect(parseMmsi('  5630 ')).toEqual({ ok: false, id: 'identifier.mmsi-format', values: { input: '5630' } });
  });
});

describe('IBAN', () => {
  it('accepts valid IBANs in print or electronic form and returns the electronic form and country', () => {
    expect(parseIban('GB82 WEST 1234 5698 7654 32')).toEqual({ ok: true, value: 'GB82WEST12345698765432', kind: 'GB' });
    expect(parseIban('de89370400440532013000')).toEqual({ ok: true, value: 'DE89370400440532013000', kind: 'DE' });
    expect(parseIban('NL91ABNA0417164300')).toEqual({ ok: true, value: 'NL91ABNA0417164300', kind: 'NL' });
  });

  it('tells a mistyped digit, a wrong length, a wrong format and a missing country apart', () => {
    expect(parseIban('GB82 WEST 1234 5698 7654 33')).toEqual({ ok: false, id: 'identifier.iban-check', values: { input: 'GB82 WEST 1234 5698 7654 33' } });
    expect(parseIban('GB82WEST123456987654')).toEqual({ ok: false, id: 'identifier.iban-length', values: { input: 'GB82WEST123456987654', country: 'GB' } });
    expect(parseIban('GB82WEST1234569876543X')).toMatchObject({ ok: false, id: 'identifier.iban-format', values: { country: 'GB' } });
    expect(parseIban(' XX82WEST12345698765432 ')).toEqual({ ok: false, id: 'identifier.iban-country', values: { input: 'XX82WEST12345698765432' } });
    // Valid mod-97 check digits, wrong Belgian national check digits (the last two: first ten mod 97).
    expect(parseIban('BE41539007547035')).toEqual({ ok: false, id: 'identifier.iban-check', values: { input: 'BE41539007547035' } });
    expect(parseIban('BE68-5390-0754-7034')).toEqual({ ok: true, value: 'BE68539007547034', kind: 'BE' });
    expect(parseIban('')).toMatchObject({ ok: false, id: 'identifier.iban-country' });
    expect(parseIban('12345678')).toMatchObject({ ok: false, id: 'identifier.iban-country' });
  });
});

describe('foldName', () => {
  it('folds case, accents, Vietnamese đ, ß and punctuation for matching', () => {
    expect(foldName('Ngọc Phát Co., Ltd.')).toBe('ngoc phat co ltd');
    expect(foldName('Công ty TNHH Đại Dương')).toBe('cong ty tnhh dai duong');
    expect(foldName('  STRAßE   Müller-Lüdenscheidt ')).toBe('strasse muller ludenscheidt');
    expect(foldName('ＡＢＣ　Ｔｒａｄｉｎｇ')).toBe('abc trading'); // full-width forms
    expect(foldName('O’Brien & Sons (Pty)')).toBe('o brien sons pty');
    expect(foldName('Ali Mohamed')).toBe(foldName('ALI  MOHAMED'));
    expect(foldName('--- ...')).toBe('');
  });
});
