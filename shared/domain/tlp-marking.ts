/**
 * The TLP marking an export carries inside its file (issue 11, item 5) and the order of TLP
 * levels: one home for the rule that writes "TLP:RED — NEST-2026-0009 seizures — …" (the CSV's
 * first line, the GeoJSON's `marking` member, the KML Document's name: `export.tlp-marking`) and
 * the rule that reads it back on import, so a file's marking is honoured on its way back in.
 */
import { TLP_MARKINGS, type Tlp } from './codes';

/**
 * A marking at the start of a text: "TLP:" and a TLP 2.0 level (TLP 1.0's WHITE reads as CLEAR,
 * its successor), optionally inside a CSV cell's opening quote, then the end or a non-word character.
 */
const MARKING = /^"?TLP:(CLEAR|WHITE|GREEN|AMBER\+STRICT|AMBER|RED)(?![\w+])/;

/** The TLP level a marking text starts with ("TLP:RED — …" → 'RED'), or null when it is not a marking. */
export function tlpOfMarking(text: string): Tlp | null {
  const m = MARKING.exec(text.replace(/^\uFEFF/, '').trimStart());
  if (!m) return null;
  return m[1] === 'WHITE' ? 'CLEAR' : (m[1] as Tlp);
}

/** Restriction rank of a TLP level, 0 = CLEAR (least) to 4 = RED (most). */
export function tlpRank(tlp: Tlp): number {
  return TLP_MARKINGS.indexOf(tlp);
}

/** True when `a` restricts sharing more than `b` (RED over AMBER, AMBER+STRICT over AMBER). */
export function isStricterTlp(a: Tlp, b: Tlp): boolean {
  return tlpRank(a) > tlpRank(b);
}

/** The stricter of two levels (either when equal). */
export function stricterTlp(a: Tlp, b: Tlp): Tlp {
  return isStricterTlp(a, b) ? a : b;
}
