/**
 * Reads a STIX 2.1 bundle back into NEST records (docs/stix.md "What import understands"): the
 * grouping becomes the case, incidents with NEST's seizure properties become seizures, identities,
 * locations, e-mail addresses and `x-nest-entity` objects become entities, relationships become
 * links, the official TLP 2.0 marking becomes the case's TLP. Every object that does not map is
 * listed in `rejected` with its id, type and the reason: nothing is dropped silently. Pure.
 */
import { t } from '../../shared/messages/format';
import { NestError, describeIssues } from '../../shared/errors';
import { caseFieldsSchema, newCaseFields, type CaseFields } from '../../shared/domain/case';
import { seizureFieldsSchema, type SeizureFields } from '../../shared/domain/seizure';
import { entityFieldsSchema, type EntityFields } from '../../shared/domain/entities';
import { linkFieldsSchema, type LinkFields } from '../../shared/domain/entity-links';
import type { Tlp } from '../../shared/domain/codes';
import { NEST_EXTENSION_ID, NEST_IDENTITY_ID, TLP2_EXTENSION_ID, tlpOfMarking, type StixObject } from './markings';
import { relationshipOf, SEIZURE_PLACE_RELATIONSHIP } from './vocab';

/** One object of the bundle that was not imported, and why (a catalogue sentence). */
export interface RejectedObject {
  id: string;
  type: string;
  reason: string;
}

/** What a bundle maps to. `ref` is the STIX id a record came from (links refer to records by it). */
export interface StixImportPlan {
  fields: CaseFields;
  summary: string;
  seizures: { ref: string; fields: SeizureFields }[];
  entities: { ref: string; fields: EntityFields }[];
  links: { ref: string; fields: Omit<LinkFields, 'from' | 'to'>; from: string; to: string }[];
  rejected: RejectedObject[];
}

const STAND_IN_FROM = '00000000-0000-4000-8000-000000000001';
const STAND_IN_TO = '00000000-0000-4000-8000-000000000002';

type Obj = StixObject & Record<string, unknown>;

