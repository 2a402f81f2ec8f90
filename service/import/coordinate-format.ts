/**
 * How a latitude or longitude column writes its hemisphere, decided from the whole column.
 *
 * A column of GPS readings such as "4.05 S", "3.98 S", "4.1" is a trap: the last cell has no
 * letter, and reading it as 4.1 N puts the seizure some 900 km from the others. When some cells
 * of a column carry S or W (the negative hemispheres) and others carry neither a letter nor a
 * sign, the unlettered cells depend on a guess; they are listed so their rows are refused with a
 * fix instead of being imported on the wrong side of the equator or meridian. A column that only
 * uses N and E letters has nothing to guess: an unlettered positive value reads the same.
 */

/** The outcome for one coordinate column. */
export interface CoordinateFormatDecision {
  /** 'guess' when unlettered, unsigned cells sit in a column that writes S or W letters. */
  decidedBy: 'cells' | 'guess';
  /** Up to 5 distinct unlettered cells (trimmed) of a 'guess' column. */
  ambiguous: string[];
}

const LETTER = /^\s*[NSEW]|[NSEW]\s*$/i;
const NEGATIVE_LETTER = /^\s*[SW]|[SW]\s*$/i;

/** True when `raw` is a coordinate written with neither a hemisphere letter nor a sign ("4.05", "4° 3' 0\""). */
export function lacksHemisphere(raw: string): boolean {
  const s = raw.trim();
  return /^\d/.test(s) && !LETTER.test(s);
}

/** Decides whether the unlettered cells of a coordinate column depend on a guess (see the module comment). */
export function coordinateFormat(values: readonly string[]): CoordinateFormatDecision {
  if (!values.some((v) => NEGATIVE_LETTER.test(v.trim()))) return { decidedBy: 'cells', ambiguous: [] };
  const unlettered = [...new Set(values.filter(lacksHemisphere).map((v) => v.trim()))];
  return unlettered.length ? { decidedBy: 'guess', ambiguous: unlettered.slice(0, 5) } : { decidedBy: 'cells', ambiguous: [] };
}

