/**
 * `npm run verify`: the exit status and the words for a verified pack, an intact pack without a
 * trusted key, a changed file, and bad usage — run as a user would, in a child process.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp-dir';
import { writePack } from '../../../node/packs/pack-writer';
import { manifestHead, memorySources, packKeys, packOf, readZip, renameInZip, signerFor, writeZip } from '../../node/packs/pack-support';

const root = path.resolve(import.meta.dirname, '../../..');

function verify(args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'service/entries/verify-cli.ts'), ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

describe('npm run verify', () => {
  it('exits 0 with VERIFIED, 3 without a trusted key, 1 naming a changed file, 2 on bad usage', async () => {
    const dir = tempDir('nest-verify-');
    const keys = await packKeys();
    const { file } = await packOf(dir, keys, { 'data/case.json': '{"title":"Ivory"}', 'data/seizures.csv': 'a,b\r\n1,2\r\n' });
    const keyFile = path.join(dir, 'workspace.pub.jwk');
    fs.writeFileSync(keyFile, JSON.stringify(keys.workspace.publicJwk));

    const ok = verify([file, '--workspace-key', keyFile]);
    expect(ok.code).toBe(0);
    expect(ok.out.trim()).toBe(`VERIFIED: pack.zip is complete and unaltered (4 files in the pack (${fs.statSync(file).size.toLocaleString('en-GB')} bytes); 2 files (27 bytes uncompressed) covered by the signed manifest); signed by Ada Lim (NEST Secretariat), whose key the workspace key ${keys.workspace.kid} vouches for. Signed handling marking: TLP:AMBER (the marking in the ZIP comment and file name is not signed).`);

    const untrusted = verify([file]);
    expect(untrusted.code).toBe(3);
    expect(untrusted.out).toContain(`NOT CONFIRMED: pack.zip is intact and signed by Ada Lim (NEST Secretariat) under workspace key ${keys.workspace.kid}`);

    const entries = await readZip(file);
    const tampered = path.join(dir, 'tampered.zip');
    await writeZip(tampered, entries.map(([n, b]) => [n, n === 'data/seizures.csv' ? Buffer.from('a,b\r\n1,3\r\n') : b]));
    const bad = verify([tampered, '--workspace-key', JSON.stringify(keys.workspace.publicJwk)]);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/^FAILED: tampered\.zip does not verify\. 1 difference:\n {2}- data\/seizures\.csv: changed \(manifest: 10 bytes, SHA-256 [0-9a-f]{64}; found: 10 bytes, SHA-256 [0-9a-f]{64}\)\n$/);

    expect(verify([]).code).toBe(2);
    expect(verify([path.join(dir, 'nope.zip')]).err).toContain('cannot open');
    const badKey = verify([file, '--workspace-key', '{"kty":"OKP"}']);
    expect(badKey.code).toBe(2);
    expect(badKey.err).toContain('--workspace-key:');
  }, 180_000); // five child processes each start tsx: ~10 s apiece on a loaded 2-core machine (54 s measured)

  it('names a missing key file, a directory and two packs as usage errors, exit 2 (issue 14 F-VERIFY-2)', async () => {
    const dir = tempDir('nest-verify-usage-');
    const keys = await packKeys();
    const { file } = await packOf(dir, keys, { 'data/case.json': '{}' });
    const missing = path.join(dir, 'nonexistent.jwk');
    const noKey = verify([file, '--workspace-key', missing]);
    expect(noKey.code).toBe(2);
    expect(noKey.err.trim()).toBe(`--workspace-key: the file ${missing} does not exist (give the workspace key as a .pub.jwk file or its JSON text)`);
    const isDir = verify([dir]);
    expect(isDir.code).toBe(2);
    expect(isDir.err.trim()).toBe(`${dir} is a directory, not a file: give the pack’s .zip file`);
    const two = verify([file, file]);
    expect(two.code).toBe(2);
    expect(two.err).toContain(`give one pack at a time (2 were given: ${file}, ${file})`);
  }, 120_000);

  it('a pack with an unsafe entry, a changed exhibit and an unsigned marking that differs: every finding named, exit 1 (issue 14 F-VERIFY-1, F-VERIFY-4, F-UI-1)', async () => {
    const dir = tempDir('nest-verify-unsafe-');
    const keys = await packKeys();
    const hash = 'e3'.repeat(32);
    const good = path.join(dir, 'good.zip');
    const sources = [...memorySources({ 'data/case.json': '{}' }), { path: `exhibits/${hash}`, originalName: 'محضر الضبط.pdf', open: () => memorySources({ x: 'photo bytes' })[0]!.open() }];
    await writePack({ outFile: good, manifest: manifestHead(), sources, sign: signerFor(keys) });
    const entries = await readZip(good);
    // Re-zipped by someone: the exhibit changed, an entry that climbs out of the folder added,
    // and the ZIP comment and file name marked TLP:RED over a pack signed TLP:AMBER.
    const bad = path.join(dir, 'SGNEST-2026-0001-pack-TLP-RED.zip');
    await writeZip(bad, [...entries.map(([n, b]): [string, Buffer] => [n, n.startsWith('exhibits/') ? Buffer.from('photo bytez') : b]), ['xx/xx/evil.sh', Buffer.from('rm -rf ~')]], 'TLP:RED - NEST Desk case pack SGNEST-2026-0001 - share only as TLP:RED allows');
    renameInZip(bad, { 'xx/xx/evil.sh': '../../evil.sh' });
    const r = verify([bad, '--workspace-key', JSON.stringify(keys.workspace.publicJwk)]);
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toBe('FAILED: SGNEST-2026-0001-pack-TLP-RED.zip does not verify. 2 differences:');
    expect(lines[1]).toBe('  - ../../evil.sh: unsafe file name (climbs out of its folder with ..): unpacking it could write outside the pack’s folder; the app never writes such a name, so it was added after export');
    expect(lines[2]).toMatch(new RegExp(`^ {2}- exhibits/${hash} \\(original name “محضر الضبط\\.pdf”\\): changed \\(manifest: 11 bytes, SHA-256 [0-9a-f]{64}; found: 11 bytes, SHA-256 [0-9a-f]{64}\\)$`));
    expect(lines.slice(3)).toEqual([
      'WARNING: the ZIP comment says TLP:RED, but the signed manifest says TLP:AMBER. Only the signed marking counts: handle this pack as TLP:AMBER.',
      'WARNING: the file name says TLP:RED, but the signed manifest says TLP:AMBER. Only the signed marking counts: handle this pack as TLP:AMBER.',
    ]);
    expect(r.out).not.toContain('not a readable ZIP');
  }, 120_000);

  it('a control character in an entry name without the UTF-8 flag, and an overlong name: each named as an unsafe name, escaped, exit 1 (breaker G-VER-1)', async () => {
    const dir = tempDir('nest-verify-gver1-');
    const keys = await packKeys();
    const { file } = await packOf(dir, keys, { 'data/case.json': '{}' });
    const bad = path.join(dir, 'planted.zip');
    await writeZip(bad, [...(await readZip(file)), ['ctrlQname', Buffer.from('a')], ['y'.repeat(401), Buffer.from('c')]]);
    renameInZip(bad, { ctrlQname: 'ctrl\x07name' });
    // Names read as CP437 once the UTF-8 flag (bit 11) is cleared in the local and central headers.
    const zip = fs.readFileSync(bad);
    for (const [mark, at] of [[Buffer.from('PK\x03\x04', 'latin1'), 6], [Buffer.from('PK\x01\x02', 'latin1'), 8]] as const) {
      for (let i = zip.indexOf(mark); i !== -1; i = zip.indexOf(mark, i + 1)) zip.writeUInt16LE(zip.readUInt16LE(i + at) & ~0x0800, i + at);
    }
    fs.writeFileSync(bad, zip);
    const r = verify([bad, '--workspace-key', JSON.stringify(keys.workspace.publicJwk)]);
    expect(r.code).toBe(1);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toBe('FAILED: planted.zip does not verify. 2 differences:');
    expect(lines[1]).toBe('  - ctrl\\u0007name: unsafe file name (holds a control character): unpacking it could write outside the pack’s folder; the app never writes such a name, so it was added after export');
    expect(lines[2]).toBe(`  - ${'y'.repeat(400)}…: unsafe file name (is longer than 400 characters): unpacking it could write outside the pack’s folder; the app never writes such a name, so it was added after export`);
    // eslint-disable-next-line no-control-regex -- looking for raw control characters
    expect(r.out).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  }, 120_000);
});
