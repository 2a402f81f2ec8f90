/**
 * The pack verifier's refusals one by one, each with the exact problem list: a pack without a
 * manifest or signature, a manifest that is not JSON, not a manifest or not canonical, a signature
 * file that does not parse, a certificate another workspace signed, a file listed twice, a second
 * manifest, an entry that cannot be read, a pack that is not there. Small packs, so that mutation
 * testing (npm run test:mutation -- packs) can run them for every mutant.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../shared/packs/canonical-json';
import { MANIFEST_PATH, SIGNATURE_PATH } from '../../../shared/packs/manifest';
import { issueMemberCertificate } from '../../../shared/packs/signature';
import { verifyPack, type PackReport } from '../../../node/packs/pack-verifier';
import { tempDir } from '../../helpers/temp-dir';
import { packKeys, packOf, readZip, renameInZip, signerFor, writeZip, type PackKeys } from './pack-support';

const FILES = { 'data/case.json': '{"n":1}', 'data/b.txt': 'bee', 'exhibits/c.bin': 'x'.repeat(1000) };
let keys: PackKeys;
let dir: string;
let entries: [string, Buffer][];
let manifest: Record<string, unknown>;
beforeAll(async () => {
  keys = await packKeys();
  dir = tempDir('nest-pack-edges-');
  const { file } = await packOf(dir, keys, FILES);
  entries = await readZip(file);
  manifest = JSON.parse(entries.find(([n]) => n === MANIFEST_PATH)![1].toString('utf8')) as Record<string, unknown>;
});

let n = 0;
/** Writes `list` as a pack and verifies it with the trusted key. */
async function check(list: [string, Buffer][], trusted = true): Promise<PackReport> {
  const f = path.join(dir, `p${n++}.zip`);
  await writeZip(f, list);
  return verifyPack(f, trusted ? keys.workspace.publicJwk : undefined);
}
/** The pack's entries with `name` replaced by `bytes` (or dropped when null). */
const replaced = (name: string, bytes: Buffer | null): [string, Buffer][] =>
  entries.flatMap(([m, b]): [string, Buffer][] => (m !== name ? [[m, b]] : bytes ? [[m, bytes]] : []));
/** A re-signed pack with `manifestText` as its manifest (the member signs whatever is given). */
async function resigned(manifestText: string): Promise<[string, Buffer][]> {
  const bytes = Buffer.from(manifestText);
  const sig = await signerFor(keys)(bytes);
  return replaced(MANIFEST_PATH, bytes).map(([m, b]) => [m, m === SIGNATURE_PATH ? Buffer.from(JSON.stringify(sig)) : b]);
}

