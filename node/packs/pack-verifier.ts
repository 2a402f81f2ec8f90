/**
 * Verifies a case pack with nothing but the pack and (optionally) the workspace public key: every
 * entry is streamed and hashed (yauzl; never a whole file in memory), the list of files is compared
 * with the manifest both ways, the manifest's signature is checked with the member key, the member
 * key against the member certificate, and the certificate against the workspace key. Each
 * difference is one {@link PackProblem} naming the file; the caller words them (shared/messages).
 *
 * Entry names are decoded here, not by yauzl: yauzl stops the whole walk at the first unsafe name
 * (`../evil`, `/etc/x`, `a\\b`), which read as "not a readable ZIP" and hid every other finding
 * (tester F-VERIFY-1). An unsafe entry is reported by name as `unsafe-name` and the walk goes on.
 * Markings outside the signed manifest (the ZIP comment, the pack's file name) are compared with
 * the signed one; a difference is a {@link PackWarning} (the signed marking holds).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { keyId, parsePublicJwk, type PublicWorkspaceJwk } from '../../shared/auth/keys';
import { canonicalJson } from '../../shared/packs/canonical-json';
import { markingsIn } from '../../shared/packs/handling';
import { MANIFEST_PATH, manifestSchema, printablePath, SIGNATURE_PATH, unsafePathReason, type Manifest, type UnsafePathReason } from '../../shared/packs/manifest';
import { manifestSignatureHolds, signatureFileSchema, verifyMemberCertificate, type MemberCertificateClaims } from '../../shared/packs/signature';

/** Largest manifest or signature file read (bytes): they are read whole. */
const MAX_META_BYTES = 64 * 1024 * 1024;

/**
 * One thing that does not hold. `originalName`: the attached file's original name that the
 * manifest gives for `path` (exhibits are stored under `exhibits/<sha256>`), when it gives one.
 */
export type PackProblem =
  | { kind: 'unreadable'; detail: string }
  | { kind: 'entry-unreadable'; path: string; detail: string; originalName?: string }
  | { kind: 'no-manifest' }
  | { kind: 'bad-manifest'; detail: string }
  | { kind: 'manifest-not-canonical' }
  | { kind: 'no-signature' }
  | { kind: 'bad-signature-file'; detail: string }
  | { kind: 'signature-invalid' }
  | { kind: 'certificate-invalid'; detail: string }
  | { kind: 'certificate-key-mismatch' }
  | { kind: 'workspace-key-mismatch'; expectedKid: string; actualKid: string }
  | { kind: 'changed'; path: string; expectedSize: number; actualSize: number; expectedSha256: string; actualSha256: string; originalName?: string }
  | { kind: 'missing'; path: string; originalName?: string }
  | { kind: 'extra'; path: string }
  | { kind: 'duplicate'; path: string; originalName?: string }
  /**
   * An entry whose name could write outside the unpacking folder or misshow itself; `path` as
   * {@link printablePath} shows it (control and bidi characters as `\\uXXXX`, cut at 400 characters).
   */
  | { kind: 'unsafe-name'; path: string; reason: UnsafePathReason };

/**
 * Something that does not break the pack but a reader must know: a TLP marking written outside
 * the signed manifest (`where`: `comment`, the ZIP comment, or `name`, the pack's file name) that is not the signed
 * one. `found` and `signed` as the manifest writes them (`RED`, `AMBER+STRICT`).
 */
export type PackWarning = { kind: 'marking-mismatch'; where: 'comment' | 'name'; found: string; signed: string };

/** The verdict. */
export interface PackReport {
  /** True only when there is no problem AND a trusted workspace key was given and matched. */
  ok: boolean;
  /** True when nothing differs (files, manifest, signature, certificate), whoever the signer is. */
  intact: boolean;
  /** True when the workspace key that vouched is the one the caller trusts. */
  trusted: boolean;
  problems: PackProblem[];
  /** Findings that do not fail the pack (they never change `ok`). */
  warnings: PackWarning[];
  manifest: Manifest | null;
  signer: MemberCertificateClaims | null;
  /** Id (RFC 7638 thumbprint) of the workspace key in the pack. */
  workspaceKid: string | null;
  /** Entries hashed (all but manifest.json and manifest.sig) and their bytes. */
  entries: number;
  bytes: number;
  /** Every entry of the ZIP, and the ZIP file's size in bytes (see shared/packs/pack-counts.ts). */
  zipEntries: number;
  zipBytes: number;
}

interface Seen {
  size: number;
  sha256: string;
}

/** Options of {@link verifyPack}. */
export interface VerifyOptions {
  /**
   * The pack's file name as its user received it (default: the base name of `file`), checked for
   * a TLP marking that differs from the signed one; null when there is no meaningful name (an
   * upload staged under an id).
   */
  fileName?: string | null;
}

/**
 * Checks the pack at `file`. Never throws for a bad pack: a file that is not a ZIP at all gives
 * the `unreadable` problem.
 * @param trustedWorkspaceKey the workspace public key the caller trusts (JWK or its JSON); without
 *   it the report can be intact but never ok.
 */
