/**
 * The generated seizure CSV of bench P3 and of the 100,000-row import test
 * (test/service/import/import-volumes.test.ts): deterministic, every row valid and distinct (no
 * two rows match as duplicates), ISO dates and whole-number quantities so that no column's
 * reading is a guess.
 */

/** The header of {@link seizureCsv}. */
export const P3_HEADER = 'seizure_date,country,place,commodity,quantity,unit,sector';

/** Data rows `from` … `from + n - 1` of the generated file, joined by newlines (no header). */
export function seizureRows(n: number, from = 0): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const k = i + from;
    out.push(`2019-${String((k % 12) + 1).padStart(2, '0')}-${String((k % 28) + 1).padStart(2, '0')},SG,Port ${k % 50},pangolin scales,${k + 1},kg,wildlife`);
  }
  return out.join('\n');
}

/** A whole file of `n` data rows with its header. */
export function seizureCsv(n: number): string {
  return `${P3_HEADER}\n${seizureRows(n)}\n`;
}
