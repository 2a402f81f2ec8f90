/**
 * Case packs (issue 14 items 1 and 4): the writer streams files into a signed ZIP whose manifest
 * lists every file's size and SHA-256; the verifier passes it only when every hash, the file list,
 * the signature and the certificate chain hold, and names what differs otherwise. The tampering
 * property flips one byte at a random position of a random file (seeded, so every run checks the
 * same cases) and must always be caught and attributed to that file.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateWorkspaceKey } from '../../../shared/auth/keys';
import { MANIFEST_PATH, SIGNATURE_PATH } from '../../../shared/packs/manifest';
import { signManifestBytes } from '../../../shared/packs/signature';
import { writePack } from '../../../node/packs/pack-writer';
import { verifyPack, type PackProblem } from '../../../node/packs/pack-verifier';
import { tempDir } from '../../helpers/temp-dir';
import { manifestHead, packKeys, packOf, readZip, signerFor, writeZip, type PackKeys } from './pack-support';

const sha = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');
const FILES: Record<string, Buffer> = {
  'data/case.json': Buffer.from('{"number":"SGNEST-2026-0001","title":"عاج"}\n'),
  'data/seizures.csv': Buffer.from('\uFEFFTLP:AMBER\r\ncommodity,quantity,unit\r\nelephant ivory,8.8,t\r\n'),
  'exhibits/photo.bin': randomBytes(300_000),
};

let keys: PackKeys;
beforeAll(async () => {
  keys = await packKeys();
});

const kinds = (problems: PackProblem[]): string[] => problems.map((p) => ('path' in p ? `${p.kind}:${p.path}` : p.kind)).sort();

describe('writing and verifying a pack', () => {
  it('lists every file with its size and SHA-256 and verifies with the trusted workspace key', async () => {
    const { file, manifest } = await packOf(tempDir('nest-pack-'), keys, FILES);
    expect(manifest.files.map((f) => [f.path, f.size, f.sha256])).toEqual(Object.entries(FILES).map(([p, b]) => [p, b.length, sha(b)]));
    const report = await verifyPack(file, keys.workspace.publicJwk);
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ ok: true, intact: true, trusted: true, entries: 3, bytes: 300_000 + FILES['data/case.json']!.length + FILES['data/seizures.csv']!.length });
    expect(report.signer).toMatchObject({ memberId: 'member-ada', name: 'Ada Lim', role: 'admin' });
    expect(report.manifest?.case.title).toBe('عاج عبر باسير بانجانغ — ivory');
  });

  it('is intact but not ok without a trusted key, and names both key ids with the wrong one', async () => {
    const { file } = await packOf(tempDir('nest-pack-'), keys, FILES);
    const untrusted = await verifyPack(file);
    expect(untrusted).toMatchObject({ ok: false, intact: true, trusted: false, problems: [] });
    const other = await generateWorkspaceKey();
    const wrong = await verifyPack(file, other.publicJwk);
    expect(wrong.ok).toBe(false);
    expect(wrong.problems).toEqual([{ kind: 'workspace-key-mismatch', expectedKid: other.kid, actualKid: keys.workspace.kid }]);
  });

  it('names a removed file, an added file and a duplicated entry', async () => {
    const dir = tempDir('nest-pack-');
    const { file } = await packOf(dir, keys, FILES);
    const entries = await readZip(file);
    const removed = path.join(dir, 'removed.zip');
    await writeZip(removed, entries.filter(([n]) => n !== 'data/seizures.csv'));
    expect(kinds((await verifyPack(removed, keys.workspace.publicJwk)).problems)).toEqual(['missing:data/seizures.csv']);
    const added = path.join(dir, 'added.zip');
    await writeZip(added, [...entries, ['exhibits/planted.jpg', Buffer.from('not evidence')]]);
    expect(kinds((await verifyPack(added, keys.workspace.publicJwk)).problems)).toEqual(['extra:exhibits/planted.jpg']);
    const doubled = path.join(dir, 'doubled.zip');
    await writeZip(doubled, [...entries, ['data/case.json', Buffer.from('{"title":"other"}')]]);
    expect(kinds((await verifyPack(doubled, keys.workspace.publicJwk)).problems)).toEqual(['duplicate:data/case.json']);
  });

  it('refuses a signature by another key, a re-signed manifest, and a certificate from another workspace', async () => {
    const dir = tempDir('nest-pack-');
    const { file } = await packOf(dir, keys, FILES);
    const entries = await readZip(file);
    const manifest = entries.find(([n]) => n === MANIFEST_PATH)![1];
    const sig = JSON.parse(entries.find(([n]) => n === SIGNATURE_PATH)![1].toString('utf8')) as Record<string, unknown>;
    const swap = async (name: string, newSig: Record<string, unknown>): Promise<PackProblem[]> => {
      const f = path.join(dir, name);
      await writeZip(f, entries.map(([n, b]) => [n, n === SIGNATURE_PATH ? Buffer.from(JSON.stringify(newSig)) : b]));
      return (await verifyPack(f, keys.workspace.publicJwk)).problems;
    };
    // Someone with their own key signs the manifest and puts their key in: the certificate does not name it.
    const mallory = await generateWorkspaceKey();
    expect(kinds(await swap('mallory.zip', { ...sig, jws: await signManifestBytes(manifest, mallory.privateJwk), memberKey: mallory.publicJwk }))).toEqual(['certificate-key-mismatch']);
    // The member's signature over other bytes.
    expect(kinds(await swap('other-bytes.zip', { ...sig, jws: await signManifestBytes(Buffer.from('{}'), keys.member.privateJwk) }))).toEqual(['signature-invalid']);
    // A whole chain from another workspace: intact as a chain, but not the workspace we trust.
    const other = await packKeys();
    const otherSig = await signerFor(other)(manifest);
    const problems = await swap('other-ws.zip', otherSig as unknown as Record<string, unknown>);
    expect(problems).toEqual([{ kind: 'workspace-key-mismatch', expectedKid: keys.workspace.kid, actualKid: other.workspace.kid }]);
  });

  it('catches one flipped byte anywhere in any file and names that file', async () => {
    const dir = tempDir('nest-pack-');
    const { file } = await packOf(dir, keys, FILES);
    const entries = await readZip(file);
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: entries.length - 1 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), fc.integer({ min: 1, max: 255 }), async (which, where, xor) => {
        const [name, bytes] = entries[which]!;
        const pos = Math.floor(where * bytes.length);
        const changed = Buffer.from(bytes);
        changed[pos]! ^= xor;
        const f = path.join(dir, `flip-${n++}.zip`);
        await writeZip(f, entries.map(([m, b]) => [m, m === name ? changed : b]));
        const report = await verifyPack(f, keys.workspace.publicJwk);
        expect(report.ok).toBe(false);
        if (name === MANIFEST_PATH) {
          // A changed manifest no longer matches its signature (or no longer parses).
          expect(report.problems.some((p) => ['signature-invalid', 'bad-manifest', 'manifest-not-canonical'].includes(p.kind))).toBe(true);
        } else if (name === SIGNATURE_PATH) {
          expect(report.problems.some((p) => ['signature-invalid', 'bad-signature-file', 'certificate-invalid', 'certificate-key-mismatch', 'workspace-key-mismatch'].includes(p.kind))).toBe(true);
        } else {
          expect(report.problems).toContainEqual(expect.objectContaining({ kind: 'changed', path: name, expectedSha256: sha(bytes), actualSha256: sha(changed) }));
        }
        fs.rmSync(f);
      }),
      { numRuns: 30, seed: 20261206 },
    );
  });

  it('reports a truncated ZIP as unreadable instead of throwing', async () => {
    const dir = tempDir('nest-pack-');
    const { file } = await packOf(dir, keys, FILES);
    const cut = path.join(dir, 'cut.zip');
    fs.writeFileSync(cut, fs.readFileSync(file).subarray(0, 1000));
    const report = await verifyPack(cut, keys.workspace.publicJwk);
    expect(report.ok).toBe(false);
    expect(report.problems[0]?.kind).toBe('unreadable');
  });
});

describe('the writer', () => {
  it('writes the same data files and manifest entries for the same state exported twice', async () => {
    const a = await packOf(tempDir('nest-pack-'), keys, FILES, '2026-12-06T13:05:00.000Z');
    const b = await packOf(tempDir('nest-pack-'), keys, FILES, '2026-12-07T09:00:00.000Z');
    expect(b.manifest.files).toEqual(a.manifest.files);
    const data = async (f: string): Promise<[string, Buffer][]> => (await readZip(f)).filter(([n]) => n !== MANIFEST_PATH && n !== SIGNATURE_PATH);
    expect(await data(b.file)).toEqual(await data(a.file));
  });

  it('refuses an escaping or duplicate path, and a failing source leaves nothing behind', async () => {
    const dir = tempDir('nest-pack-');
    const outFile = path.join(dir, 'pack.zip');
    const base = { outFile, manifest: manifestHead(), sign: signerFor(keys) };
    await expect(writePack({ ...base, sources: [{ path: '../etc/passwd', open: () => Readable.from([Buffer.from('x')]) }] })).rejects.toThrow(/"\.\.\/etc\/passwd"/);
    await expect(writePack({ ...base, sources: [{ path: 'a.txt', open: () => Readable.from(['1']) }, { path: 'a.txt', open: () => Readable.from(['2']) }] })).rejects.toThrow(/a\.txt/);
    await expect(writePack({ ...base, sources: [{ path: MANIFEST_PATH, open: () => Readable.from(['{}']) }] })).rejects.toThrow(/manifest\.json/);
    const failing = new Readable({
      read() {
        this.destroy(new Error('disk read error on exhibit'));
      },
    });
    await expect(writePack({ ...base, sources: [{ path: 'data/a.txt', open: () => Readable.from(['ok']) }, { path: 'exhibits/b.bin', open: () => failing }] })).rejects.toThrow(/disk read error/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
