/**
 * The manifest's schema decides what a verifier accepts as a pack's list of files: a path that
 * could unpack outside its folder, a hash that is not SHA-256 hex, or a manifest that dropped a
 * field must be refused, and every field of a valid one must come through parsing unchanged.
 */
import { describe, expect, it } from 'vitest';
import { clashingPaths, MANIFEST_PATH, manifestFileSchema, manifestSchema, PACK_FORMAT, PACK_FORMAT_V1, packPathSchema, SIGNATURE_PATH, type Manifest } from '../../../shared/packs/manifest';

const HASH = 'a'.repeat(64);
const valid = (): Manifest => ({
  format: PACK_FORMAT,
  app: { name: 'NEST Desk', version: '0.1.0' },
  workspace: { id: 'ws-1', name: 'NEST Singapore 2026' },
  case: { id: 'case-1', number: 'SGNEST-2026-0001', title: 'Ivory', tlp: 'AMBER', stateVector: 'AQLJ7wEA', volumes: [{ n: 1, stateVector: 'AQIDBA==' }] },
  exportedBy: { memberId: 'member-ada', name: 'Ada Lim', agency: 'NEST Secretariat', role: 'admin' },
  exportedAt: '2026-12-06T13:05:00.000Z',
  selection: { from: '2019-01-01', to: '2019-12-31' },
  files: [{ path: 'exhibits/3f2a.jpg', size: 1024, sha256: HASH, mediaType: 'image/jpeg', originalName: 'photo 1.jpg' }],
});
const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }): string[] =>
  r.success ? [] : r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

describe('constants', () => {
  it('names the format and the two unlisted files', () => {
    expect(PACK_FORMAT).toBe('nest-case-pack/2');
    expect(MANIFEST_PATH).toBe('manifest.json');
    expect(SIGNATURE_PATH).toBe('manifest.sig');
  });
});

describe('packPathSchema', () => {
  const ok = (p: string): boolean => packPathSchema().safeParse(p).success;
  it('accepts relative paths with forward slashes', () => {
    for (const p of ['a', 'data/case.json', 'exhibits/a b/c.jpg', '...', '.hidden', 'a..b/c', 'x'.repeat(400), 'a\u0020b', 'ü/€']) expect(ok(p), p).toBe(true);
  });
  it('refuses what could escape its folder or hide a name, with the reason', () => {
    for (const p of ['', '/etc/passwd', 'a\\b', '..\\a', 'a/../b', '../a', '..', '.', './a', 'a/.', 'a//b', 'a/', 'a\u0000b', 'a\u001fb', '\nx', 'x'.repeat(401)]) expect(ok(p), JSON.stringify(p)).toBe(false);
    expect(issues(packPathSchema().safeParse('a/../b'))).toEqual([': must be a relative path with forward slashes and no . or .. segments']);
    expect(issues(packPathSchema().safeParse('/a'))).toEqual([': must be a relative path with forward slashes and no . or .. segments']);
  });
});

describe('manifestFileSchema', () => {
  const file = { path: 'a.txt', size: 0, sha256: HASH };
  it('accepts an empty file and keeps every field', () => {
    expect(manifestFileSchema().parse({ ...file, mediaType: 'text/plain', originalName: 'A.TXT' })).toEqual({ ...file, mediaType: 'text/plain', originalName: 'A.TXT' });
  });
  it('wants the size as a whole number of bytes', () => {
    expect(manifestFileSchema().safeParse({ ...file, size: -1 }).success).toBe(false);
    expect(manifestFileSchema().safeParse({ ...file, size: 1.5 }).success).toBe(false);
    expect(manifestFileSchema().safeParse({ ...file, size: '1' }).success).toBe(false);
  });
  it('wants the SHA-256 as exactly 64 lowercase hex digits', () => {
    expect(manifestFileSchema().safeParse({ ...file, sha256: '0123456789abcdef'.repeat(4) }).success).toBe(true);
    for (const h of ['A'.repeat(64), 'a'.repeat(63), 'a'.repeat(65), 'g'.repeat(64), ` ${'a'.repeat(63)}`, `${'a'.repeat(64)}\n`]) {
      expect(issues(manifestFileSchema().safeParse({ ...file, sha256: h })), h).toEqual(['sha256: must be 64 lowercase hex digits']);
    }
  });
  it('bounds the media type and original name', () => {
    expect(manifestFileSchema().safeParse({ ...file, mediaType: 'x'.repeat(200), originalName: 'y'.repeat(500) }).success).toBe(true);
    expect(manifestFileSchema().safeParse({ ...file, mediaType: 'x'.repeat(201) }).success).toBe(false);
    expect(manifestFileSchema().safeParse({ ...file, originalName: 'y'.repeat(501) }).success).toBe(false);
  });
});

