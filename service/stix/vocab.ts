/**
 * How NEST's record kinds map to STIX 2.1 vocabulary: link relationships to `relationship_type`
 * (STIX's own where one fits, lowercase-hyphenated custom types otherwise: docs/stix.md) and entity
 * kinds to STIX object types. Both maps are one-to-one, so import can read them backwards.
 */
import type { EntityKind } from '../../shared/domain/entities';
import type { Relationship } from '../../shared/domain/entity-links';

/** NEST link relationship → STIX `relationship_type` ("from" is the source, "to" the target). */
export const RELATIONSHIP_TYPES: Record<Relationship, string> = {
  owner: 'owns',
  director: 'director-of',
  shareholder: 'shareholder-of',
  employee: 'employee-of',
  shipper: 'shipper-of',
  consignee: 'consignee-of',
  'master-of': 'master-of',
  operator: 'operator-of',
  paid: 'paid',
  family: 'family-of',
  associate: 'related-to',
  'uses-phone': 'uses-phone',
  'uses-email': 'uses-email',
  'holds-account': 'holds-account',
  'located-at': 'located-at',
  'involved-in': 'involved-in',
};

/** The NEST relationship of a STIX `relationship_type`, or null when NEST has none. */
export function relationshipOf(type: string): Relationship | null {
  const hit = (Object.entries(RELATIONSHIP_TYPES) as [Relationship, string][]).find(([, v]) => v === type);
  return hit ? hit[0] : null;
}

/** The relationship from a seizure's incident to its place (STIX's own `located-at`). */
export const SEIZURE_PLACE_RELATIONSHIP = 'located-at';

/** The STIX type an entity of `kind` is exported as (`location` needs a country or coordinates, else `x-nest-entity`). */
export function stixTypeOfEntity(kind: EntityKind, hasPlace: boolean): 'identity' | 'location' | 'email-addr' | 'x-nest-entity' {
  if (kind === 'person' || kind === 'organisation') return 'identity';
  if (kind === 'email') return 'email-addr';
  if (kind === 'address' && hasPlace) return 'location';
  return 'x-nest-entity';
}
