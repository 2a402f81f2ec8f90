/**
 * Every class of unsafe ZIP entry name gets the unsafe-name verdict, named with its escaped form,
 * and fails the pack (exit status 1) — never "in the pack but not in the manifest" (breaker
 * G-VER-1: a control byte in a name without the UTF-8 flag was decoded by yauzl's CP437 table as a
 * glyph, `ctrl•name`, and the entry read as merely extra). Names yazl refuses to write are written
 * under same-length stand-ins and renamed in the bytes (pack-support.ts `renameInZip`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exitStatus, problemText } from '../../../node/packs/pack-report-text';
import { verifyPack, type PackReport } from '../../../node/packs/pack-verifier';
import { MAX_PACK_PATH, packPathSchema, printablePath, unsafePathReason, type UnsafePathReason } from '../../../shared/packs/manifest';
import { tempDir } from '../../helpers/temp-dir';
import { packKeys, packOf, readZip, renameInZip, writeZip, type PackKeys } from './pack-support';

let keys: PackKeys;
let dir: string;
let entries: [string, Buffer][];
beforeAll(async () => {
  keys = await packKeys();
  dir = tempDir('nest-pack-unsafe-');
  entries = await readZip((await packOf(dir, keys, { 'data/case.json': '{"n":1}', 'exhibits/c.bin': 'bytes' })).file);
});

/** Clears the UTF-8 flag (bit 11) of every local and central header: names are then read as CP437. */
function clearUtf8Flags(file: string): void {
  const zip = fs.readFileSync(file);
  for (const [sig, at] of [[0x04034b50, 6], [0x02014b50, 8]] as const) {
    const mark = Buffer.alloc(4);
    mark.writeUInt32LE(sig);
    for (let i = zip.indexOf(mark); i !== -1; i = zip.indexOf(mark, i + 1)) zip.writeUInt16LE(zip.readUInt16LE(i + at) & ~0x0800, i + at);
  }
  fs.writeFileSync(file, zip);
}

let n = 0;
/** The untouched pack plus one entry named `name` (through a stand-in of the same UTF-8 length), verified with the trusted key. */
async function withEntry(name: string, utf8Flag: boolean): Promise<PackReport> {
  const f = path.join(dir, `u${n++}.zip`);
  const standIn = `Z${n}`.padEnd(Buffer.byteLength(name), 'Q');
  await writeZip(f, [...entries, [standIn, Buffer.from('planted')]]);
  renameInZip(f, { [standIn]: name });
  if (!utf8Flag) clearUtf8Flags(f);
  return verifyPack(f, keys.workspace.publicJwk);
}

/** [name, reason, how the verifier shows it, whether the name can be written without the UTF-8 flag (ASCII bytes only)]. */
const CASES: [string, UnsafePathReason, string, boolean][] = [
  ['ctrl\x07name', 'control', 'ctrl\\u0007name', true],
  ['nul\x00name.txt', 'control', 'nul\\u0000name.txt', true],
  ['line\nFAKE: VERIFIED', 'control', 'line\\u000aFAKE: VERIFIED', true],
  ['del\x7fname', 'control', 'del\\u007fname', true],
  ['c1\u0085name', 'control', 'c1\\u0085name', false],
  ['sep\u2028name', 'control', 'sep\\u2028name', false],
  ['photo\u202egpj.exe', 'bidi', 'photo\\u202egpj.exe', false],
  ['iso\u2066late\u2069.txt', 'bidi', 'iso\\u2066late\\u2069.txt', false],
  ['../evil.sh', 'parent', '../evil.sh', true],
  ['data/../../evil.sh', 'parent', 'data/../../evil.sh', true],
  ['/etc/passwd', 'absolute', '/etc/passwd', true],
  ['C:/win.ini', 'absolute', 'C:/win.ini', true],
  ['data\\evil.txt', 'backslash', 'data\\evil.txt', true],
  ['x'.repeat(MAX_PACK_PATH + 1), 'overlong', `${'x'.repeat(MAX_PACK_PATH)}…`, true],
];

describe('verifyPack, every unsafe entry name class (breaker G-VER-1)', () => {
  it.each(CASES)('%j is an unsafe name (%s), shown escaped, and fails the pack', async (name, reason, shown, ascii) => {
    for (const utf8Flag of ascii ? [true, false] : [true]) {
      const r = await withEntry(name, utf8Flag);
      expect(r.problems, `UTF-8 flag ${utf8Flag}`).toEqual([{ kind: 'unsafe-name', path: shown, reason }]);
      expect(r).toMatchObject({ ok: false, intact: false, trusted: true, entries: 2 });
      expect(exitStatus(r)).toBe(1);
      expect(problemText(r.problems[0]!)).toMatch(new RegExp(`^${shown.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}: unsafe file name \\(`));
      // The sentence can hold no raw control or bidi character, so it cannot forge a line or reorder itself.
      // eslint-disable-next-line no-control-regex -- looking for raw control characters
      expect(problemText(r.problems[0]!)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
    }
  });

  it('the same pack without the UTF-8 flag on its (ASCII) names still verifies: only control bytes change meaning', async () => {
    const f = path.join(dir, `plain${n++}.zip`);
    await writeZip(f, entries);
    clearUtf8Flags(f);
    const r = await verifyPack(f, keys.workspace.publicJwk);
    expect(r).toMatchObject({ ok: true, problems: [], entries: 2 });
  });

  it('an unflagged name with CP437 letters is read as CP437, not refused (0x82 is é)', async () => {
    const f = path.join(dir, `cp${n++}.zip`);
    await writeZip(f, [...entries, ['caf\u00e9.txt', Buffer.from('x')]]);
    const zip = fs.readFileSync(f);
    const utf8 = Buffer.from('caf\u00e9.txt');
    const cp437 = Buffer.concat([Buffer.from('caf'), Buffer.from([0x82]), Buffer.from('.txtQ')]);
    // Same length: é is two bytes in UTF-8; the CP437 form is padded with one more letter.
    for (let i = zip.indexOf(utf8); i !== -1; i = zip.indexOf(utf8, i + 1)) cp437.copy(zip, i);
    fs.writeFileSync(f, zip);
    clearUtf8Flags(f);
    expect((await verifyPack(f, keys.workspace.publicJwk)).problems).toEqual([{ kind: 'extra', path: 'café.txtQ' }]);
  });
});

describe('the one path rule (unsafePathReason, packPathSchema)', () => {
  it('gives each class its reason, and passes ordinary names', () => {
    for (const [name, reason] of CASES) expect(unsafePathReason(name), JSON.stringify(name)).toBe(reason);
    for (const ok of ['data/case.json', 'exhibits/' + 'a'.repeat(64), 'x'.repeat(MAX_PACK_PATH), 'تقرير/ملف.pdf', 'ü/€', 'a b']) expect(unsafePathReason(ok), ok).toBeNull();
  });

  it('the manifest schema refuses what the verifier refuses', () => {
    for (const [name] of CASES) expect(packPathSchema().safeParse(name).success, JSON.stringify(name)).toBe(false);
    expect(packPathSchema().safeParse('x'.repeat(MAX_PACK_PATH)).success).toBe(true);
  });

  it('printablePath escapes controls and bidi characters and leaves other text as it is', () => {
    expect(printablePath('a\u202eb\tc\u0085d')).toBe('a\\u202eb\\u0009c\\u0085d');
    expect(printablePath('تقرير/ü.pdf')).toBe('تقرير/ü.pdf');
  });
});
