/**
 * The manifest's optional parts (shared/packs/manifest.ts) at their bounds, aimed at the mutants
 * the first tests left (issue 16, docs/testing.md): the selection's dates and id lists, the
 * handling confirmation and the provenance status each keep every field when valid and are
 * refused one step past a bound, so a verifier never accepts a pack whose manifest misstates what
 * was exported or who confirmed it.
 */
import { describe, expect, it } from 'vitest';
import { handlingSchema, manifestFileSchema, manifestSchema, packSelectionSchema, provenanceStatusSchema, type Manifest } from '../../../shared/packs/manifest';

const ok = (schema: { safeParse(v: unknown): { success: boolean } }, v: unknown): boolean => schema.safeParse(v).success;
const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }): string[] =>
  r.success ? [] : r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

describe('packSelectionSchema', () => {
  it('keeps dates and id lists as given', () => {
    const s = { from: '2019-01-01', to: '2019-12-31', seizureIds: ['s-1', 's-2'], exhibitIds: ['e-1'] };
    expect(packSelectionSchema().parse(s)).toEqual(s);
    expect(packSelectionSchema().parse({})).toEqual({});
  });

  it('takes a day only as YYYY-MM-DD, anchored at both ends, with its reason', () => {
    for (const d of ['2019-1-01', '19-01-01', '2019-01-01T00:00Z', 'x2019-01-01', '2019-01-011', '2019/01/01']) {
      expect(messages(packSelectionSchema().safeParse({ from: d })), d).toEqual(['from: must be YYYY-MM-DD']);
      expect(messages(packSelectionSchema().safeParse({ to: d })), d).toEqual(['to: must be YYYY-MM-DD']);
    }
  });

  it('wants each id non-empty and at most 100 characters', () => {
    for (const key of ['seizureIds', 'exhibitIds']) {
      expect(ok(packSelectionSchema(), { [key]: ['x'.repeat(100)] }), key).toBe(true);
      expect(ok(packSelectionSchema(), { [key]: ['x'.repeat(101)] }), key).toBe(false);
      expect(ok(packSelectionSchema(), { [key]: [''] }), key).toBe(false);
      expect(ok(packSelectionSchema(), { [key]: 's-1' }), key).toBe(false);
    }
  });

  it('bounds the lists: 200 000 seizures, 100 000 exhibits', () => {
    const ids = (n: number) => Array.from({ length: n }, () => 's');
    expect(ok(packSelectionSchema(), { seizureIds: ids(200_000) })).toBe(true);
    expect(ok(packSelectionSchema(), { seizureIds: ids(200_001) })).toBe(false);
    expect(ok(packSelectionSchema(), { exhibitIds: ids(100_000) })).toBe(true);
    expect(ok(packSelectionSchema(), { exhibitIds: ids(100_001) })).toBe(false);
  });
});

describe('handlingSchema', () => {
  const h = { tlp: 'RED', confirmedBy: { memberId: 'member-ada', name: 'Ada Lim' }, confirmedAt: '2026-12-06T13:05:00.000Z' };
  it('keeps who confirmed, what and when', () => {
    expect(handlingSchema().parse(h)).toEqual(h);
    expect(ok(handlingSchema(), { ...h, tlp: 'x'.repeat(20), confirmedBy: { memberId: 'x'.repeat(100), name: 'x'.repeat(120) }, confirmedAt: 'x'.repeat(30) })).toBe(true);
  });
  it('refuses a missing or over-long part', () => {
    expect(ok(handlingSchema(), { ...h, tlp: 'x'.repeat(21) })).toBe(false);
    expect(ok(handlingSchema(), { ...h, confirmedBy: { ...h.confirmedBy, memberId: '' } })).toBe(false);
    expect(ok(handlingSchema(), { ...h, confirmedBy: { ...h.confirmedBy, memberId: 'x'.repeat(101) } })).toBe(false);
    expect(ok(handlingSchema(), { ...h, confirmedBy: { ...h.confirmedBy, name: 'x'.repeat(121) } })).toBe(false);
    expect(ok(handlingSchema(), { ...h, confirmedAt: 'x'.repeat(31) })).toBe(false);
    for (const part of ['tlp', 'confirmedBy', 'confirmedAt']) {
      const m: Record<string, unknown> = { ...h };
      delete m[part];
      expect(ok(handlingSchema(), m), part).toBe(false);
    }
  });
});

