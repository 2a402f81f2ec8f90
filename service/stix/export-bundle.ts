/**
 * The case as a STIX 2.1 bundle (docs/stix.md): a `grouping` (context `suspicious-activity`) for
 * the case, `identity` objects for agencies and for person/organisation entities, `incident`
 * objects for seizures with their place as a `location`, `relationship` objects for links, the
 * official TLP 2.0 marking definition referenced by every object, and NEST's extension definition
 * carrying what STIX has no property for. Pure: the same snapshot always gives the same bundle
 * (ids are UUIDv5 of workspace and record ids; timestamps come from the records; order is fixed).
 */
import type { Entity } from '../../shared/docs/case-entities';
import { entityLabel } from '../../shared/docs/case-entities';
import type { Link } from '../../shared/docs/case-links';
import type { Seizure } from '../../shared/domain/seizure';
import type { CaseSnapshot } from './case-snapshot';
import { NEST_EXTENSION_ID, NEST_IDENTITY_ID, nestExtensionDefinition, nestIdentity, tlpMarking, TLP2_MARKING_IDS, type StixObject } from './markings';
import { stixId, stixTime } from './stix-ids';
import { sortPaced } from '../../shared/paced-sort';
import { RELATIONSHIP_TYPES, SEIZURE_PLACE_RELATIONSHIP, stixTypeOfEntity } from './vocab';

/** A STIX 2.1 bundle. */
export interface StixBundle {
  type: 'bundle';
  id: string;
  objects: StixObject[];
}

/** Record stamps and the editable fields, apart. */
function fieldsOf<T extends { id: string; createdBy: string; createdAt: number; updatedBy: string; updatedAt: number }>(r: T): Omit<T, 'id' | 'createdBy' | 'createdAt' | 'updatedBy' | 'updatedAt'> {
  const { id: _i, createdBy: _cb, createdAt: _ca, updatedBy: _ub, updatedAt: _ua, ...rest } = r;
  return rest;
}

/** The NEST property-extension block carrying `body`. */
function nestExt(body: Record<string, unknown>): Record<string, unknown> {
  return { [NEST_EXTENSION_ID]: { extension_type: 'property-extension', ...body } };
}

/** Drops undefined values, so optional STIX properties are absent rather than null. */
function defined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== ''));
}

/** One of a seizure's objects: 0 its incident, 1 its place's location, 2 the relationship between them. */
type SeizurePart = 0 | 1 | 2;

/** A seizure with coordinates or a country has a place (a location and a relationship to it). */
function hasPlace(z: Seizure): boolean {
  return (z.latitude !== null && z.longitude !== null) || Boolean(z.country);
}

/** Builds every object of one case; holds the snapshot's common parts (ids, marking). */
class BundleBuilder {
  private readonly marking: string;
  /** Entities by id: links look their ends up (a case may hold thousands of links). */
  private readonly entitiesById: Map<string, Entity>;
  constructor(private readonly s: CaseSnapshot) {
    this.marking = TLP2_MARKING_IDS[s.meta.tlp];
    this.entitiesById = new Map(s.entities.map((e) => [e.id, e]));
  }

  id(type: string, key: string): string {
    return stixId(type, this.s.workspaceId, key);
  }

  /** The common properties of an SDO/SRO; `modified` is never before `created`. */
  common(type: string, key: string, createdAt: number, updatedAt: number): StixObject {
    return { type, spec_version: '2.1', id: this.id(type, key), created: stixTime(createdAt), modified: stixTime(Math.max(createdAt, updatedAt)), object_marking_refs: [this.marking] };
  }

  agencyNames(): string[] {
    const m = this.s.meta;
    const names = new Set<string>([m.leadAgency, ...m.participatingAgencies, ...this.s.seizures.flatMap((z) => z.seizingAgencies)].filter((n) => n !== ''));
    return [...names].sort();
  }

  agency(name: string): StixObject {
    const m = this.s.meta;
    return { ...this.common('identity', `agency/${name}`, m.createdAt, m.createdAt), name, identity_class: 'organization', sectors: ['government-national'] };
  }

