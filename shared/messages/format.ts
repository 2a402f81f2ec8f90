/**
 * Formats catalogue messages with ICU MessageFormat (intl-messageformat, FormatJS): plural rules,
 * numbers and dates follow the locale, so call sites pass values, never finished sentences, and
 * the app can be translated by adding a catalogue without touching them.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { en } from './en';

/** A message id of the catalogue, e.g. `error.not-found`. */
export type MessageId = keyof typeof en;

/** Values for a message's placeholders: `{count}`, `{name}`, `{when, date, medium}` … */
export type MessageValues = Record<string, string | number | Date | boolean | null | undefined>;

const catalogues: Record<string, Record<MessageId, string>> = { en };
let locale = 'en-GB';
const cache = new Map<string, IntlMessageFormat>();

/**
 * Sets the locale used for plurals, numbers and dates (BCP 47, e.g. `en-GB`, `fr-FR`). The text
 * comes from the catalogue of the locale's language, English when there is none.
 * @throws RangeError when `tag` is not a valid BCP 47 tag.
 */
export function setLocale(tag: string): void {
  locale = Intl.getCanonicalLocales(tag)[0] ?? 'en-GB';
  cache.clear();
}

/** The locale in use (BCP 47). */
export function currentLocale(): string {
  return locale;
}

/** True when `id` is a message id of the catalogue. */
export function isMessageId(id: unknown): id is MessageId {
  return typeof id === 'string' && Object.prototype.hasOwnProperty.call(en, id);
}

/**
 * The message `id` formatted with `values` in the current locale.
 * @throws Error when a placeholder the message needs is missing from `values` (a programming error).
 */
export function t(id: MessageId, values?: MessageValues): string {
  let fmt = cache.get(id);
  if (!fmt) {
    const lang = locale.split('-')[0] ?? 'en';
    const pattern = catalogues[lang]?.[id] ?? en[id];
    fmt = new IntlMessageFormat(pattern, locale, undefined, { ignoreTag: true });
    cache.set(id, fmt);
  }
  return String(fmt.format(values as Record<string, string | number | Date | boolean>));
}
