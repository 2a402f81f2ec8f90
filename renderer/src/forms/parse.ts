/**
 * Parsing what users type into numeric fields: a dot is the only decimal separator; commas and
 * spaces may group thousands ("1,274.5", "48 600 000"). "1,5" is refused rather than misread.
 */
import { t } from '../../../shared/messages';

/** The result of parsing a numeric text field: the number, null for blank, or an error message. */
export type ParsedNumber = { ok: true; value: number | null } | { ok: false; message: string };

/** Parses a decimal number; blank gives null. */
export function parseDecimal(text: string, example = '12.5'): ParsedNumber {
  const s = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (!s) return { ok: true, value: null };
  const plain = /^[-+]?\d+(\.\d+)?$/.test(s) || /^[-+]?\.\d+$/.test(s);
  const grouped = /^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s);
  const n = Number(s.replace(/,/g, ''));
  return (plain || grouped) && Number.isFinite(n) ? { ok: true, value: n } : { ok: false, message: t('ui.forms.number-like', { example }) };
}

/** Writes a number back into a text field ("" for null). */
export function numberText(n: number | null): string {
  return n === null ? '' : String(n);
}