describe('provenanceStatusSchema', () => {
  it('keeps a relay read with its counts, or the reason it is unavailable', () => {
    const relay = { status: 'relay', upToSeq: 41, records: 12, flagged: 0 };
    expect(provenanceStatusSchema().parse(relay)).toEqual(relay);
    for (const reason of ['not-synced', 'relay-unreachable', 'refused']) {
      expect(provenanceStatusSchema().parse({ status: 'unavailable', reason })).toEqual({ status: 'unavailable', reason });
    }
  });
  it('refuses another status or reason, and counts that are negative, fractional or missing', () => {
    expect(ok(provenanceStatusSchema(), { status: 'unavailable', reason: 'lost' })).toBe(false);
    expect(ok(provenanceStatusSchema(), { status: 'unavailable', reason: '' })).toBe(false);
    expect(ok(provenanceStatusSchema(), { status: 'local', upToSeq: 1, records: 1, flagged: 0 })).toBe(false);
    for (const key of ['upToSeq', 'records', 'flagged']) {
      const base: Record<string, unknown> = { status: 'relay', upToSeq: 41, records: 12, flagged: 0 };
      expect(ok(provenanceStatusSchema(), { ...base, [key]: -1 }), key).toBe(false);
      expect(ok(provenanceStatusSchema(), { ...base, [key]: 1.5 }), key).toBe(false);
      delete base[key];
      expect(ok(provenanceStatusSchema(), base), key).toBe(false);
    }
  });
});

describe('manifestFileSchema exhibits', () => {
  const file = { path: 'exhibits/3f2a.jpg', size: 3, sha256: 'a'.repeat(64) };
  it('keeps the citing exhibits; at most 1000 references of at most 200 characters', () => {
    expect(manifestFileSchema().parse({ ...file, exhibits: ['NEST-2026-0001/EX-003'] })).toEqual({ ...file, exhibits: ['NEST-2026-0001/EX-003'] });
    expect(ok(manifestFileSchema(), { ...file, exhibits: Array.from({ length: 1000 }, () => 'x'.repeat(200)) })).toBe(true);
    expect(ok(manifestFileSchema(), { ...file, exhibits: Array.from({ length: 1001 }, () => 'x') })).toBe(false);
    expect(ok(manifestFileSchema(), { ...file, exhibits: ['x'.repeat(201)] })).toBe(false);
  });
});

describe('manifestSchema with every optional part', () => {
  it('keeps handling and provenance through parsing', () => {
    const m: Manifest = {
      format: 'nest-case-pack/1',
      app: { name: 'NEST Desk', version: '0.1.0' },
      workspace: { id: 'ws-1', name: 'NEST' },
      case: { id: 'case-1', number: 'N-1', title: 'Ivory', tlp: 'RED', stateVector: 'AQ' },
      exportedBy: { memberId: 'm', name: 'Ada', agency: 'NEST', role: 'admin' },
      exportedAt: '2026-12-06T13:05:00Z',
      handling: { tlp: 'RED', confirmedBy: { memberId: 'm', name: 'Ada' }, confirmedAt: '2026-12-06T13:04:00Z' },
      provenance: { status: 'relay', upToSeq: 3, records: 2, flagged: 1 },
      files: [],
    };
    expect(manifestSchema().parse(m)).toEqual(m);
    expect(ok(manifestSchema(), { ...m, handling: { ...m.handling, tlp: 'x'.repeat(21) } })).toBe(false);
    expect(ok(manifestSchema(), { ...m, provenance: { status: 'unavailable', reason: 'lost' } })).toBe(false);
  });
});