describe('verifyPack, one problem at a time', () => {
  it('counts the hashed entries and their bytes, not the manifest or signature', async () => {
    const r = await check(entries);
    expect(r).toMatchObject({ ok: true, intact: true, trusted: true, problems: [], entries: 3, bytes: 7 + 3 + 1000, workspaceKid: keys.workspace.kid });
    expect(r.signer?.memberId).toBe('member-ada');
  });

  it('takes the trusted key as JSON text too', async () => {
    const f = path.join(dir, `p${n++}.zip`);
    await writeZip(f, entries);
    expect((await verifyPack(f, JSON.stringify(keys.workspace.publicJwk) as never)).ok).toBe(true);
  });

  it('a pack without a manifest: only that, and no signature check', async () => {
    const r = await check(replaced(MANIFEST_PATH, null));
    expect(r).toMatchObject({ ok: false, intact: false, trusted: false, problems: [{ kind: 'no-manifest' }], manifest: null, signer: null, workspaceKid: null, entries: 3 });
  });

  it('a pack without a signature is intact in its files but not intact', async () => {
    const r = await check(replaced(SIGNATURE_PATH, null));
    expect(r.problems).toEqual([{ kind: 'no-signature' }]);
    expect(r).toMatchObject({ ok: false, intact: false, trusted: false, signer: null, workspaceKid: null });
    expect(r.manifest?.files.map((f) => f.path)).toEqual(Object.keys(FILES));
  });

  it('a manifest that is not JSON, with the parser’s reason', async () => {
    const r = await check(replaced(MANIFEST_PATH, Buffer.from('{"format":')));
    expect(r.problems[0]).toEqual({ kind: 'bad-manifest', detail: expect.stringMatching(/JSON/) as unknown as string });
    expect(r.manifest).toBeNull();
    // The bytes are still checked against the signature (they are what was signed, or not).
    expect(r.problems.map((p) => p.kind)).toEqual(['bad-manifest', 'signature-invalid']);
  });

  it('a manifest that is JSON but not a manifest, naming each field that fails', async () => {
    const files = manifest.files as { sha256: string }[];
    const wrong = { ...manifest, files: [{ ...files[0], sha256: 'ABC' }, ...files.slice(1)] };
    const r = await check(await resigned(canonicalJson(wrong)));
    expect(r.problems).toEqual([{ kind: 'bad-manifest', detail: 'files.0.sha256: must be 64 lowercase hex digits' }]);
    const notObject = await check(await resigned('[]'));
    expect(notObject.problems).toEqual([{ kind: 'bad-manifest', detail: expect.stringMatching(/^manifest: /) as unknown as string }]);
    const two = await check(await resigned(canonicalJson({ ...manifest, format: 'x', exportedAt: 'y' })));
    expect(two.problems).toEqual([{ kind: 'bad-manifest', detail: expect.stringMatching(/^format: .+; exportedAt: .+$/) as unknown as string }]);
  });

  it('a manifest re-serialised after signing (same content, other bytes) is not canonical', async () => {
    const r = await check(await resigned(JSON.stringify(manifest, null, 1)));
    expect(r.problems).toEqual([{ kind: 'manifest-not-canonical' }]);
    expect(r.manifest?.case.id).toBe('case-1');
    expect(r.signer?.memberId).toBe('member-ada');
    expect(r).toMatchObject({ ok: false, intact: false, trusted: true });
  });

  it('a signature file that does not parse, with the reason', async () => {
    const notJson = await check(replaced(SIGNATURE_PATH, Buffer.from('not json')));
    expect(notJson.problems).toEqual([{ kind: 'bad-signature-file', detail: expect.stringMatching(/JSON/) as unknown as string }]);
    expect(notJson.workspaceKid).toBeNull();
    const wrongShape = await check(replaced(SIGNATURE_PATH, Buffer.from(JSON.stringify({ format: 'nest-pack-signature/1' }))));
    expect(wrongShape.problems).toHaveLength(1);
    expect(wrongShape.problems[0]?.kind).toBe('bad-signature-file');
    const detail = (wrongShape.problems[0] as { detail: string }).detail;
    expect(detail.length).toBe(500); // zod’s message for four missing fields is longer; it is cut
    expect(detail).toMatch(/jws/);
  });

  it('a certificate signed by another workspace key than the one in the pack', async () => {
    const other = await packKeys();
    const sig = JSON.parse(entries.find(([m]) => m === SIGNATURE_PATH)![1].toString('utf8')) as Record<string, unknown>;
    const forged = await issueMemberCertificate(other.workspace.privateJwk, { workspaceId: 'ws-1', memberId: 'member-ada', name: 'Ada Lim', agency: 'NEST Secretariat', role: 'admin', memberKey: keys.member.publicJwk, issuedAt: 0 });
    const r = await check(replaced(SIGNATURE_PATH, Buffer.from(JSON.stringify({ ...sig, memberCertificate: forged }))));
    expect(r.problems).toEqual([{ kind: 'certificate-invalid', detail: 'signature verification failed' }]);
    expect(r.signer).toBeNull();
    expect(r).toMatchObject({ ok: false, intact: false, trusted: true, workspaceKid: keys.workspace.kid });
  });

  it('a file listed twice in the manifest, and a second manifest or signature entry', async () => {
    const files = manifest.files as unknown[];
    const twice = await check(await resigned(canonicalJson({ ...manifest, files: [...files, files[1]] })));
    expect(twice.problems).toEqual([{ kind: 'duplicate', path: 'data/b.txt' }]);
    const secondManifest = await check([...entries, [MANIFEST_PATH, Buffer.from('{}')]]);
    expect(secondManifest.problems).toEqual([{ kind: 'duplicate', path: MANIFEST_PATH }]);
    const secondSig = await check([...entries, [SIGNATURE_PATH, Buffer.from('{}')]]);
    expect(secondSig.problems).toEqual([{ kind: 'duplicate', path: SIGNATURE_PATH }]);
    expect(secondSig.entries).toBe(3);
  });

  it('a changed file names both sizes and both hashes', async () => {
    const r = await check(replaced('data/b.txt', Buffer.from('bees')));
    const listed = (manifest.files as { path: string; sha256: string }[]).find((f) => f.path === 'data/b.txt')!;
    expect(r.problems).toEqual([{ kind: 'changed', path: 'data/b.txt', expectedSize: 3, actualSize: 4, expectedSha256: listed.sha256, actualSha256: createHash('sha256').update('bees').digest('hex') }]);
    expect(r.bytes).toBe(7 + 4 + 1000);
  });

  it('an entry that cannot be read is named once, not also as missing', async () => {
    const f = path.join(dir, `p${n++}.zip`);
    await writeZip(f, entries);
    const zip = fs.readFileSync(f);
    // Corrupt the deflated data of exhibits/c.bin (1000 × "x" compresses to a few bytes).
    const at = zip.indexOf(Buffer.from('exhibits/c.bin')) + 'exhibits/c.bin'.length;
    for (let i = 0; i < 6; i++) zip[at + i] = 0xff;
    fs.writeFileSync(f, zip);
    const r = await verifyPack(f, keys.workspace.publicJwk);
    expect(r.problems).toEqual([{ kind: 'entry-unreadable', path: 'exhibits/c.bin', detail: expect.any(String) as unknown as string }]);
    expect(r.entries).toBe(2);
  });

  it('a manifest that cannot be read is reported once, not also as missing (issue 14 F-VERIFY-3)', async () => {
    const f = path.join(dir, `p${n++}.zip`);
    await writeZip(f, replaced(MANIFEST_PATH, Buffer.from(' '.repeat(5000))));
    const zip = fs.readFileSync(f);
    // Corrupt the deflated data of manifest.json (5000 spaces compress to a few bytes).
    const at = zip.indexOf(Buffer.from(MANIFEST_PATH)) + MANIFEST_PATH.length;
    for (let i = 0; i < 6; i++) zip[at + i] = 0xff;
    fs.writeFileSync(f, zip);
    const r = await verifyPack(f, keys.workspace.publicJwk);
    expect(r.problems.filter((p) => p.kind === 'entry-unreadable' || p.kind === 'no-manifest')).toEqual([{ kind: 'entry-unreadable', path: MANIFEST_PATH, detail: expect.any(String) as unknown as string }]);
  });

  it('a pack that is not there or not a ZIP is unreadable, with the reason', async () => {
    const missing = await verifyPack(path.join(dir, 'nowhere.zip'));
    expect(missing.problems).toEqual([{ kind: 'unreadable', detail: expect.stringMatching(/ENOENT/) as unknown as string }]);
    expect(missing).toMatchObject({ ok: false, intact: false, entries: 0 });
    const f = path.join(dir, 'text.zip');
    fs.writeFileSync(f, 'not a zip at all, just text');
    const r = await verifyPack(f);
    expect(r.problems).toEqual([{ kind: 'unreadable', detail: expect.stringMatching(/end of central directory/i) as unknown as string }]);
  });
});

