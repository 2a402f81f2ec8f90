/**
 * Test support for case packs: a signed pack written by the real writer from given files, and a
 * re-zipper that copies a pack entry by entry (yauzl → yazl) while changing, dropping or adding
 * entries — how someone would tamper with a pack.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { generateWorkspaceKey, type WorkspaceKeyPair } from '../../../shared/auth/keys';
import { PACK_FORMAT, type Manifest } from '../../../shared/packs/manifest';
import { issueMemberCertificate, signManifestBytes, SIGNATURE_FORMAT, type SignatureFile } from '../../../shared/packs/signature';
import { writePack, type PackSource, type WrittenPack } from '../../../node/packs/pack-writer';

/** The keys of a test workspace and its exporting member. */
export interface PackKeys {
  workspace: WorkspaceKeyPair;
  member: WorkspaceKeyPair;
  certificate: string;
}

/** A workspace key, a member key and the certificate the first gives the second. */
export async function packKeys(): Promise<PackKeys> {
  const workspace = await generateWorkspaceKey();
  const member = await generateWorkspaceKey();
  const certificate = await issueMemberCertificate(workspace.privateJwk, {
    workspaceId: 'ws-1',
    memberId: 'member-ada',
    name: 'Ada Lim',
    agency: 'NEST Secretariat',
    role: 'admin',
    memberKey: member.publicJwk,
    issuedAt: Date.UTC(2026, 11, 1),
  });
  return { workspace, member, certificate };
}

/** The manifest head used by these tests, exported at `exportedAt`. */
export function manifestHead(exportedAt = '2026-12-06T13:05:00.000Z'): Omit<Manifest, 'files'> {
  return {
    format: PACK_FORMAT,
    app: { name: 'NEST Desk', version: '0.1.0' },
    workspace: { id: 'ws-1', name: 'NEST Singapore 2026' },
    case: { id: 'case-1', number: 'SGNEST-2026-0001', title: 'عاج عبر باسير بانجانغ — ivory', tlp: 'AMBER', stateVector: 'AQLJ7wEA', volumes: [] },
    exportedBy: { memberId: 'member-ada', name: 'Ada Lim', agency: 'NEST Secretariat', role: 'admin' },
    exportedAt,
  };
}

/** The signer a pack writer is given: the member key signs, the certificate and both public keys go along. */
export function signerFor(keys: PackKeys): (bytes: Uint8Array) => Promise<SignatureFile> {
  return async (bytes) => ({
    format: SIGNATURE_FORMAT,
    jws: await signManifestBytes(bytes, keys.member.privateJwk),
    memberKey: keys.member.publicJwk,
    memberCertificate: keys.certificate,
    workspaceKey: keys.workspace.publicJwk,
  });
}

/** Sources from in-memory contents. */
export function memorySources(files: Record<string, Uint8Array | string>): PackSource[] {
  return Object.entries(files).map(([p, content]) => ({ path: p, open: () => Readable.from([Buffer.from(content)]) }));
}

/** Writes a signed pack of `files` to `dir/pack.zip`. */
export async function packOf(dir: string, keys: PackKeys, files: Record<string, Uint8Array | string>, exportedAt?: string): Promise<{ file: string } & WrittenPack> {
  const file = path.join(dir, 'pack.zip');
  const written = await writePack({ outFile: file, manifest: manifestHead(exportedAt), sources: memorySources(files), sign: signerFor(keys) });
  return { file, ...written };
}

/** Every entry of a ZIP, in order, as name → bytes. */
export function readZip(file: string): Promise<[string, Buffer][]> {
  return new Promise((resolve, reject) => {
    const out: [string, Buffer][] = [];
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.on('entry', (e: yauzl.Entry) =>
        zip.openReadStream(e, (er, s) => {
          if (er || !s) return reject(er);
          const chunks: Buffer[] = [];
          s.on('data', (c: Buffer) => chunks.push(c));
          s.on('end', () => {
            out.push([e.fileName, Buffer.concat(chunks)]);
            zip.readEntry();
          });
        }),
      );
      zip.readEntry();
    });
  });
}

/** Writes `entries` as a new ZIP at `file`, with `comment` (ASCII) as the ZIP's comment when given. */
export async function writeZip(file: string, entries: [string, Buffer][], comment?: string): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const [name, bytes] of entries) zip.addBuffer(bytes, name);
  if (comment === undefined) zip.end();
  else zip.end({ forceZip64Format: false, comment });
  await new Promise<void>((resolve, reject) => zip.outputStream.pipe(fs.createWriteStream(file)).on('close', resolve).on('error', reject));
}

/**
 * Renames entries of the ZIP at `file` in place, byte for byte in its local and central headers:
 * how a hostile pack gets names yazl refuses to write (`../evil`, `/etc/x`, `a\\b`). Each new name
 * must have the old one's UTF-8 length and the old name must occur nowhere else in the file.
 */
export function renameInZip(file: string, renames: Record<string, string>): void {
  const zip = fs.readFileSync(file);
  for (const [from, to] of Object.entries(renames)) {
    const a = Buffer.from(from);
    const b = Buffer.from(to);
    if (a.length !== b.length) throw new Error(`${from} and ${to} differ in length`);
    let at = zip.indexOf(a);
    let n = 0;
    for (; at !== -1; at = zip.indexOf(a, at + 1), n++) b.copy(zip, at);
    if (n !== 2) throw new Error(`${from} found ${n} times, not twice (local and central header)`);
  }
  fs.writeFileSync(file, zip);
}
