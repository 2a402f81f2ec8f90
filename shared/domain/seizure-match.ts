/**
 * When two seizures are "the same": same date (at its precision), country, place, commodity and
 * quantity with unit (issue 11, item 3: re-importing rows that are already in a case warns and
 * offers to skip them). The place is the point rounded to 3 decimals (about 110 m at the equator)
 * when both have coordinates, else the place name (an empty name with coordinates matches by the
 * point only, so "no place, no point" and "a point" are different places); text is compared case-, accent- and
 * space-insensitively. A match is a warning for a person to decide on, never a silent merge.
 */
import type { SeizureFields } from './seizure';

/** The fields a match compares. */
export type MatchFields = Pick<SeizureFields, 'seizureDate' | 'datePrecision' | 'country' | 'place' | 'latitude' | 'longitude' | 'commodity' | 'quantity' | 'unit'>;

/** The {@link MatchFields} of `s` alone, in a fresh object (so a caller can keep them without the whole record). */
export function matchFieldsOf(s: MatchFields): MatchFields {
  return {
    seizureDate: s.seizureDate,
    datePrecision: s.datePrecision,
    country: s.country,
    place: s.place,
    latitude: s.latitude,
    longitude: s.longitude,
    commodity: s.commodity,
    quantity: s.quantity,
    unit: s.unit,
  };
}

/** A stored seizure as a duplicate check keeps it: its id and {@link MatchFields} alone. */
export type StoredMatch = MatchFields & { id: string };

/** The id and {@link MatchFields} of `s` alone, in a fresh object (a reader of a whole case keeps these, not the records). */
export function storedMatchOf(s: StoredMatch): StoredMatch {
  return { id: s.id, ...matchFieldsOf(s) };
}

/**
 * Texts already normalised by {@link norm}, and what they gave: a file's commodities and places
 * repeat from row to row, and the Unicode normalisation and two regular expressions cost more
 * than a lookup. Bounded (emptied when full), so a file of unique texts does not keep them all.
 */
const normalised = new Map<string, string>();
/** The most texts {@link normalised} keeps. */
const NORMALISED_MAX = 10_000;

/** Lowercase, accents stripped, runs of space and punctuation made one space. */
function norm(s: string): string {
  let out = normalised.get(s);
  if (out !== undefined) return out;
  out = s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s\p{P}]+/gu, ' ')
    .trim();
  if (normalised.size >= NORMALISED_MAX) normalised.clear();
  normalised.set(s, out);
  return out;
}

/** The date's meaningful part at its precision (YYYY, YYYY-MM or YYYY-MM-DD). */
function datePart(f: MatchFields): string {
  return f.datePrecision === 'year' ? f.seizureDate.slice(0, 4) : f.datePrecision === 'month' ? f.seizureDate.slice(0, 7) : f.seizureDate;
}

/**
 * The keys a seizure matches under: one by place name and, when it has coordinates, one by point,
 * so a row with coordinates matches a stored seizure with the same point even when the place
 * names are written differently.
 */
export function matchKeys(f: MatchFields): string[] {
  const base = [datePart(f), f.country, norm(f.commodity), f.quantity === null ? '' : String(f.quantity), f.unit];
  const located = f.latitude !== null && f.longitude !== null;
  const place = norm(f.place);
  // An empty place name says nothing about a point: a row with coordinates and none is not "the
  // same place" as a row with neither (tester finding), so it matches by its point only.
  const keys = place || !located ? [[...base, 'name', place].join('\u0001')] : [];
  if (located) keys.push([...base, 'point', f.latitude!.toFixed(3), f.longitude!.toFixed(3)].join('\u0001'));
  return keys;
}

/** One incoming row that matches: the stored seizure's id, or the earlier row of the same file. */
export type Duplicate = { index: number; existingId: string } | { index: number; earlierIndex: number };

/**
 * The duplicate check of one import, row by row in file order (an import streamed as it is read
 * checks each batch as it arrives): a row matches a stored seizure (first match wins) or an
 * earlier row given to the same finder. Each row costs its keys' lookups: linear in the file.
 */
export class DuplicateFinder {
  private readonly stored = new Map<string, string>();
  private readonly seen = new Map<string, number>();

  /** `existing`: the stored seizures (live ones) the rows are checked against. */
  constructor(existing: readonly StoredMatch[]) {
    for (const s of existing) for (const k of matchKeys(s)) if (!this.stored.has(k)) this.stored.set(k, s.id);
  }

  /** Checks row `index` (rows are given in increasing index order), or null when it matches nothing. */
  check(index: number, f: MatchFields): Duplicate | null {
    const keys = matchKeys(f);
    let out: Duplicate | null = null;
    const hit = keys.map((k) => this.stored.get(k)).find((id) => id !== undefined);
    if (hit !== undefined) out = { index, existingId: hit };
    else {
      const earlier = keys.map((k) => this.seen.get(k)).find((i) => i !== undefined);
      if (earlier !== undefined) out = { index, earlierIndex: earlier };
    }
    for (const k of keys) if (!this.seen.has(k)) this.seen.set(k, index);
    return out;
  }
}

/**
 * The incoming seizures (by index in `incoming`) that match a stored one (first match wins) or an
 * earlier incoming one. Linear in the sizes of both lists.
 */
export function findDuplicates(existing: readonly StoredMatch[], incoming: readonly MatchFields[]): Duplicate[] {
  const finder = new DuplicateFinder(existing);
  const out: Duplicate[] = [];
  incoming.forEach((f, index) => {
    const d = finder.check(index, f);
    if (d) out.push(d);
  });
  return out;
}