  entity(e: Entity): StixObject {
    const fields = fieldsOf(e);
    const hasPlace = e.kind === 'address' && (e.country !== '' || e.latitude !== null);
    const type = stixTypeOfEntity(e.kind, hasPlace);
    const base = this.common(type, `entity/${e.id}`, e.createdAt, e.updatedAt);
    const notes = 'notes' in e ? e.notes : '';
    switch (type) {
      case 'identity':
        return { ...base, ...defined({ name: entityLabel(e), description: notes }), identity_class: e.kind === 'person' ? 'individual' : 'organization', extensions: nestExt({ entity: fields }) };
      case 'location': {
        const a = e as Extract<Entity, { kind: 'address' }>;
        return { ...base, ...defined({ name: a.full, description: notes, street_address: a.full, country: a.country || undefined }), ...(a.latitude !== null ? { latitude: a.latitude, longitude: a.longitude } : {}), extensions: nestExt({ entity: fields }) };
      }
      case 'email-addr': {
        // A cyber observable has no created/modified; its marking and extension still apply.
        const { created: _c, modified: _m, ...sco } = base;
        return { ...sco, value: entityLabel(e), extensions: nestExt({ entity: fields }) };
      }
      default:
        return { ...base, name: entityLabel(e), entity: fields, extensions: { [NEST_EXTENSION_ID]: { extension_type: 'new-sdo' } } };
    }
  }

  /**
   * The ids of seizure `z`'s objects, by {@link SeizurePart}: its incident, and when it has a place
   * (coordinates or a country) the location and the relationship between them; null where absent.
   */
  seizureIds(z: Seizure): [string, string | null, string | null] {
    const incident = this.id('incident', `seizure/${z.id}`);
    if (!hasPlace(z)) return [incident, null, null];
    return [incident, this.id('location', `seizure-place/${z.id}`), this.id('relationship', `seizure-place-link/${z.id}`)];
  }

  /** Object `part` of seizure `z`, whose ids are `ids` ({@link seizureIds}; `part` must have one). */
  seizurePart(z: Seizure, part: SeizurePart, ids: readonly (string | null)[]): StixObject {
    const common = (type: string): StixObject => ({ type, spec_version: '2.1', id: ids[part]!, created: stixTime(z.createdAt), modified: stixTime(Math.max(z.createdAt, z.updatedAt)), object_marking_refs: [this.marking] });
    if (part === 0) return { ...common('incident'), name: [z.commodity, z.taxon && `(${z.taxon})`, z.seizureDate].filter(Boolean).join(' '), ...defined({ description: z.notes }), extensions: nestExt({ seizure: fieldsOf(z) }) };
    const hasCoords = z.latitude !== null && z.longitude !== null;
    if (part === 1) return { ...common('location'), ...defined({ name: z.place, country: z.country }), ...(hasCoords ? { latitude: z.latitude, longitude: z.longitude } : {}) };
    return { ...common('relationship'), relationship_type: SEIZURE_PLACE_RELATIONSHIP, source_ref: ids[0]!, target_ref: ids[1]! };
  }

  /** Seizure `z`'s objects: its incident, and with a place its location and their relationship. */
  seizure(z: Seizure): StixObject[] {
    const ids = this.seizureIds(z);
    return ([0, 1, 2] as const).filter((p) => ids[p] !== null).map((p) => this.seizurePart(z, p, ids));
  }

  link(l: Link): StixObject {
    const target = l.toKind === 'seizure' ? this.id('incident', `seizure/${l.to}`) : this.entityRef(l.to);
    const times = defined({ start_time: l.startDate && `${l.startDate}T00:00:00.000Z`, stop_time: l.endDate && l.endDate > l.startDate && l.startDate ? `${l.endDate}T00:00:00.000Z` : undefined });
    return {
      ...this.common('relationship', `link/${l.id}`, l.createdAt, l.updatedAt),
      relationship_type: RELATIONSHIP_TYPES[l.relationship],
      source_ref: this.entityRef(l.from),
      target_ref: target,
      ...defined({ description: l.note }),
      ...times,
      extensions: nestExt({ link: { relationship: l.relationship, startDate: l.startDate, endDate: l.endDate, source: l.source } }),
    };
  }

