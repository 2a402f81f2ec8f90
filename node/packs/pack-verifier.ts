/**
 * Verifies a case pack with nothing but the pack and (optionally) the workspace public key: every
 * entry is streamed and hashed (yauzl; never a whole file in memory), the list of files is compared
 * with the manifest both ways, the manifest's signature is checked with the member key, the member
 * key against the member certificate, and the certificate against the workspace key. Each
 * difference is one {@link PackProblem} naming the file; the caller words them (shared/messages).
 */
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { keyId, parsePublicJwk, type PublicWorkspaceJwk } from '../../shared/auth/keys';
import { canonicalJson } from '../../shared/packs/canonical-json';
import { MANIFEST_PATH, manifestSchema, SIGNATURE_PATH, type Manifest } from '../../shared/packs/manifest';
import { manifestSignatureHolds, signatureFileSchema, verifyMemberCertificate, type MemberCertificateClaims } from '../../shared/packs/signature';

/** Largest manifest or signature file read (bytes): they are read whole. */
const MAX_META_BYTES = 64 * 1024 * 1024;

/** One thing that does not hold. */
export type PackProblem =
  | { kind: 'unreadable'; detail: string }
  | { kind: 'entry-unreadable'; path: string; detail: string }
  | { kind: 'no-manifest' }
  | { kind: 'bad-manifest'; detail: string }
  | { kind: 'manifest-not-canonical' }
  | { kind: 'no-signature' }
  | { kind: 'bad-signature-file'; detail: string }
  | { kind: 'signature-invalid' }
  | { kind: 'certificate-invalid'; detail: string }
  | { kind: 'certificate-key-mismatch' }
  | { kind: 'workspace-key-mismatch'; expectedKid: string; actualKid: string }
  | { kind: 'changed'; path: string; expectedSize: number; actualSize: number; expectedSha256: string; actualSha256: string }
  | { kind: 'missing'; path: string }
  | { kind: 'extra'; path: string }
  | { kind: 'duplicate'; path: string };

/** The verdict. */
export interface PackReport {
  /** True only when there is no problem AND a trusted workspace key was given and matched. */
  ok: boolean;
  /** True when nothing differs (files, manifest, signature, certificate), whoever the signer is. */
  intact: boolean;
  /** True when the workspace key that vouched is the one the caller trusts. */
  trusted: boolean;
  problems: PackProblem[];
  manifest: Manifest | null;
  signer: MemberCertificateClaims | null;
  /** Id (RFC 7638 thumbprint) of the workspace key in the pack. */
  workspaceKid: string | null;
  /** Entries hashed and their bytes. */
  entries: number;
  bytes: number;
}

interface Seen {
  size: number;
  sha256: string;
}

/**
 * Checks the pack at `file`.
 * @param trustedWorkspaceKey the workspace public key the caller trusts (JWK or its JSON); without
 *   it the report can be intact but never ok.
 */
export async function verifyPack(file: string, trustedWorkspaceKey?: PublicWorkspaceJwk): Promise<PackReport> {
  const report: PackReport = { ok: false, intact: false, trusted: false, problems: [], manifest: null, signer: null, workspaceKid: null, entries: 0, bytes: 0 };
  const seen = new Map<string, Seen>();
  let manifestBytes: Buffer | null = null;
  let signatureBytes: Buffer | null = null;
  try {
    await eachEntry(file, async (name, stream) => {
      if (seen.has(name) || (name === MANIFEST_PATH && manifestBytes) || (name === SIGNATURE_PATH && signatureBytes)) {
        report.problems.push({ kind: 'duplicate', path: name });
        stream.resume();
        return;
      }
      if (name === MANIFEST_PATH || name === SIGNATURE_PATH) {
        const bytes = await readAll(stream, MAX_META_BYTES);
        if (name === MANIFEST_PATH) manifestBytes = bytes;
        else signatureBytes = bytes;
        return;
      }
      const hash = createHash('sha256');
      let size = 0;
      for await (const chunk of stream) {
        hash.update(chunk as Buffer);
        size += (chunk as Buffer).length;
      }
      seen.set(name, { size, sha256: hash.digest('hex') });
      report.entries++;
      report.bytes += size;
    }, (name, err) => report.problems.push({ kind: 'entry-unreadable', path: name, detail: err.message }));
  } catch (err) {
    report.problems.push({ kind: 'unreadable', detail: err instanceof Error ? err.message : String(err) });
    return report;
  }

  const manifest = parseManifest(manifestBytes, report);
  if (manifest) {
    const listed = new Set<string>();
    for (const f of manifest.files) {
      if (listed.has(f.path)) report.problems.push({ kind: 'duplicate', path: f.path });
      listed.add(f.path);
      const got = seen.get(f.path);
      if (!got) {
        if (!report.problems.some((p) => p.kind === 'entry-unreadable' && p.path === f.path)) report.problems.push({ kind: 'missing', path: f.path });
      } else if (got.size !== f.size || got.sha256 !== f.sha256) {
        report.problems.push({ kind: 'changed', path: f.path, expectedSize: f.size, actualSize: got.size, expectedSha256: f.sha256, actualSha256: got.sha256 });
      }
    }
    for (const name of seen.keys()) if (!listed.has(name)) report.problems.push({ kind: 'extra', path: name });
  }
  if (manifestBytes) await checkSignature(manifestBytes, signatureBytes, report, trustedWorkspaceKey);
  report.intact = report.problems.length === 0;
  report.ok = report.intact && report.trusted;
  return report;
}

