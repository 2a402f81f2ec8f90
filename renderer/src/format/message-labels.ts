/**
 * Label tables read from the message catalogue when they are read, not when the module loads, so
 * a table such as `DATE_PRECISION_LABELS.day` follows the locale and keeps its plain-object shape
 * (`labels[code]` is a string) for the screens that use it.
 */
import { t, type MessageId } from '../../../shared/messages';

/**
 * A read-only table `code → label` whose values are the catalogue messages `ids[code]`,
 * formatted at each read.
 */
export function messageLabels<K extends string>(ids: Readonly<Record<K, MessageId>>): Readonly<Record<K, string>> {
  const out = {} as Record<K, string>;
  for (const key of Object.keys(ids) as K[]) {
    Object.defineProperty(out, key, { enumerable: true, get: () => t(ids[key]) });
  }
  return Object.freeze(out);
}
