/**
 * Short texts about an entity for tables and the chart: its key identifiers ("IMO 9074729 ·
 * MMSI 563012345") and how an identifier scheme reads ("passport (NG)").
 */
import { strongIdentifiers, type EntityFields } from '../../../shared/domain/entities';

/** How a scheme of `strongIdentifiers()` reads: "imo" → "IMO", "passport:NG" → "passport (NG)". */
export function schemeLabel(scheme: string): string {
  const [base, country] = scheme.split(':');
  const upper = new Set(['imo', 'mmsi', 'iban']);
  const b = upper.has(base!) ? base!.toUpperCase() : base!;
  return country && country !== '??' ? `${b} (${country})` : b;
}

/** The entity's strong identifiers as one line ("IMO 9074729 · MMSI 563012345"); '' when it has none. */
export function keyIdentifiers(e: EntityFields): string {
  return strongIdentifiers(e)
    .filter((i) => !i.weak)
    .map((i) => `${schemeLabel(i.scheme)} ${i.value}`)
    .join(' · ');
}
