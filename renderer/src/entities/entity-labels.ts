/**
 * Short texts about an entity for tables and the chart: its key identifiers ("IMO 9074729 ·
 * MMSI 563012345") and how an identifier scheme reads ("passport (NG)").
 */
import { strongIdentifiers, type EntityFields, type EntityKind } from '../../../shared/domain/entities';
import type { Relationship } from '../../../shared/domain/entity-links';
import { t } from '../../../shared/messages';

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

/** An ICU select key for `value` (select keys cannot hold '-'). */
const selectKey = (value: string): string => value.replace(/-/g, '_');

/** The name of an entity kind ("Bank account"). */
export function kindLabel(kind: EntityKind): string {
  return t('entity.kind', { kind: selectKey(kind) });
}

/** How a relationship reads between its ends ("master of"). */
export function relationshipLabel(r: Relationship): string {
  return t('entity.relationship', { relationship: selectKey(r) });
}

/** The add button of the entity form for `kind` ("Add Vessel"). */
export function addKindLabel(kind: EntityKind): string {
  return t('entity.add-kind', { kind: selectKey(kind) });
}