/** NEST's property-extension block of `o`, or null. */
function nestBlock(o: Obj): Record<string, unknown> | null {
  const ext = o.extensions as Record<string, Record<string, unknown>> | undefined;
  const b = ext?.[NEST_EXTENSION_ID];
  return b && typeof b === 'object' ? b : null;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * Parses `text` as a bundle. @throws NestError('import-failed') stix.malformed-json when it is not
 * JSON, stix.not-a-bundle when it is not an object of type "bundle" with an `objects` array.
 */
export function parseBundle(text: string): Obj[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new NestError('import-failed', { id: 'stix.malformed-json', values: { detail: (err as Error).message } });
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new NestError('import-failed', { id: 'stix.not-a-bundle', values: { detail: 'the top level is not a JSON object' } });
  const b = json as Record<string, unknown>;
  if (b.type !== 'bundle') throw new NestError('import-failed', { id: 'stix.not-a-bundle', values: { detail: `its type is ${JSON.stringify(b.type ?? null)}, not "bundle"` } });
  if (!Array.isArray(b.objects)) throw new NestError('import-failed', { id: 'stix.not-a-bundle', values: { detail: 'it has no "objects" array' } });
  return b.objects as Obj[];
}

/** Reads one bundle's objects into records; `today` (YYYY-MM-DD) opens a case whose grouping says nothing. */
export function readBundle(text: string, today: string): StixImportPlan {
  const objects = parseBundle(text);
  const plan: StixImportPlan = { fields: newCaseFields(today), summary: '', seizures: [], entities: [], links: [], rejected: [] };
  const reject = (o: Obj, id: Parameters<typeof t>[0], values?: Record<string, string>): void => {
    plan.rejected.push({ id: str(o?.id) || '(none)', type: str(o?.type) || '(none)', reason: t(id, values as never) });
  };
  const seen = new Set<string>();
  const valid: Obj[] = [];
  for (const o of objects) {
    if (!o || typeof o !== 'object' || typeof o.type !== 'string' || typeof o.id !== 'string') reject(o, 'stix.reject.no-id');
    // A second object with an id already seen would become a second record under one key.
    else if (seen.has(o.id)) reject(o, 'stix.reject.duplicate-id');
    else {
      seen.add(o.id);
      valid.push(o);
    }
  }
  const byId = new Map(valid.map((o) => [o.id, o]));
  // Seizure places: locations that an imported incident is located at (the seizure keeps the place itself).
  const placeRels = valid.filter((o) => o.type === 'relationship' && o.relationship_type === SEIZURE_PLACE_RELATIONSHIP && str(o.source_ref).startsWith('incident--') && str(o.target_ref).startsWith('location--'));

  const groupings = valid.filter((o) => o.type === 'grouping' || o.type === 'report');
  const agencies = new Set<string>();
  let tlp: Tlp | null = null;
  groupings.forEach((g, i) => {
    if (i > 0) return reject(g, 'stix.reject.extra-grouping');
    const c = nestBlock(g)?.case as Record<string, unknown> | undefined;
    const title = str(g.name) || t('stix.untitled-case', { bundleId: g.id });
    const parsed = caseFieldsSchema.safeParse({ ...plan.fields, ...(c ?? { title: title.slice(0, 200) }), tlp: plan.fields.tlp });
    if (parsed.success) plan.fields = parsed.data;
    else {
      plan.fields = { ...plan.fields, title: title.slice(0, 200) };
      reject(g, 'stix.reject.invalid-record', { kind: 'case', detail: describeIssues(parsed.error.issues) });
    }
    plan.summary = str(g.description);
    for (const m of (g.object_marking_refs as string[] | undefined) ?? []) tlp ??= tlpOfMarking(m);
  });
  for (const a of [plan.fields.leadAgency, ...plan.fields.participatingAgencies]) if (a) agencies.add(a);

  const seizureRefs = new Set<string>();
  for (const o of valid.filter((x) => x.type === 'incident')) {
    const s = nestBlock(o)?.seizure;
    if (!s) {
      reject(o, 'stix.reject.incident-without-seizure');
      continue;
    }
    const r = seizureFieldsSchema.safeParse(s);
    if (!r.success) {
      reject(o, 'stix.reject.invalid-record', { kind: 'seizure', detail: describeIssues(r.error.issues) });
      continue;
    }
    plan.seizures.push({ ref: o.id, fields: r.data });
    seizureRefs.add(o.id);
    for (const a of r.data.seizingAgencies) agencies.add(a);
  }
  const consumed = new Set<string>();
  for (const rel of placeRels) {
    if (seizureRefs.has(str(rel.source_ref))) {
      consumed.add(rel.id);
      consumed.add(str(rel.target_ref));
    }
  }

  const entityRefs = new Set<string>();
  const addEntity = (o: Obj, candidate: unknown): void => {
    const r = entityFieldsSchema.safeParse(candidate);
    if (!r.success) return reject(o, 'stix.reject.invalid-record', { kind: 'entity', detail: describeIssues(r.error.issues) });
    plan.entities.push({ ref: o.id, fields: r.data });
    entityRefs.add(o.id);
  };
  for (const o of valid) {
    if (consumed.has(o.id)) continue;
    const nestEntity = o.type === 'x-nest-entity' ? o.entity : nestBlock(o)?.entity;
    switch (o.type) {
      case 'marking-definition':
        if (tlpOfMarking(o.id)) tlp ??= tlpOfMarking(o.id);
        else reject(o, 'stix.reject.unknown-marking');
        break;
      case 'extension-definition':
        if (o.id !== NEST_EXTENSION_ID && o.id !== TLP2_EXTENSION_ID) reject(o, 'stix.reject.unknown-extension');
        break;
      case 'identity':
        if (o.id === NEST_IDENTITY_ID) break;
        if (nestEntity) addEntity(o, nestEntity);
        else if (o.identity_class === 'organization' && agencies.has(str(o.name))) break;
        else if (o.identity_class === 'individual') addEntity(o, { kind: 'person', name: str(o.name), aliases: [], birthDate: '', nationalities: [], idDocuments: [], notes: str(o.description) });
        else if (o.identity_class === 'organization') addEntity(o, { kind: 'organisation', name: str(o.name), aliases: [], registrationNumber: '', jurisdiction: '', notes: str(o.description) });
        else reject(o, 'stix.reject.identity-class', { identityClass: str(o.identity_class) || '(none)' });
        break;
      case 'location': {
        if (nestEntity) {
          addEntity(o, nestEntity);
          break;
        }
        const full = str(o.street_address) || str(o.name);
        if (!full) reject(o, 'stix.reject.empty-location');
        else addEntity(o, { kind: 'address', full, country: str(o.country).toUpperCase(), latitude: typeof o.latitude === 'number' ? o.latitude : null, longitude: typeof o.longitude === 'number' ? o.longitude : null, notes: str(o.description) });
        break;
      }
      case 'email-addr':
        addEntity(o, nestEntity ?? { kind: 'email', address: str(o.value), notes: '' });
        break;
      case 'x-nest-entity':
        addEntity(o, nestEntity);
        break;
      case 'grouping':
      case 'report':
      case 'incident':
      case 'relationship':
        break;
      default:
        reject(o, 'stix.reject.unsupported-type', { type: o.type });
    }
  }

  for (const o of valid.filter((x) => x.type === 'relationship' && !consumed.has(x.id))) {
    const relationship = relationshipOf(str(o.relationship_type));
    const from = str(o.source_ref);
    const to = str(o.target_ref);
    if (!relationship) {
      reject(o, 'stix.reject.unknown-relationship', { relationshipType: str(o.relationship_type) });
      continue;
    }
    if (!entityRefs.has(from)) {
      reject(o, byId.has(from) && !plan.rejected.some((r) => r.id === from) ? 'stix.reject.source-not-entity' : 'stix.reject.dangling-ref', { ref: from });
      continue;
    }
    if (!entityRefs.has(to) && !seizureRefs.has(to)) {
      reject(o, 'stix.reject.dangling-ref', { ref: to });
      continue;
    }
    const ext = (nestBlock(o)?.link ?? {}) as Record<string, unknown>;
    const date = (v: unknown): string => str(v).slice(0, 10);
    // The link schema wants record UUIDs: check the fields with two stand-in ids (the ends were checked above).
    const candidate = { from: STAND_IN_FROM, to: STAND_IN_TO, relationship, startDate: 'startDate' in ext ? str(ext.startDate) : date(o.start_time), endDate: 'endDate' in ext ? str(ext.endDate) : date(o.stop_time), source: str(ext.source), note: str(o.description) };
    const r = linkFieldsSchema.safeParse(candidate);
    if (!r.success) {
      reject(o, 'stix.reject.invalid-record', { kind: 'link', detail: describeIssues(r.error.issues) });
      continue;
    }
    const { from: _f, to: _t, ...rest } = r.data;
    plan.links.push({ ref: o.id, from, to, fields: rest });
  }
  plan.fields = { ...plan.fields, tlp: tlp ?? plan.fields.tlp };
  return plan;
}
