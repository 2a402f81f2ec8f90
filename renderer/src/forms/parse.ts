/**
 * Parsing what users type into numeric fields: a dot is the only decimal separator; commas and
 * spaces may group thousands ("1,274.5", "48 600 000"). "1,5" is refused rather than misread.
 */

/** The result of parsing a numeric text field: the number, null for blank, or an error message. */
export type ParsedNumber = { ok: true; value: number | null } | { ok: false; message: string };

/** Parses a decimal number; blank gives null. */
export function parseDecimal(text: string, example = '12.5'): ParsedNumber {
  const t = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (!t) return { ok: true, value: null };
  const plain = /^[-+]?\d+(\.\d+)?$/.test(t) || /^[-+]?\.\d+$/.test(t);
  const grouped = /^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t);
  if (!plain && !grouped) return { ok: false, message: `Must be a number written like ${example}` };
  const n = Number(t.replace(/,/g, ''));
  return Number.isFinite(n) ? { ok: true, value: n } : { ok: false, message: `Must be a number written like ${example}` };
}

/** Writes a number back into a text field ("" for null). */
export function numberText(n: number | null): string {
  return n === null ? '' : String(n);
}
