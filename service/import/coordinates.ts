/**
 * Coordinates as field GPS units, maps and officers write them, turned into WGS84 decimal degrees.
 *
 * One value ({@link parseCoordinate}):
 * - decimal degrees, with a decimal point or comma: 1.274, -4.05, 103,764 (a coordinate never has
 *   thousands separators, so a single ',' or '.' is always the decimal mark);
 * - with a hemisphere letter before or after: 22.3526 N, S 4.05 (N/S on latitudes, E/W on
 *   longitudes; a minus sign together with S or W is refused as contradictory);
 * - degrees-minutes-seconds: 1°16'26"N, 4° 3' 0" S, with ′ ″ (U+2032/2033), ’ ” or '' as
 *   minute/second marks and º or ˚ for the degree sign; also space- or colon-separated (1 16 26 N);
 * - degrees-decimal-minutes: 1°16.433'N.
 * Minutes and seconds must be below 60; latitudes lie in -90..90 and longitudes in -180..180.
 *
 * A pair in one cell ({@link parseCoordinatePair}): "1.274, 103.764", "1,274; 103,764",
 * "1°16'26"N 103°45'50"E". Without hemisphere letters the order is latitude first, as in
 * "lat, lon" (what Google Maps copies); with letters, E/W marks the longitude wherever it stands.
 */
import { fail, ok, type Parsed } from './parse-result';
import type { MessageId } from '../../shared/messages';

/** Which coordinate a value is: latitude (N/S, ±90) or longitude (E/W, ±180). */
export type Axis = 'lat' | 'lon';