function parseManifest(bytes: Buffer | null, report: PackReport): Manifest | null {
  if (!bytes) {
    // A manifest that is there but could not be read (e.g. oversize) is already reported as such:
    // saying it is also "missing" would contradict that (F-VERIFY-3).
    if (!report.problems.some((p) => p.kind === 'entry-unreadable' && p.path === MANIFEST_PATH)) report.problems.push({ kind: 'no-manifest' });
    return null;
  }
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch (err) {
    report.problems.push({ kind: 'bad-manifest', detail: err instanceof Error ? err.message : String(err) });
    return null;
  }
  const r = manifestSchema().safeParse(value);
  if (!r.success) {
    report.problems.push({ kind: 'bad-manifest', detail: r.error.issues.map((i) => `${i.path.join('.') || 'manifest'}: ${i.message}`).join('; ') });
    return null;
  }
  // The writer emits canonical JSON; anything else was rewritten after signing or by another tool.
  if (canonicalJson(value) !== bytes.toString('utf8')) report.problems.push({ kind: 'manifest-not-canonical' });
  report.manifest = r.data;
  return r.data;
}

async function checkSignature(manifestBytes: Buffer, signatureBytes: Buffer | null, report: PackReport, trusted: PublicWorkspaceJwk | undefined): Promise<void> {
  if (!signatureBytes) {
    report.problems.push({ kind: 'no-signature' });
    return;
  }
  let sig;
  try {
    sig = signatureFileSchema().parse(JSON.parse(signatureBytes.toString('utf8')));
  } catch (err) {
    report.problems.push({ kind: 'bad-signature-file', detail: err instanceof Error ? err.message.slice(0, 500) : String(err) });
    return;
  }
  report.workspaceKid = await keyId(sig.workspaceKey);
  if (!(await manifestSignatureHolds(manifestBytes, sig.jws, sig.memberKey))) report.problems.push({ kind: 'signature-invalid' });
  try {
    const claims = await verifyMemberCertificate(sig.memberCertificate, sig.workspaceKey);
    if (claims.memberKey.x !== sig.memberKey.x) report.problems.push({ kind: 'certificate-key-mismatch' });
    else report.signer = claims;
  } catch (err) {
    report.problems.push({ kind: 'certificate-invalid', detail: err instanceof Error ? err.message : String(err) });
  }
  if (trusted) {
    const expectedKid = await keyId(parsePublicJwk(trusted));
    if (expectedKid === report.workspaceKid) report.trusted = true;
    else report.problems.push({ kind: 'workspace-key-mismatch', expectedKid, actualKid: report.workspaceKid });
  }
}

/**
 * Calls `each` for every entry in order, one at a time (a failed entry goes to `failed`, and the walk
 * goes on). Resolves once the file is closed, not merely read to the end, so that the caller may
 * move or delete the pack as soon as the verdict is out (Windows refuses to while it is open).
 * Rejects for a file that is not a ZIP or whose central directory is bad, including an entry name
 * with a backslash (strictFileNames: it would unpack elsewhere than its manifest path says).
 */
function eachEntry(file: string, each: (name: string, stream: Readable) => Promise<void>, failed: (name: string, err: Error) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: true, validateEntrySizes: true, strictFileNames: true, decodeStrings: true }, (err, zip) => {
      if (err) return reject(err);
      zip.on('error', reject);
      zip.on('close', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e) {
            failed(entry.fileName, e);
            return zip.readEntry();
          }
          each(entry.fileName, stream).then(
            () => zip.readEntry(),
            (er: unknown) => {
              failed(entry.fileName, er instanceof Error ? er : new Error(String(er)));
              zip.readEntry();
            },
          );
        });
      });
      zip.readEntry();
    });
  });
}

async function readAll(stream: Readable, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const chunk of stream) {
    n += (chunk as Buffer).length;
    if (n > max) throw new Error(`larger than ${max} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