export async function verifyPack(file: string, trustedWorkspaceKey?: PublicWorkspaceJwk, options: VerifyOptions = {}): Promise<PackReport> {
  const report: PackReport = { ok: false, intact: false, trusted: false, problems: [], warnings: [], manifest: null, signer: null, workspaceKid: null, entries: 0, bytes: 0, zipEntries: 0, zipBytes: 0 };
  const seen = new Map<string, Seen>();
  let manifestBytes: Buffer | null = null;
  let signatureBytes: Buffer | null = null;
  let comment: string;
  try {
    report.zipBytes = (await fs.promises.stat(file)).size;
    comment = await eachEntry(file, async (name, stream) => {
      report.zipEntries++;
      const unsafe = unsafePathReason(name);
      if (unsafe) {
        report.problems.push({ kind: 'unsafe-name', path: printablePath(name), reason: unsafe });
        stream.resume();
        return;
      }
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
    }, (name, err) => report.problems.push({ kind: 'entry-unreadable', path: printablePath(name), detail: err.message }));
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
  if (report.manifest) nameFiles(report.manifest, report.problems);
  if (report.manifest) checkMarkings(report.manifest.case.tlp, comment, options.fileName === undefined ? path.basename(file) : options.fileName, report.warnings);
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

/** Adds the manifest's original file name to each problem about a file it names (F-UI-1). */
function nameFiles(manifest: Manifest, problems: PackProblem[]): void {
  const names = new Map(manifest.files.flatMap((f) => (f.originalName ? [[f.path, f.originalName] as const] : [])));
  for (const p of problems) {
    if ((p.kind === 'changed' || p.kind === 'missing' || p.kind === 'duplicate' || p.kind === 'entry-unreadable') && names.has(p.path)) p.originalName = names.get(p.path)!;
  }
}

/** Adds a warning for each TLP marking in the ZIP comment or the file name that is not `signed`. */
function checkMarkings(signed: string, comment: string, fileName: string | null, warnings: PackWarning[]): void {
  for (const found of markingsIn(comment, 'text')) if (found !== signed) warnings.push({ kind: 'marking-mismatch', where: 'comment', found, signed });
  for (const found of fileName ? markingsIn(fileName, 'file-name') : []) if (found !== signed) warnings.push({ kind: 'marking-mismatch', where: 'name', found, signed });
}

/**
 * Calls `each` for every entry in order, one at a time (a failed entry goes to `failed`, and the
 * walk goes on), and resolves with the ZIP's comment. Names are decoded here (UTF-8 when flagged,
 * else CP437, or the Info-ZIP Unicode path field), never validated by yauzl, whose check would
 * end the walk; the caller decides what an unsafe name means. The comment is read as ASCII (the
 * writer writes ASCII; any other byte reads as `?`). Resolves once the file is closed, not merely
 * read to the end, so that the caller may move or delete the pack as soon as the verdict is out
 * (Windows refuses to while it is open).
 */
function eachEntry(file: string, each: (name: string, stream: Readable) => Promise<void>, failed: (name: string, err: Error) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: true, validateEntrySizes: true, strictFileNames: true, decodeStrings: false }, (err, zip) => {
      if (err) return reject(err);
      const comment = (zip.comment as unknown as Buffer).toString('latin1').replace(/[^\x20-\x7e]/g, '?');
      zip.on('error', reject);
      zip.on('close', () => resolve(comment));
      zip.on('entry', (entry: yauzl.Entry) => {
        const name = entryName(entry);
        zip.openReadStream(entry, (e, stream) => {
          if (e) {
            failed(name, e);
            return zip.readEntry();
          }
          each(name, stream).then(
            () => zip.readEntry(),
            (er: unknown) => {
              failed(name, er instanceof Error ? er : new Error(String(er)));
              zip.readEntry();
            },
          );
        });
      });
      zip.readEntry();
    });
  });
}

/**
 * The entry's name as its bytes say (UTF-8 when flagged, else CP437, or the Info-ZIP Unicode path
 * field). yauzl's CP437 table turns the bytes 0x00–0x1F and 0x7F into display glyphs (`☺`, `•`,
 * `⌂`), so a control character in an unflagged name read as a harmless glyph and the entry as
 * merely "not in the manifest" (breaker G-VER-1); in a file name those bytes are the ASCII control
 * characters, and are given back as such for {@link unsafePathReason} to refuse.
 */
function entryName(entry: yauzl.Entry): string {
  const raw = entry.fileName as unknown as Buffer;
  const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, raw, entry.extraFields, true);
  const plain = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, raw, [], true);
  // UTF-8 names, and names taken from the Unicode path field, decode control bytes as themselves.
  if ((entry.generalPurposeBitFlag & 0x800) !== 0 || name !== plain) return name;
  // CP437 gives one UTF-16 unit per byte, so the i-th character is the i-th byte's.
  return [...raw].map((b, i) => (b < 0x20 || b === 0x7f ? String.fromCharCode(b) : name[i])).join('');
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