/** `zip` with the bytes of `from` replaced by `to` (same length) wherever they occur. */
function patched(zip: Buffer, from: string, to: string): Buffer {
  const out = Buffer.from(zip);
  for (let at = out.indexOf(from); at !== -1; at = out.indexOf(from, at + 1)) out.write(to, at, 'latin1');
  return out;
}
/** Writes `list` as a ZIP, lets `edit` change its bytes, and verifies it with the trusted key. */
async function checkEdited(list: [string, Buffer][], edit: (zip: Buffer) => Buffer): Promise<PackReport> {
  const f = path.join(dir, `p${n++}.zip`);
  await writeZip(f, list);
  fs.writeFileSync(f, edit(fs.readFileSync(f)));
  return verifyPack(f, keys.workspace.publicJwk);
}
/**
 * Writes a ZIP of stored (uncompressed) entries, each `size` blanks, by hand, in 1 MiB writes: yazl
 * would spend seconds on the CRC of 128 MiB, and the reader checks no CRC. ZIP layout: APPNOTE 4.3.
 */
function writeBlankZip(file: string, list: [string, number][]): void {
  const fd = fs.openSync(file, 'w');
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, size] of list) {
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 name
    local.writeUInt32LE(size, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    fs.writeSync(fd, Buffer.concat([local, nameBytes]));
    for (let left = size; left > 0; left -= chunk.length) fs.writeSync(fd, chunk, 0, Math.min(left, chunk.length));
    const head = Buffer.alloc(46);
    head.writeUInt32LE(0x02014b50, 0);
    head.writeUInt16LE(20, 4); // made by
    head.writeUInt16LE(20, 6); // needed
    head.writeUInt16LE(0x0800, 8);
    head.writeUInt32LE(size, 20);
    head.writeUInt32LE(size, 24);
    head.writeUInt16LE(nameBytes.length, 28);
    head.writeUInt32LE(offset, 42);
    central.push(head, nameBytes);
    offset += 30 + nameBytes.length + size;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(list.length, 8);
  end.writeUInt16LE(list.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  fs.writeSync(fd, Buffer.concat([dirBytes, end]));
  fs.closeSync(fd);
}
/** The manifest's listing of `p`. */
const listing = (p: string): { path: string; size: number; sha256: string } => (manifest.files as { path: string; size: number; sha256: string }[]).find((f) => f.path === p)!;
const sha = (s: string): string => createHash('sha256').update(s).digest('hex');

describe('verifyPack, what a tampered or forged pack cannot get past (issue 16 mutants)', () => {
  it('a file the manifest lists that is not in the pack is missing', async () => {
    const r = await check(replaced('data/b.txt', null));
    expect(r.problems).toEqual([{ kind: 'missing', path: 'data/b.txt' }]);
    expect(r).toMatchObject({ ok: false, intact: false, trusted: true, entries: 2, bytes: 7 + 1000 });
  });

  it('a file in the pack that the manifest does not list is extra', async () => {
    const r = await check([...entries, ['data/planted.txt', Buffer.from('planted')]]);
    expect(r.problems).toEqual([{ kind: 'extra', path: 'data/planted.txt' }]);
    expect(r).toMatchObject({ ok: false, intact: false, entries: 4 });
  });

  it('a file changed to other bytes of the same size is changed', async () => {
    const r = await check(replaced('data/b.txt', Buffer.from('bez')));
    expect(r.problems).toEqual([{ kind: 'changed', path: 'data/b.txt', expectedSize: 3, actualSize: 3, expectedSha256: listing('data/b.txt').sha256, actualSha256: sha('bez') }]);
  });

  it('a manifest that states a wrong size for the right bytes is a change too', async () => {
    const files = (manifest.files as { path: string; size: number }[]).map((f) => (f.path === 'data/b.txt' ? { ...f, size: 4 } : f));
    const r = await check(await resigned(canonicalJson({ ...manifest, files })));
    expect(r.problems).toEqual([{ kind: 'changed', path: 'data/b.txt', expectedSize: 4, actualSize: 3, expectedSha256: sha('bee'), actualSha256: sha('bee') }]);
  });

  it('an unreadable entry hides neither another file missing nor a missing manifest', async () => {
    const corrupt = (zip: Buffer): Buffer => {
      const at = zip.indexOf(Buffer.from('exhibits/c.bin')) + 'exhibits/c.bin'.length;
      for (let i = 0; i < 6; i++) zip[at + i] = 0xff;
      return zip;
    };
    const unreadable = { kind: 'entry-unreadable', path: 'exhibits/c.bin', detail: expect.any(String) as unknown as string };
    const lost = await checkEdited(replaced('data/b.txt', null), corrupt);
    expect(lost.problems).toEqual([unreadable, { kind: 'missing', path: 'data/b.txt' }]);
    const noManifest = await checkEdited(replaced(MANIFEST_PATH, null), corrupt);
    expect(noManifest.problems).toEqual([unreadable, { kind: 'no-manifest' }]);
  });

  it('the order of the entries does not matter: manifest and signature first is the same pack', async () => {
    const meta = entries.filter(([m]) => m === MANIFEST_PATH || m === SIGNATURE_PATH);
    const r = await check([...meta.reverse(), ...entries.filter(([m]) => m !== MANIFEST_PATH && m !== SIGNATURE_PATH)]);
    expect(r).toMatchObject({ ok: true, intact: true, problems: [], entries: 3, bytes: 7 + 3 + 1000 });
  });

  it('a signature over other bytes is invalid, whoever vouched for the key', async () => {
    const sig = JSON.parse(entries.find(([m]) => m === SIGNATURE_PATH)![1].toString('utf8')) as Record<string, unknown>;
    const other = await signerFor(keys)(Buffer.from(canonicalJson({ ...manifest, exportedAt: '2026-12-06T13:05:01.000Z' })));
    const r = await check(replaced(SIGNATURE_PATH, Buffer.from(JSON.stringify({ ...sig, jws: other.jws }))));
    expect(r.problems).toEqual([{ kind: 'signature-invalid' }]);
    expect(r).toMatchObject({ ok: false, intact: false, trusted: true });
  });

  it('a member key the certificate does not vouch for is refused, even with a valid signature by it', async () => {
    // The forger signs with their own key and presents the genuine certificate (which names Ada's key).
    const forger = await packKeys();
    const sig = JSON.parse(entries.find(([m]) => m === SIGNATURE_PATH)![1].toString('utf8')) as Record<string, unknown>;
    const manifestBytes = entries.find(([m]) => m === MANIFEST_PATH)![1];
    const forged = await signerFor({ ...forger, certificate: keys.certificate, workspace: keys.workspace })(manifestBytes);
    expect(forged.memberKey).toEqual(forger.member.publicJwk);
    const r = await check(replaced(SIGNATURE_PATH, Buffer.from(JSON.stringify({ ...sig, jws: forged.jws, memberKey: forged.memberKey }))));
    expect(r.problems).toEqual([{ kind: 'certificate-key-mismatch' }]);
    expect(r).toMatchObject({ ok: false, intact: false, trusted: true, signer: null });
  });

  it('a pack vouched for by another workspace key than the trusted one names both key ids', async () => {
    const other = await packKeys();
    const f = path.join(dir, `p${n++}.zip`);
    await writeZip(f, entries);
    const r = await verifyPack(f, other.workspace.publicJwk);
    expect(r.problems).toEqual([{ kind: 'workspace-key-mismatch', expectedKid: other.workspace.kid, actualKid: keys.workspace.kid }]);
    expect(r).toMatchObject({ ok: false, intact: false, trusted: false });
  });

  it('without a trusted key an untouched pack is intact but not ok', async () => {
    const r = await check(entries, false);
    expect(r).toMatchObject({ ok: false, intact: true, trusted: false, problems: [], workspaceKid: keys.workspace.kid });
    expect(r.signer?.memberId).toBe('member-ada');
  });

  it('an entry name with a backslash is named as unsafe, and the file it stands for is missing (it would unpack elsewhere)', async () => {
    const list = entries.map(([m, b]): [string, Buffer] => [m === 'data/b.txt' ? 'data|b.txt' : m, b]);
    const r = await checkEdited(list, (zip) => patched(zip, 'data|b.txt', 'data\\b.txt'));
    expect(r.problems).toEqual([
      { kind: 'unsafe-name', path: 'data\\b.txt', reason: 'backslash' },
      { kind: 'missing', path: 'data/b.txt' },
    ]);
    expect(r).toMatchObject({ ok: false, intact: false });
  });

  it('an entry whose local header is broken is unreadable, with the reader’s reason', async () => {
    const r = await checkEdited(entries, (zip) => {
      const local = zip.indexOf(Buffer.from('exhibits/c.bin')) - 30;
      expect(zip.readUInt32LE(local)).toBe(0x04034b50);
      zip.writeUInt32LE(0x04034b51, local);
      return zip;
    });
    expect(r.problems).toEqual([{ kind: 'entry-unreadable', path: 'exhibits/c.bin', detail: 'invalid local file header signature: 0x4034b51' }]);
    expect(r.entries).toBe(2);
  });

  it('an entry whose ZIP directory states another size than its bytes is unreadable', async () => {
    const r = await checkEdited(entries, (zip) => {
      const name = Buffer.from('data/b.txt');
      const central = zip.indexOf(name, zip.indexOf(name) + 1) - 46;
      expect(zip.readUInt32LE(central)).toBe(0x02014b50);
      expect(zip.readUInt32LE(central + 24)).toBe(3);
      zip.writeUInt32LE(4, central + 24);
      return zip;
    });
    expect(r.problems).toEqual([{ kind: 'entry-unreadable', path: 'data/b.txt', detail: expect.stringMatching(/expected 4/) as unknown as string }]);
  });

  it.runIf(fs.existsSync('/proc/self/fd'))('closes the pack before giving the verdict', async () => {
    const f = path.join(dir, `closed${n++}.zip`);
    await writeZip(f, entries);
    const r = await verifyPack(f, keys.workspace.publicJwk);
    expect(r.ok).toBe(true);
    const open = fs.readdirSync('/proc/self/fd').flatMap((fd) => {
      try {
        return [fs.readlinkSync(`/proc/self/fd/${fd}`)];
      } catch {
        return [];
      }
    });
    expect(open).not.toContain(f);
  });

  it('reads a manifest or signature of up to 64 MiB, and not one byte more', async () => {
    const max = 64 * 1024 * 1024;
    const f = path.join(dir, `big${n++}.zip`);
    writeBlankZip(f, [
      [MANIFEST_PATH, max],
      [SIGNATURE_PATH, max + 1],
    ]);
    const r = await verifyPack(f, keys.workspace.publicJwk);
    fs.rmSync(f);
    expect(r.problems).toEqual([
      { kind: 'entry-unreadable', path: SIGNATURE_PATH, detail: `larger than ${max} bytes` },
      { kind: 'bad-manifest', detail: expect.stringMatching(/JSON/) as unknown as string },
      { kind: 'no-signature' },
    ]);
  });
});

describe('verifyPack, unsafe entry names (issue 14 F-VERIFY-1)', () => {
  it('reads the rest of the pack, names each unsafe entry with why, and fails', async () => {
    const f = path.join(dir, `p${n++}.zip`);
    // yazl refuses these names, so they are written under same-length stand-ins and renamed in the bytes.
    const evil: [string, Buffer][] = [
      ['xx/evil', Buffer.from('climb')],
      ['Xetc/passwd', Buffer.from('root')],
      ['exhibitsQevil.txt', Buffer.from('win')],
      ['QQ/win.ini', Buffer.from('drive')],
      ['ctrlQname', Buffer.from('bell')],
    ];
    await writeZip(f, [...replaced('data/b.txt', Buffer.from('bees')), ...evil]);
    renameInZip(f, { 'xx/evil': '../evil', 'Xetc/passwd': '/etc/passwd', exhibitsQevil: 'exhibits\\evil', 'QQ/win.ini': 'C:/win.ini', ctrlQname: 'ctrl\x07name' });
    const r = await verifyPack(f, keys.workspace.publicJwk);
    const listed = (manifest.files as { path: string; sha256: string }[]).find((x) => x.path === 'data/b.txt')!;
    expect(r.problems).toEqual([
      { kind: 'unsafe-name', path: '../evil', reason: 'parent' },
      { kind: 'unsafe-name', path: '/etc/passwd', reason: 'absolute' },
      { kind: 'unsafe-name', path: 'exhibits\\evil.txt', reason: 'backslash' },
      { kind: 'unsafe-name', path: 'C:/win.ini', reason: 'absolute' },
      { kind: 'unsafe-name', path: 'ctrl\\u0007name', reason: 'control' },
      { kind: 'changed', path: 'data/b.txt', expectedSize: 3, actualSize: 4, expectedSha256: listed.sha256, actualSha256: createHash('sha256').update('bees').digest('hex') },
    ]);
    // Everything else was still checked: the manifest, the signature, the certificate, the other files.
    expect(r).toMatchObject({ ok: false, intact: false, trusted: true, entries: 3, bytes: 7 + 4 + 1000, workspaceKid: keys.workspace.kid });
    expect(r.signer?.memberId).toBe('member-ada');
    expect(r.manifest?.case.id).toBe('case-1');
  });

  it('an otherwise perfect pack with one unsafe entry fails on that entry alone', async () => {
    const f = path.join(dir, `p${n++}.zip`);
    await writeZip(f, [...entries, ['data/xx/x.csv', Buffer.from('a')]]);
    renameInZip(f, { 'data/xx/x.csv': 'data/../x.csv' });
    const r = await verifyPack(f, keys.workspace.publicJwk);
    expect(r.problems).toEqual([{ kind: 'unsafe-name', path: 'data/../x.csv', reason: 'parent' }]);
    expect(r).toMatchObject({ ok: false, intact: false, trusted: true, entries: 3 });
  });
});

describe('verifyPack, markings outside the signed manifest (issue 14 F-VERIFY-4)', () => {
  /** The pack re-zipped with `comment`, saved as `name`, verified. */
  async function withComment(comment: string | undefined, name: string): Promise<PackReport> {
    const f = path.join(tempDir('nest-pack-marking-'), name);
    await writeZip(f, entries, comment);
    return verifyPack(f, keys.workspace.publicJwk);
  }

  it('a ZIP comment and a file name that agree with the signed marking: no warning', async () => {
    const r = await withComment('TLP:AMBER - NEST Desk case pack SGNEST-2026-0001 - share only as TLP:AMBER allows', 'SGNEST-2026-0001-pack-TLP-AMBER.zip');
    expect(r).toMatchObject({ ok: true, problems: [], warnings: [] });
  });

  it('a ZIP comment saying TLP:CLEAR on a signed TLP:AMBER pack is named; the pack still verifies under the signed marking', async () => {
    const r = await withComment('TLP:CLEAR - NEST Desk case pack SGNEST-2026-0001 - share only as TLP:CLEAR allows', 'pack.zip');
    expect(r.ok).toBe(true);
    expect(r.problems).toEqual([]);
    expect(r.warnings).toEqual([{ kind: 'marking-mismatch', where: 'comment', found: 'CLEAR', signed: 'AMBER' }]);
  });

  it('a file name saying TLP-AMBER-STRICT on a TLP:AMBER pack is named, and AMBER+STRICT is not read as AMBER', async () => {
    const r = await withComment('TLP:AMBER+STRICT', 'SGNEST-2026-0001-pack-TLP-AMBER-STRICT.zip');
    expect(r.warnings).toEqual([
      { kind: 'marking-mismatch', where: 'comment', found: 'AMBER+STRICT', signed: 'AMBER' },
      { kind: 'marking-mismatch', where: 'name', found: 'AMBER+STRICT', signed: 'AMBER' },
    ]);
    expect(r.ok).toBe(true);
  });

  it('no marking in the comment or name is not a mismatch; the caller may say there is no meaningful name', async () => {
    expect((await withComment(undefined, 'received.zip')).warnings).toEqual([]);
    const f = path.join(tempDir('nest-pack-marking-'), 'x-TLP-RED.zip');
    await writeZip(f, entries);
    expect((await verifyPack(f, keys.workspace.publicJwk)).warnings).toEqual([{ kind: 'marking-mismatch', where: 'name', found: 'RED', signed: 'AMBER' }]);
    expect((await verifyPack(f, keys.workspace.publicJwk, { fileName: null })).warnings).toEqual([]);
  });
});
