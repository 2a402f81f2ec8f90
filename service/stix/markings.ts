/**
 * The fixed objects every NEST bundle carries: the official TLP 2.0 marking definitions (published
 * by OASIS in oasis-open/cti-stix-common-objects, objects/marking-definition/, with the TLP 2.0
 * extension definition extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d), NEST Desk's
 * own `system` identity, and the extension definition of NEST's case-record properties
 * (docs/stix.md). Ids here are constants: partners match them across bundles.
 */
import type { Tlp } from '../../shared/domain/codes';

/** The OASIS TLP 2.0 extension definition that the official TLP 2.0 marking definitions use. */
export const TLP2_EXTENSION_ID = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';

/** The OASIS-published marking-definition id of each TLP 2.0 level (not invented: see the module comment). */
export const TLP2_MARKING_IDS: Record<Tlp, string> = {
  CLEAR: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  GREEN: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  AMBER: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'AMBER+STRICT': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  RED: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
};

/** A STIX object as plain JSON. */
export type StixObject = Record<string, unknown> & { type: string; id: string };

/** The official TLP 2.0 marking-definition object of `tlp`, exactly as OASIS publishes it. */
export function tlpMarking(tlp: Tlp): StixObject {
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: TLP2_MARKING_IDS[tlp],
    created: '2022-10-01T00:00:00.000Z',
    name: `TLP:${tlp}`,
    extensions: { [TLP2_EXTENSION_ID]: { extension_type: 'property-extension', tlp_2_0: tlp.toLowerCase() } },
  };
}

/** The TLP level of an official TLP 2.0 marking-definition id, or null for any other id. */
export function tlpOfMarking(id: string): Tlp | null {
  const hit = (Object.entries(TLP2_MARKING_IDS) as [Tlp, string][]).find(([, v]) => v === id);
  return hit ? hit[0] : null;
}

/** NEST Desk as the `system` identity that creates the extension definition (fixed id). */
export const NEST_IDENTITY_ID = 'identity--0b8c3f5e-7a61-5d2b-9c4e-3f1a2b6d8e90';

/** The fixed id of NEST's case-record extension definition. */
export const NEST_EXTENSION_ID = 'extension-definition--7d3e9c2a-41b6-5f08-8e2d-6a9b0c1f4e37';

/** Where the extension's schema is documented (the `schema` property must be a URL). */
export const NEST_EXTENSION_SCHEMA = 'https://nest-desk.example.org/docs/stix.md#the-nest-case-record-extension';

/** When the fixed NEST objects were defined (they never change, so neither does this). */
const DEFINED = '2026-12-01T00:00:00.000Z';

/** NEST Desk's `system` identity. */
export function nestIdentity(): StixObject {
  return { type: 'identity', spec_version: '2.1', id: NEST_IDENTITY_ID, created: DEFINED, modified: DEFINED, name: 'NEST Desk', identity_class: 'system' };
}

/**
 * The extension definition of NEST's case records: a property extension (case fields on the
 * grouping, seizure fields on incidents, entity fields on identities and locations, link details
 * on relationships) and a new SDO `x-nest-entity` for entity kinds STIX has no object for.
 */
export function nestExtensionDefinition(): StixObject {
  return {
    type: 'extension-definition',
    spec_version: '2.1',
    id: NEST_EXTENSION_ID,
    created_by_ref: NEST_IDENTITY_ID,
    created: DEFINED,
    modified: DEFINED,
    name: 'NEST Desk case records',
    description: 'Environmental-crime case records (case, seizure with commodity, species and CITES appendix, entity, link) as NEST Desk keeps them.',
    schema: NEST_EXTENSION_SCHEMA,
    version: '1.0.0',
    extension_types: ['property-extension', 'new-sdo'],
  };
}
