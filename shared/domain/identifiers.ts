/**
 * Strong identifiers of the people, companies, vessels and accounts in a case: the values that
 * link records across cases (issue 12: "also in case X"). Each parser takes what a user typed or
 * a file held, and returns either the one canonical form (so two cases that name the same vessel
 * produce the same key) or the reason it is not valid, as a catalogue message id with values.
 * Nothing is guessed: a value with a wrong check digit is refused, not "corrected".
 *
 * - IMO ship number: "IMO" + 7 digits, the 7th a check digit (IMO Resolution A.1117(30), annex:
 *   the first six digits times 7, 6, 5, 4, 3, 2; the sum's last digit is the 7th). IMO company and
 *   registered-owner numbers use the same 7 digits with a different check and are not accepted here.
 * - MMSI: 9 digits; its leading digits say what transmits it (ITU-R M.585-9, annex 1): a ship
 *   (first digit 2–7, the first three its Maritime Identification Digits), a group of ships (0), a
 *   coast station (00), a search-and-rescue aircraft (111), a handheld VHF (8), an aid to
 *   navigation (99), an AIS-SART (970), man-overboard device (972) or EPIRB (974). Where the
 *   format carries Maritime Identification Digits (all but 970/972/974), they start with 2–7.
 * - IBAN: checked by `ibantools` (ISO 13616: the country's length and format and the mod-97 check
 *   digits), kept in electronic form without spaces.
 * - Names: folded for matching only (never shown): Unicode compatibility decomposition, accents
 *   and punctuation removed, lower case, single spaces. A match on a name alone is weaker than a
 *   match on an identifier, and the index says so.
 */
import { validateIBAN, ValidationErrorsIBAN } from 'ibantools';

/** A failed parse: why, as a catalogue message id (`identifier.…`) with its values. */
export interface IdentifierProblem {
  ok: false;
  id: string;
  values: Record<string, string | number>;
}

/** A parsed identifier in canonical form. */
export interface ParsedIdentifier<K extends string = string> {
  ok: true;
  /** The canonical value, e.g. "9074729", "GB82WEST12345698765432". */
  value: string;
  /** What the identifier names, where the format says (e.g. MMSI "ship", IBAN country "GB"). */
  kind: K;
}

/** Either the canonical identifier or why the input is not one. */
export type IdentifierResult<K extends string = string> = ParsedIdentifier<K> | IdentifierProblem;

function problem(id: string, values: Record<string, string | number>): IdentifierProblem {
  return { ok: false, id, values };
}

/** The check digit of an IMO ship number from its first six digits (later characters are ignored; see the module comment). */
export function imoCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < 6; i++) sum += Number(digits[i]) * (7 - i);
  return sum % 10;
}

/**
 * Parses an IMO ship identification number: "IMO 9074729", "imo9074729", "9074729".
 * @returns the 7 digits, kind "ship"; or `identifier.imo-format` (not 7 digits) /
 *          `identifier.imo-check` (the 7th digit does not match; values: expected digit).
 */
export function parseImo(input: string): IdentifierResult<'ship'> {
  const text = input.trim();
  const m = /^(?:IMO[\s:.-]*)?(\d{7})$/i.exec(text);
  if (!m) return problem('identifier.imo-format', { input: text });
  const digits = m[1]!;
  const expected = imoCheckDigit(digits);
  if (Number(digits[6]) !== expected) return problem('identifier.imo-check', { input: text, expected });
  return { ok: true, value: digits, kind: 'ship' };
}

/** What an MMSI's leading digits say transmits it (ITU-R M.585-9). */
export type MmsiKind = 'ship' | 'group' | 'coast-station' | 'sar-aircraft' | 'handheld' | 'aid-to-navigation' | 'sart' | 'man-overboard' | 'epirb';

/**
 * Parses a Maritime Mobile Service Identity: 9 digits (spaces allowed between groups).
 * @returns the 9 digits and what transmits them; or `identifier.mmsi-format` (not 9 digits) /
 *          `identifier.mmsi-prefix` (leading digits no station type uses, e.g. 1 or 97x other than 970/972/974).
 */
export function parseMmsi(input: string): IdentifierResult<MmsiKind> {
  const text = input.trim();
  const digits = text.replace(/[\s-]/g, '');
  if (!/^\d{9}$/.test(digits)) return problem('identifier.mmsi-format', { input: text });
  const kind = mmsiKind(digits);
  if (!kind) return problem('identifier.mmsi-prefix', { input: text });
  return { ok: true, value: digits, kind };
}

function mmsiKind(d: string): MmsiKind | null {
  const kind = mmsiPrefixKind(d);
  // Where the format carries Maritime Identification Digits, they start with 2–7 (ITU-R M.585-9):
  // "000000000" names no coast station (tester F-ENT-1).
  return kind && (MID_AT[kind] === undefined || /[2-7]/.test(d[MID_AT[kind]]!)) ? kind : null;
}

/** Where the MID starts in each station type's MMSI (SART, MOB and EPIRB numbers carry none). */
const MID_AT: Partial<Record<MmsiKind, number>> = { ship: 0, group: 1, 'coast-station': 2, 'sar-aircraft': 3, handheld: 1, 'aid-to-navigation': 2 };

function mmsiPrefixKind(d: string): MmsiKind | null {
  if (d.startsWith('00')) return 'coast-station';
  if (d.startsWith('0')) return 'group';
  if (d.startsWith('111')) return 'sar-aircraft';
  if (d.startsWith('970')) return 'sart';
  if (d.startsWith('972')) return 'man-overboard';
  if (d.startsWith('974')) return 'epirb';
  if (d.startsWith('99')) return 'aid-to-navigation';
  if (d.startsWith('8')) return 'handheld';
  if (/^[2-7]/.test(d)) return 'ship';
  return null;
}

/**
 * Parses an International Bank Account Number ("GB82 WEST 1234 5698 7654 32", any case).
 * @returns the electronic form and its ISO 3166 country as kind; or `identifier.iban-country`
 *          (no known country), `identifier.iban-length`, `identifier.iban-format`,
 *          `identifier.iban-check` (mod-97 check digits wrong).
 */
export function parseIban(input: string): IdentifierResult<string> {
  const text = input.trim();
  // The electronic form, as ibantools' electronicFormatIBAN makes it: no spaces or dashes, capitals.
  const electronic = text.replace(/[\s-]/g, '').toUpperCase();
  const { valid, errorCodes } = validateIBAN(electronic);
  if (valid) return { ok: true, value: electronic, kind: electronic.slice(0, 2) };
  const first = errorCodes[0];
  if (first === ValidationErrorsIBAN.NoIBANCountry || first === ValidationErrorsIBAN.NoIBANProvided) return problem('identifier.iban-country', { input: text });
  if (first === ValidationErrorsIBAN.WrongBBANLength) return problem('identifier.iban-length', { input: text, country: electronic.slice(0, 2) });
  if (first === ValidationErrorsIBAN.WrongIBANChecksum || first === ValidationErrorsIBAN.WrongAccountBankBranchChecksum) return problem('identifier.iban-check', { input: text });
  return problem('identifier.iban-format', { input: text, country: electronic.slice(0, 2) });
}

/**
 * A name folded for matching (never for display): "Ngọc Phát Co., Ltd." → "ngoc phat co ltd".
 * Empty when nothing but punctuation or spaces remains.
 */
export function foldName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/gi, 'd')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