/** Rewrites the many ways to type degree, minute and second marks into ° ' ". */
function normaliseMarks(raw: string): string {
  return raw
    .trim()
    .replace(/[º˚]/g, '°')
    .replace(/''|[″”“]/g, '"')
    .replace(/[′’‘`´]/g, "'")
    .replace(/\u2212/g, '-')
    .replace(/\s+/g, ' ');
}

const RANGE: Record<Axis, number> = { lat: 90, lon: 180 };
const RANGE_REASON = { lat: 'field.latitude-range', lon: 'field.longitude-range' } as const satisfies Record<Axis, MessageId>;

/** Reads the unsigned body of a coordinate: decimal degrees, DMS or DDM. */
function parseBody(body: string): Parsed<number> {
  const bad = fail<number>('import.not-a-coordinate', { value: body });
  // Up to three numbers, each followed by its mark (° ' ") or by a space or colon.
  const re = /(\d+(?:[.,]\d+)?)\s*([°'":])?\s*/y;
  const parts: { n: string; mark: string }[] = [];
  while (re.lastIndex < body.length) {
    const m = re.exec(body);
    if (!m || m[0] === '') return bad;
    parts.push({ n: m[1]!, mark: m[2] ?? '' });
  }
  if (parts.length === 0 || parts.length > 3) return bad;
  const expected = ['°', "'", '"'];
  if (parts.some((p, i) => p.mark !== '' && p.mark !== ':' && p.mark !== expected[i])) return bad;
  // Only the last number may have a fraction: 1°16.433' is fine, 1.5°16' is not.
  if (parts.slice(0, -1).some((p) => /[.,]/.test(p.n))) return bad;
  const [d, mi = 0, se = 0] = parts.map((p) => Number(p.n.replace(',', '.')));
  if (mi >= 60) return fail('import.minutes-too-large', { value: body });
  if (se >= 60) return fail('import.seconds-too-large', { value: body });
  return ok(d! + mi / 60 + se / 3600);
}

/** Rounds to 8 decimals (about 1 mm), so that 1°16'26" prints as 1.27388889, not 1.2738888888888889. */
const round8 = (n: number) => Math.round(n * 1e8) / 1e8;

/**
 * Parses one latitude or longitude (see the module comment for the forms) into WGS84 decimal
 * degrees. Returns a reason for unreadable values, a wrong hemisphere letter, or a value out of range.
 */
export function parseCoordinate(raw: string, axis: Axis): Parsed<number> {
  let s = normaliseMarks(raw);
  if (s === '') return fail('import.empty');
  let hemi = '';
  const lead = /^([NSEW])\s*([\d+-].*)$/i.exec(s);
  const trail = /^(.*?[\d°'"])\s*([NSEW])$/i.exec(s);
  if (lead) [hemi, s] = [lead[1]!.toUpperCase(), lead[2]!];
  else if (trail) [s, hemi] = [trail[1]!, trail[2]!.toUpperCase()];
  let negative = false;
  if (/^[+-]/.test(s)) {
    negative = s[0] === '-';
    s = s.slice(1).trim();
  }
  if (hemi) {
    if (axis === 'lat' && !'NS'.includes(hemi)) return fail('import.hemisphere-not-latitude', { value: raw.trim(), hemisphere: hemi });
    if (axis === 'lon' && !'EW'.includes(hemi)) return fail('import.hemisphere-not-longitude', { value: raw.trim(), hemisphere: hemi });
    if (negative && (hemi === 'S' || hemi === 'W')) return fail('import.sign-and-hemisphere', { value: raw.trim(), hemisphere: hemi });
    if (hemi === 'S' || hemi === 'W') negative = true;
  }
  const body = parseBody(s);
  if (!body.ok) return body.messageId === 'import.not-a-coordinate' ? fail('import.not-a-coordinate', { value: raw.trim() }) : body;
  const value = round8(negative ? -body.value : body.value);
  if (Math.abs(value) > RANGE[axis]) return fail(RANGE_REASON[axis]);
  return ok(value === 0 ? 0 : value);
}

/** Splits a pair cell into its two halves, or null when it cannot be split unambiguously. */
function splitPair(s: string): [string, string] | null {
  if (s.includes(';')) {
    const parts = s.split(';');
    return parts.length === 2 ? [parts[0]!, parts[1]!] : null;
  }
  const letters = [...s.matchAll(/[NSEW]/gi)].map((m) => m.index);
  if (letters.length === 2) {
    // "N 1.2 E 103.7": cut before the second letter; "1.2 N, 103.7 E": cut after the first.
    const cut = letters[0] === 0 ? letters[1]! : letters[0]! + 1;
    return [s.slice(0, cut).replace(/[\s,]+$/, ''), s.slice(cut).replace(/^[\s,]+/, '')];
  }
  const commaSpace = s.split(/\s*,\s+/);
  if (commaSpace.length === 2) return [commaSpace[0]!, commaSpace[1]!];
  const commas = s.split(',');
  if (commas.length === 2) return [commas[0]!, commas[1]!];
  const spaced = s.split(' ');
  if (spaced.length === 2) return [spaced[0]!, spaced[1]!];
  return null;
}

/**
 * The latitude and longitude halves of a pair cell, as written (marks normalised, trimmed,
 * latitude first), or null when the cell cannot be split unambiguously. The column-level
 * hemisphere rule (coordinate-format.ts) looks at these halves as it does at separate columns.
 */
export function pairHalves(raw: string): [lat: string, lon: string] | null {
  const halves = splitPair(normaliseMarks(raw).replace(/^[([]\s*|\s*[)\]]$/g, ''));
  if (!halves) return null;
  const [a, b] = halves.map((h) => h.trim()) as [string, string];
  return /[EW]\s*$|^[EW]/i.test(a) && /[NS]\s*$|^[NS]/i.test(b) ? [b, a] : [a, b];
}

/**
 * Parses "latitude, longitude" written in one cell (see the module comment). Returns WGS84
 * decimal degrees, or a reason naming the half that failed.
 */
export function parseCoordinatePair(raw: string): Parsed<{ latitude: number; longitude: number }> {
  const halves = pairHalves(raw);
  if (!halves) return fail('import.not-a-pair', { value: raw.trim() });
  const [a, b] = halves;
  const lat = parseCoordinate(a, 'lat');
  if (!lat.ok) return fail('import.latitude-reason', { reason: lat.reason });
  const lon = parseCoordinate(b, 'lon');
  if (!lon.ok) return fail('import.longitude-reason', { reason: lon.reason });
  return ok({ latitude: lat.value, longitude: lon.value });
}
