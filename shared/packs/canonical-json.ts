/**
 * Canonical JSON for signed pack files: object keys sorted by UTF-16 code units at every level, no
 * whitespace, numbers as ECMAScript writes them (shortest round-trip form, as RFC 8785 says). The same
 * value always gives the same bytes, so a manifest can be re-serialised and checked byte for byte,
 * and two exports of the same case state give identical data files. This is RFC 8785 (JCS) for
 * the values NEST writes: strings, booleans, null, arrays, objects and finite numbers.
 */

/**
 * Serialises `value` canonically.
 * @throws TypeError for what JSON cannot carry exactly: NaN or an infinity, a bigint,
 *   undefined inside an array, a function or symbol (a pack must not carry an approximation).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`canonical JSON carries finite numbers only, not ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return `[${value
      .map((v: unknown) => {
        if (v === undefined) throw new TypeError('canonical JSON cannot carry undefined in an array');
        return canonicalJson(v);
      })
      .join(',')}]`;
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    // Array.prototype.sort without a comparator orders strings by UTF-16 code units, which is
    // exactly RFC 8785's key order (no comparator to get subtly wrong).
    const keys = Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
  }
  throw new TypeError(`canonical JSON cannot carry a ${typeof value}`);
}

/** {@link canonicalJson} as UTF-8 bytes (what is hashed and signed). */
export function canonicalJsonBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(canonicalJson(value));
}

/**
 * {@link canonicalJson} of `value` with `value[key]` set to `items`, written through `write` one
 * item at a time with `each()` awaited after every item (so a long export can yield and report
 * progress, and never joins a 100,000-item array into one string; `items` may be built as they
 * are read): the pieces joined are byte for byte what `canonicalJson({ ...value, [key]: [...items] })` gives.
 * @throws TypeError as {@link canonicalJson}, and for an undefined item.
 */
export async function canonicalJsonPaced(value: Record<string, unknown>, key: string, items: Iterable<unknown>, each: () => Promise<void>, write: (text: string) => void): Promise<void> {
  // The items' place is marked by a string no serialised value contains as raw JSON structure:
  // canonicalJson escapes quotes inside strings, so `"key":"<mark>"` only matches the real key.
  const mark = `\u0000paced:${key}\u0000`;
  const around = canonicalJson({ ...value, [key]: mark });
  const slot = `${JSON.stringify(key)}:${JSON.stringify(mark)}`;
  const at = around.indexOf(slot);
  write(`${around.slice(0, at)}${JSON.stringify(key)}:[`);
  let separator = '';
  for (const item of items) {
    if (item === undefined) throw new TypeError('canonical JSON cannot carry undefined in an array');
    write(`${separator}${canonicalJson(item)}`);
    separator = ',';
    await each();
  }
  write(`]${around.slice(at + slot.length)}`);
}
