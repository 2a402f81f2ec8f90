/**
 * A value from a user's file, cut for a message: a 5 MB cell must not print 5 MB to a terminal or
 * into a table cell (tester finding: 131 KB of "AAAA…" in one CLI line). Used by the import CLI and
 * by the renderer's rejected-rows table, so both cut the same way.
 */
import { t } from './format';

/** How many characters of a long value a message keeps. */
export const QUOTED_VALUE_MAX = 80;

/**
 * `value` as it is when it has at most `max` characters (code points); otherwise its first `max`
 * characters followed by "… (N characters)", N being the whole value's length, from the catalogue.
 */
export function quoteValue(value: string, max: number = QUOTED_VALUE_MAX): string {
  if (value.length <= max) return value;
  const chars = Array.from(value);
  if (chars.length <= max) return value;
  return t('format.value-cut', { start: chars.slice(0, max).join(''), count: chars.length });
}