  /** The STIX id of entity `id` of this case (its type depends on the entity's kind). */
  entityRef(id: string): string {
    const e = this.entitiesById.get(id);
    const hasPlace = e?.kind === 'address' && (e.country !== '' || e.latitude !== null);
    return this.id(e ? stixTypeOfEntity(e.kind, hasPlace) : 'x-nest-entity', `entity/${id}`);
  }

  grouping(refs: string[], createdBy: string | undefined): StixObject {
    const m = this.s.meta;
    const { id: _i, createdBy: _cb, createdAt: _ca, updatedBy: _ub, updatedAt: _ua, tlp: _t, ...caseFields } = m;
    return {
      ...this.common('grouping', `case/${m.id}`, m.createdAt, m.updatedAt),
      ...(createdBy ? { created_by_ref: createdBy } : {}),
      name: `${m.number} ${m.title}`,
      ...defined({ description: this.s.summary }),
      context: 'suspicious-activity',
      ...(m.tags.length ? { labels: m.tags } : {}),
      object_refs: refs,
      extensions: nestExt({ case: caseFields }),
    };
  }
}

/**
 * By id. STIX ids are `<type>--<uuid>` in lowercase ASCII letters, digits and hyphens, where
 * `localeCompare` and code-unit order agree; code-unit order is ~10× cheaper (300,000 objects of a
 * 100,000-seizure case took seconds with localeCompare, in one step).
 */
const byId = (a: StixObject, b: StixObject): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The case's objects besides its seizures', each group sorted by id (links only between live records). */
function otherObjects(b: BundleBuilder, s: CaseSnapshot): { agencies: StixObject[]; entities: StixObject[]; links: StixObject[] } {
  const live = new Set([...s.entities.map((e) => e.id), ...s.seizures.map((z) => z.id)]);
  return {
    agencies: b.agencyNames().map((n) => b.agency(n)).sort(byId),
    entities: s.entities.map((e) => b.entity(e)).sort(byId),
    links: s.links.filter((l) => live.has(l.from) && live.has(l.to)).map((l) => b.link(l)).sort(byId),
  };
}

/** The STIX id of the lead agency's identity (the grouping's `created_by_ref`), if the case names one. */
function leadRef(b: BundleBuilder, s: CaseSnapshot): string | undefined {
  return s.meta.leadAgency ? b.id('identity', `agency/${s.meta.leadAgency}`) : undefined;
}

/** The bundle of `s` around its seizures' objects (`seizures`: each seizure's objects, in `s.seizures` order). */
function assemble(b: BundleBuilder, s: CaseSnapshot, seizureObjects: StixObject[]): StixBundle {
  const { agencies, entities, links } = otherObjects(b, s);
  const content = [...agencies, ...entities, ...seizureObjects.sort(byId), ...links];
  const grouping = b.grouping([NEST_IDENTITY_ID, ...content.map((o) => o.id)], leadRef(b, s));
  return {
    type: 'bundle',
    id: b.id('bundle', `case/${s.meta.id}`),
    objects: [tlpMarking(s.meta.tlp), nestIdentity(), nestExtensionDefinition(), grouping, ...content],
  };
}

/**
 * The STIX 2.1 bundle of `s`. Order: marking definition, NEST identity, extension definition, the
 * grouping, then agencies, entities, seizures (incident, location, place relationship) and links,
 * each group sorted by id.
 */
export function caseToStix(s: CaseSnapshot): StixBundle {
  const b = new BundleBuilder(s);
  return assemble(b, s, s.seizures.flatMap((z) => b.seizure(z)));
}

/** The bundle as the file `stix-bundle.json` holds it (2-space JSON, final newline). */
export function stixBundleJson(s: CaseSnapshot): string {
  return `${JSON.stringify(caseToStix(s), null, 2)}\n`;
}

/** An object of the bundle's `objects` as `JSON.stringify(bundle, null, 2)` writes it: at 4 spaces' indent. */
const indented = (text: string): string => `    ${text.replace(/\n/g, '\n    ')}`;

/** The grouping's `object_refs` while empty, as `JSON.stringify(grouping, null, 2)` writes it (a top-level key: 2 spaces; no string holds a raw newline). */
const EMPTY_REFS = '\n  "object_refs": []';