describe('manifestSchema, formats 1 and 2 (volume docs)', () => {
  it('format 2 requires each volume doc’s state vector, listed once by number; format 1 (older packs) has none and still parses', () => {
    const { volumes: _v, ...caseV1 } = valid().case;
    expect(issues(manifestSchema().safeParse({ ...valid(), case: caseV1 }))).toEqual(['case.volumes: required in nest-case-pack/2']);
    expect(manifestSchema().parse({ ...valid(), format: PACK_FORMAT_V1, case: caseV1 }).case).toEqual(caseV1);
    expect(issues(manifestSchema().safeParse({ ...valid(), format: PACK_FORMAT_V1 }))).toEqual(['case.volumes: not part of nest-case-pack/1']);
    expect(manifestSchema().parse({ ...valid(), case: { ...valid().case, volumes: [] } }).case.volumes).toEqual([]);
    const two = (a: number, b: number) => ({ ...valid(), case: { ...valid().case, volumes: [{ n: a, stateVector: 'AA==' }, { n: b, stateVector: 'AA==' }] } });
    expect(manifestSchema().safeParse(two(1, 2)).success).toBe(true);
    expect(issues(manifestSchema().safeParse(two(2, 1)))).toEqual(['case.volumes: must list each volume once, by number ascending']);
    expect(issues(manifestSchema().safeParse(two(1, 1)))).toEqual(['case.volumes: must list each volume once, by number ascending']);
    expect(manifestSchema().safeParse(two(0, 1)).success).toBe(false);
    expect(manifestSchema().safeParse({ ...valid(), provenance: { status: 'relay', upToSeq: 3, records: 2, flagged: 0, volumes: [{ n: 1, upToSeq: 0 }] } }).success).toBe(true);
    expect(manifestSchema().safeParse({ ...valid(), provenance: { status: 'relay', upToSeq: 3, records: 2, flagged: 0, volumes: [{ n: 1, upToSeq: -1 }] } }).success).toBe(false);
  });
});

describe('manifestSchema', () => {
  it('keeps every field of a valid manifest', () => {
    expect(manifestSchema().parse(valid())).toEqual(valid());
    const { selection: _, ...whole } = valid();
    expect(manifestSchema().parse(whole)).toEqual(whole);
    expect(manifestSchema().parse({ ...valid(), files: [] }).files).toEqual([]);
  });

  it('refuses another format, a missing part and an unknown role', () => {
    expect(issues(manifestSchema().safeParse({ ...valid(), format: 'nest-case-pack/3' }))).toHaveLength(1);
    for (const part of ['app', 'workspace', 'case', 'exportedBy', 'exportedAt', 'files', 'format'] as const) {
      const m: Record<string, unknown> = valid();
      delete m[part];
      expect(manifestSchema().safeParse(m).success, part).toBe(false);
    }
    expect(manifestSchema().safeParse({ ...valid(), exportedBy: { ...valid().exportedBy, role: 'owner' } }).success).toBe(false);
    expect(manifestSchema().safeParse({ ...valid(), files: [{ path: '../x', size: 1, sha256: HASH }] }).success).toBe(false);
  });

  it('wants each id and name present where it must be, and bounded', () => {
    const v = valid();
    const bad: [string, Manifest][] = [
      ['app.name empty', { ...v, app: { ...v.app, name: '' } }],
      ['app.name long', { ...v, app: { ...v.app, name: 'x'.repeat(101) } }],
      ['app.version empty', { ...v, app: { ...v.app, version: '' } }],
      ['app.version long', { ...v, app: { ...v.app, version: 'x'.repeat(51) } }],
      ['workspace.id empty', { ...v, workspace: { ...v.workspace, id: '' } }],
      ['workspace.id long', { ...v, workspace: { ...v.workspace, id: 'x'.repeat(101) } }],
      ['workspace.name long', { ...v, workspace: { ...v.workspace, name: 'x'.repeat(201) } }],
      ['case.id empty', { ...v, case: { ...v.case, id: '' } }],
      ['case.number long', { ...v, case: { ...v.case, number: 'x'.repeat(101) } }],
      ['case.title long', { ...v, case: { ...v.case, title: 'x'.repeat(501) } }],
      ['case.tlp long', { ...v, case: { ...v.case, tlp: 'x'.repeat(21) } }],
      ['case.stateVector long', { ...v, case: { ...v.case, stateVector: 'x'.repeat(100_001) } }],
      ['exportedBy.memberId empty', { ...v, exportedBy: { ...v.exportedBy, memberId: '' } }],
      ['exportedBy.name long', { ...v, exportedBy: { ...v.exportedBy, name: 'x'.repeat(121) } }],
      ['exportedBy.agency long', { ...v, exportedBy: { ...v.exportedBy, agency: 'x'.repeat(201) } }],
      ['selection not a date range', { ...v, selection: { from: 'last year' } }],
    ];
    for (const [what, m] of bad) expect(manifestSchema().safeParse(m).success, what).toBe(false);
    // Blank names and numbers are allowed (a case may not have a number yet).
    expect(manifestSchema().safeParse({ ...v, workspace: { ...v.workspace, name: '' }, case: { ...v.case, number: '', title: '' } }).success).toBe(true);
  });

  it('takes exportedAt only as an ISO 8601 UTC instant', () => {
    for (const t of ['2026-12-06T13:05:00.000Z', '2026-12-06T13:05:00Z']) expect(manifestSchema().safeParse({ ...valid(), exportedAt: t }).success, t).toBe(true);
    for (const t of ['2026-12-06T13:05:00.000+01:00', '2026-12-06 13:05:00Z', 'x2026-12-06T13:05:00Z', '2026-12-06T13:05:00.000Zx', '2026-12-06T13:05:00.00Z', '2026-12-06', '']) {
      expect(manifestSchema().safeParse({ ...valid(), exportedAt: t }).success, t).toBe(false);
    }
  });
});

describe('clashingPaths', () => {
  it('names a path listed twice (each repeat) and the manifest or signature listed as a file', () => {
    expect(clashingPaths([{ path: 'a' }, { path: 'b' }])).toEqual([]);
    expect(clashingPaths([])).toEqual([]);
    expect(clashingPaths([{ path: 'a' }, { path: 'b' }, { path: 'a' }, { path: 'a' }])).toEqual(['a', 'a']);
    expect(clashingPaths([{ path: MANIFEST_PATH }, { path: 'x' }, { path: SIGNATURE_PATH }])).toEqual(['manifest.json', 'manifest.sig']);
  });
});
