/** English reasons an identifier (IMO, MMSI, IBAN) is not valid; shared/domain/identifiers.ts. */
export const identifierMessages = {
  'identifier.imo-format': '“{input}” is not an IMO ship number: write IMO and 7 digits, e.g. IMO 9074729',
  'identifier.imo-check': '“{input}” is not a valid IMO number: its last digit should be {expected} (check digit). Check the number against the ship’s certificate or the IMO database',
  'identifier.mmsi-format': '“{input}” is not an MMSI: an MMSI has exactly 9 digits',
  'identifier.mmsi-prefix': '“{input}” is not an MMSI any station uses: ships start with 2 to 7, coast stations with 00, groups with 0, each followed by a country’s Maritime Identification Digits (201–775)',
  'identifier.iban-country': '“{input}” is not an IBAN: it must start with a two-letter country code, e.g. GB82 WEST 1234 5698 7654 32',
  'identifier.iban-length': '“{input}” has the wrong length for an IBAN of {country}',
  'identifier.iban-format': '“{input}” does not have the format of an IBAN of {country}',
  'identifier.iban-check': '“{input}” is not a valid IBAN: its check digits do not match (a digit may be mistyped)',
  'identifier.phone': '“{input}” is not an international phone number: write + and the country code, e.g. +65 6123 4567 (at most 15 digits)',
} as const;