/**
 * Writes exactly the text of {@link stixBundleJson} through `write`, piece by piece, without ever
 * holding the bundle: a 100,000-seizure case has ~300,000 objects (about 260 MB as objects),
 * whose garbage collection alone held the event loop for 18 s when built at once. Seizures are
 * first only identified (their ids, sorted with pauses), then each object is built, written and
 * dropped. `each(n)` is awaited as seizures are identified and again as their objects are written
 * (each seizure counts twice, `2 × s.seizures.length` in all); `pause()` after every `chunk`
 * objects or 8 × `chunk` grouping refs written and while sorting. `write` receives whole JSON
 * pieces (never half a surrogate pair).
 */
export async function writeStixBundlePaced(s: CaseSnapshot, write: (text: string) => void, each: (seizures: number) => Promise<void>, pause: () => Promise<void>, chunk = 250): Promise<void> {
  const b = new BundleBuilder(s);
  const n = s.seizures.length;
  // ids[3i + part]: seizure i's object ids (null where it has no such object); `present` indexes the ones it has.
  const ids: (string | null)[] = new Array<string | null>(3 * n);
  const present: number[] = [];
  for (let i = 0; i < n; i += chunk) {
    const end = Math.min(n, i + chunk);
    for (let j = i; j < end; j++) {
      const own = b.seizureIds(s.seizures[j]!);
      for (let p = 0; p < 3; p++) {
        ids[3 * j + p] = own[p]!;
        if (own[p] !== null) present.push(3 * j + p);
      }
    }
    await each(end - i);
  }
  // By id, as byId sorts the objects (stable: the same order the one-pass bundle gives).
  const order = await sortPaced(present, (x, y) => (ids[x]! < ids[y]! ? -1 : ids[x]! > ids[y]! ? 1 : 0), pause);
  const { agencies, entities, links } = otherObjects(b, s);

  write(JSON.stringify({ type: 'bundle', id: b.id('bundle', `case/${s.meta.id}`), objects: [] }, null, 2).replace(/\[\]\n\}$/, '[\n'));
  write([tlpMarking(s.meta.tlp), nestIdentity(), nestExtensionDefinition()].map((o) => indented(JSON.stringify(o, null, 2))).join(',\n'));

  // The grouping, its refs (every object after it) written in pieces into its text.
  const grouping = JSON.stringify(b.grouping([], leadRef(b, s)), null, 2);
  const at = grouping.indexOf(EMPTY_REFS);
  write(`,\n${indented(grouping.slice(0, at))}\n      "object_refs": [`);
  const fixedRefs = [NEST_IDENTITY_ID, ...agencies.map((o) => o.id), ...entities.map((o) => o.id)];
  const allRefs = function* (): Generator<string> {
    yield* fixedRefs;
    for (const x of order) yield ids[x]!;
    for (const o of links) yield o.id;
  };
  let batch: string[] = [];
  let separator = '';
  for (const ref of allRefs()) {
    batch.push(`${separator}\n        ${JSON.stringify(ref)}`);
    separator = ',';
    if (batch.length >= 8 * chunk) {
      write(batch.join(''));
      batch = [];
      await pause();
    }
  }
  write(`${batch.join('')}\n      ]${indented(grouping.slice(at + EMPTY_REFS.length)).slice(4)}`);

  // Then every object after the grouping, built and written one by one.
  let written = 0;
  const out = async (o: StixObject): Promise<void> => {
    write(`,\n${indented(JSON.stringify(o, null, 2))}`);
    if (++written % chunk === 0) await pause();
  };
  for (const o of [...agencies, ...entities]) await out(o);
  let counted = 0;
  for (let k = 0; k < order.length; k++) {
    const x = order[k]!;
    const j = Math.floor(x / 3);
    await out(b.seizurePart(s.seizures[j]!, (x % 3) as SeizurePart, ids.slice(3 * j, 3 * j + 3)));
    // Seizures counted in proportion to their objects written (1 to 3 each).
    const now = Math.floor(((k + 1) * n) / order.length);
    if (now - counted >= chunk || k === order.length - 1) {
      await each(now - counted);
      counted = now;
    }
  }
  for (const o of links) await out(o);
  write('\n  ]\n}\n');
}
