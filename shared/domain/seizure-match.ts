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

/** Lowercase, accents stripped, runs of space and punctuation made one space. */
function norm(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s\p{P}]+/gu, ' ')
    .trim();
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
 * The incoming seizures (by index in `incoming`) that match a stored one (first match wins) or an
 * earlier incoming one. Linear in the sizes of both lists.
 */
export function findDuplicates(existing: readonly (MatchFields & { id: string })[], incoming: readonly MatchFields[]): Duplicate[] {
  const stored = new Map<string, string>();
  for (const s of existing) for (const k of matchKeys(s)) if (!stored.has(k)) stored.set(k, s.id);
  const seen = new Map<string, number>();
  const out: Duplicate[] = [];
  incoming.forEach((f, index) => {
    const keys = matchKeys(f);
    const hit = keys.map((k) => stored.get(k)).find((id) => id !== undefined);
    if (hit !== undefined) out.push({ index, existingId: hit });
    else {
      const earlier = keys.map((k) => seen.get(k)).find((i) => i !== undefined);
      if (earlier !== undefined) out.push({ index, earlierIndex: earlier });
    }
    for (const k of keys) if (!seen.has(k)) seen.set(k, index);
  });
  return out;
}
