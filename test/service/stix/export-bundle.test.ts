/**
 * Every bundle the STIX export produces validates against the OASIS STIX 2.1 schemas (a demo case,
 * a case with Arabic names, a case with every entity kind and link type, an empty case), a broken
 * bundle does not (so the validator really runs), ids are deterministic and markings are official.
 */
import { describe, expect, it } from 'vitest';
import { caseSnapshot } from '../../../service/stix/case-snapshot';
import { caseToStix, stixBundleJson } from '../../../service/stix/export-bundle';
import { NEST_EXTENSION_ID, TLP2_MARKING_IDS } from '../../../service/stix/markings';
import { uuidV5 } from '../../../service/stix/stix-ids';
import { arabicCase, demoCase, emptyCase, everyKindCase, WS } from './stix-cases';
import { stixValidator } from './stix-validator';

const validator = stixValidator();
const CASES = { demo: demoCase, arabic: arabicCase, everyKind: everyKindCase, empty: emptyCase };

describe('caseToStix', () => {
  it('loads every schema file of the fixture', () => {
    expect(validator.schemaCount).toBeGreaterThanOrEqual(50);
  });

  for (const [name, make] of Object.entries(CASES)) {
    it(`${name}: the bundle validates against the OASIS STIX 2.1 schemas`, () => {
      const bundle = caseToStix(caseSnapshot(WS, make()));
      expect(validator.validate(bundle)).toEqual([]);
    });
  }

  it('a broken bundle fails validation (the validator runs)', () => {
    const bundle = caseToStix(caseSnapshot(WS, demoCase()));
    const grouping = bundle.objects.find((o) => o.type === 'grouping')!;
    delete grouping.context;
    const place = bundle.objects.find((o) => o.type === 'location')!;
    delete place.country;
    delete place.latitude;
    const errors = validator.validate(bundle);
    expect(errors.map((e) => e.where)).toEqual([expect.stringContaining(grouping.id), expect.stringContaining(place.id)]);
    expect(validator.validate({ ...bundle, id: 'bundle--nope' }).map((e) => e.where)).toContain('bundle');
  });

  it('maps the demo case: grouping, agencies, incidents with the extension, places, links, TLP on every object', () => {
    const bundle = caseToStix(caseSnapshot(WS, demoCase()));
    const types = bundle.objects.map((o) => o.type);
    expect(types.slice(0, 4)).toEqual(['marking-definition', 'identity', 'extension-definition', 'grouping']);
    expect(bundle.objects[0]).toMatchObject({ id: TLP2_MARKING_IDS.AMBER, name: 'TLP:AMBER' });
    for (const o of bundle.objects.slice(3)) expect(o.object_marking_refs).toEqual([TLP2_MARKING_IDS.AMBER]);
    const grouping = bundle.objects[3]!;
    expect(grouping).toMatchObject({ name: 'NEST-2026-0001 Ivory through Pasir Panjang', context: 'suspicious-activity', labels: ['ivory', 'op:thunder'], description: 'Two shipments of tusks declared as tea.' });
    const refs = grouping.object_refs as string[];
    expect(refs).toHaveLength(bundle.objects.length - 3);
    const agencies = bundle.objects.filter((o) => o.type === 'identity' && o.identity_class === 'organization' && !o.extensions);
    expect(agencies.map((a) => a.name)).toEqual(expect.arrayContaining(['NParks', 'Singapore Customs']));
    expect(grouping.created_by_ref).toBe(agencies.find((a) => a.name === 'Singapore Customs')!.id);
    const ivory = bundle.objects.find((o) => o.type === 'incident' && String(o.name).startsWith('elephant ivory'))!;
    expect((ivory.extensions as Record<string, { seizure: Record<string, unknown> }>)[NEST_EXTENSION_ID]!.seizure).toMatchObject({ commodity: 'elephant ivory', taxon: 'Loxodonta africana', citesAppendix: 'I', quantity: 8.8, unit: 't', reportedValue: 12900000, reportedCurrency: 'USD' });
    expect(ivory.created).toBe(new Date((ivory.created as string)).toISOString());
    const placeRel = bundle.objects.find((o) => o.type === 'relationship' && o.source_ref === ivory.id)!;
    expect(placeRel.relationship_type).toBe('located-at');
    expect(bundle.objects.find((o) => o.id === placeRel.target_ref)).toMatchObject({ type: 'location', name: 'Pasir Panjang', country: 'SG', latitude: 1.274, longitude: 103.764 });
    const rels = bundle.objects.filter((o) => o.type === 'relationship').map((o) => o.relationship_type).sort();
    expect(rels).toEqual(['director-of', 'located-at', 'located-at', 'shipper-of']);
    const person = bundle.objects.find((o) => o.type === 'identity' && o.identity_class === 'individual')!;
    expect(person.name).toBe('John Doe');
  });

  it('gives the same bytes and ids for the same state, and UUIDv5 ids tied to the workspace', () => {
    const doc = demoCase();
    expect(stixBundleJson(caseSnapshot(WS, doc))).toBe(stixBundleJson(caseSnapshot(WS, doc)));
    const other = caseToStix(caseSnapshot('22222222-2222-4222-8222-222222222222', doc));
    const mine = caseToStix(caseSnapshot(WS, doc));
    expect(other.objects[3]!.id).not.toBe(mine.objects[3]!.id);
    for (const o of mine.objects.slice(3)) expect(o.id).toMatch(/--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // RFC 9562 test vector: UUIDv5 of "www.example.com" in the DNS namespace.
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('exports entity kinds without a STIX object as x-nest-entity (new SDO of the extension)', () => {
    const bundle = caseToStix(caseSnapshot(WS, everyKindCase()));
    const custom = bundle.objects.filter((o) => o.type === 'x-nest-entity').map((o) => (o.entity as { kind: string }).kind).sort();
    expect(custom).toEqual(['address', 'aircraft', 'bank-account', 'crypto-wallet', 'phone', 'vehicle', 'vessel']);
    expect(bundle.objects.filter((o) => o.type === 'email-addr').map((o) => o.value)).toEqual(['broker@example.org']);
    expect(bundle.objects.filter((o) => o.type === 'location' && (o.extensions as object | undefined))).toHaveLength(1);
  });
});
