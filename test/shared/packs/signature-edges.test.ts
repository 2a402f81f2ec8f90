/**
 * Pack signatures at their edges (issue 16, docs/testing.md): a forged or bent signature must be
 * refused, never accepted. The algorithm label is EdDSA and nothing else (jose also knows the
 * fully-specified `Ed25519` label and would take it with the same key if the verifier did not pin
 * the list); the detached form is `<header>..<signature>` anchored at both ends, base64url only
 * (not base64's `+`, `/` or `=`); keys are exactly 32 bytes; a certificate binds exactly the key
 * it was issued for; each claim is bounded.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CompactSign, FlattenedSign } from 'jose';
import { generateWorkspaceKey, parsePrivateJwk, type WorkspaceKeyPair } from '../../../shared/auth/keys';
import { issueMemberCertificate, manifestSignatureHolds, MEMBER_CERT_TYP, signatureFileSchema, SIGNATURE_FORMAT, signManifestBytes, verifyMemberCertificate, type MemberCertificateClaims } from '../../../shared/packs/signature';

let ws: WorkspaceKeyPair;
let member: WorkspaceKeyPair;
let other: WorkspaceKeyPair;
let claims: MemberCertificateClaims;
beforeAll(async () => {
  [ws, member, other] = await Promise.all([generateWorkspaceKey(), generateWorkspaceKey(), generateWorkspaceKey()]);
  claims = { workspaceId: 'ws-1', memberId: 'member-ada', name: 'Ada Lim', agency: 'NEST Secretariat', role: 'prosecutor', memberKey: member.publicJwk, issuedAt: Date.UTC(2026, 11, 1, 8, 30, 15) };
});

const bytes = new TextEncoder().encode('{"files":[],"format":"nest-case-pack/1"}');

/** A certificate payload as issueMemberCertificate writes it, with `over` replacing fields. */
function certPayload(over: Record<string, unknown> = {}): Uint8Array {
  return new TextEncoder().encode(JSON.stringify({ wid: 'ws-1', sub: 'member-ada', name: 'Ada Lim', agency: 'NEST Secretariat', role: 'prosecutor', key: member.publicJwk, iat: 1764577815, ...over }));
}

/** Signs a certificate payload with the workspace key under `header`. */
async function signCert(payload: Uint8Array, header: Record<string, unknown> = { alg: 'EdDSA', typ: MEMBER_CERT_TYP }): Promise<string> {
  return new CompactSign(payload).setProtectedHeader(header as { alg: string }).sign(parsePrivateJwk(ws.privateJwk));
}

/** A standard base64 (not base64url) rewriting of a base64url string. */
const toBase64 = (s: string): string => Buffer.from(s, 'base64url').toString('base64');

describe('manifestSignatureHolds', () => {
  it('refuses the fully-specified Ed25519 label: the format says EdDSA', async () => {
    const key = parsePrivateJwk(member.privateJwk);
    const jws = await new FlattenedSign(bytes).setProtectedHeader({ alg: 'Ed25519', b64: false, crit: ['b64'] }).sign(key);
    // The same key, the same bytes, a valid Ed25519 signature: only the label differs.
    expect(await manifestSignatureHolds(bytes, `${jws.protected!}..${jws.signature}`, member.publicJwk)).toBe(false);
    const eddsa = await new FlattenedSign(bytes).setProtectedHeader({ alg: 'EdDSA', b64: false, crit: ['b64'] }).sign(key);
    expect(await manifestSignatureHolds(bytes, `${eddsa.protected!}..${eddsa.signature}`, member.publicJwk)).toBe(true);
  });

  it('takes only the detached form, anchored at both ends', async () => {
    const jws = await signManifestBytes(bytes, member.privateJwk);
    const [head, , sig] = jws.split('.') as [string, string, string];
    expect(await manifestSignatureHolds(bytes, jws, member.publicJwk)).toBe(true);
    // A payload part, even one jose would ignore for an unencoded payload, is not this form.
    expect(await manifestSignatureHolds(bytes, `${head}.ZZZZ.${sig}`, member.publicJwk)).toBe(false);
    for (const bent of [`!${head}..${sig}`, `${head}..${sig}!`, ` ${jws}`, `${jws}\n`, `${head}...${sig}`, `${head}..${sig}.x`]) {
      expect(await manifestSignatureHolds(bytes, bent, member.publicJwk), bent).toBe(false);
    }
  });

  it('refuses a signature written in standard base64 instead of base64url', async () => {
    // Find a signature whose base64url form has a '-' or '_' (so the base64 form differs).
    let jws = await signManifestBytes(bytes, member.privateJwk);
    for (let i = 0; !/[-_]/.test(jws.split('..')[1]!); i++) jws = await signManifestBytes(new TextEncoder().encode(`{"n":${i}}`), member.privateJwk);
    const [head, sig] = jws.split('..') as [string, string];
    expect(toBase64(sig)).not.toBe(sig);
    expect(await manifestSignatureHolds(bytes, `${head}..${toBase64(sig)}`, member.publicJwk)).toBe(false);
    expect(signatureFileSchema().safeParse({ format: SIGNATURE_FORMAT, jws: `${head}..${toBase64(sig)}`, memberKey: member.publicJwk, memberCertificate: 'x', workspaceKey: ws.publicJwk }).success).toBe(false);
  });

  it('refuses a signature over different bytes, even one byte more or less', async () => {
    const jws = await signManifestBytes(bytes, member.privateJwk);
    expect(await manifestSignatureHolds(bytes.subarray(0, bytes.length - 1), jws, member.publicJwk)).toBe(false);
    expect(await manifestSignatureHolds(new Uint8Array([...bytes, 0x0a]), jws, member.publicJwk)).toBe(false);
    const other = await signManifestBytes(new TextEncoder().encode('{"files":[],"format":"nest-case-pack/2"}'), member.privateJwk);
    expect(await manifestSignatureHolds(bytes, other, member.publicJwk)).toBe(false);
  });
});

describe('verifyMemberCertificate', () => {
  it('refuses the Ed25519 label and an unsigned token', async () => {
    await expect(verifyMemberCertificate(await signCert(certPayload(), { alg: 'Ed25519', typ: MEMBER_CERT_TYP }), ws.publicJwk)).rejects.toThrow('"alg" (Algorithm) Header Parameter value not allowed');
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: MEMBER_CERT_TYP })).toString('base64url')}.${Buffer.from(certPayload()).toString('base64url')}.`;
    await expect(verifyMemberCertificate(unsigned, ws.publicJwk)).rejects.toThrow();
  });

  it('a certificate vouches for one key: the claims name exactly that key', async () => {
    const cert = await issueMemberCertificate(ws.privateJwk, claims);
    expect((await verifyMemberCertificate(cert, ws.publicJwk)).memberKey).toEqual(member.publicJwk);
    expect((await verifyMemberCertificate(cert, ws.publicJwk)).memberKey).not.toEqual(other.publicJwk);
    // Signed by the member's own key instead of the workspace key: not vouched.
    const selfSigned = await new CompactSign(certPayload()).setProtectedHeader({ alg: 'EdDSA', typ: MEMBER_CERT_TYP }).sign(parsePrivateJwk(member.privateJwk));
    await expect(verifyMemberCertificate(selfSigned, ws.publicJwk)).rejects.toThrow('signature verification failed');
    expect((await verifyMemberCertificate(selfSigned, member.publicJwk)).memberId).toBe('member-ada');
  });

  it('reads every claim back, the time in milliseconds', async () => {
    const c = await verifyMemberCertificate(await signCert(certPayload({ iat: 0, name: '', agency: '' })), ws.publicJwk);
    expect(c).toEqual({ workspaceId: 'ws-1', memberId: 'member-ada', name: '', agency: '', role: 'prosecutor', memberKey: member.publicJwk, issuedAt: 0 });
  });

  it('bounds each claim, one step past each bound refused', async () => {
    const fits = [{ wid: 'w'.repeat(100) }, { sub: 's'.repeat(100) }, { name: 'n'.repeat(120) }, { agency: 'a'.repeat(200) }, { role: 'admin' }, { iat: 0 }];
    for (const over of fits) expect((await verifyMemberCertificate(await signCert(certPayload(over)), ws.publicJwk)).workspaceId, JSON.stringify(over)).toBe(over.wid ?? 'ws-1');
    const refused = [
      { wid: '' },
      { wid: 'w'.repeat(101) },
      { sub: '' },
      { sub: 's'.repeat(101) },
      { name: 'n'.repeat(121) },
      { agency: 'a'.repeat(201) },
      { role: 'owner' },
      { iat: -1 },
      { iat: 1.5 },
      { iat: '1' },
      { key: { ...member.publicJwk, x: member.publicJwk.x.slice(1) } },
      { key: { ...member.publicJwk, crv: 'X25519' } },
    ];
    for (const over of refused) await expect(verifyMemberCertificate(await signCert(certPayload(over)), ws.publicJwk), JSON.stringify(over)).rejects.toThrow();
  });

  it('is issued with the same bounds: nothing is signed that a verifier would refuse', async () => {
    for (const over of [{ workspaceId: '' }, { workspaceId: 'w'.repeat(101) }, { memberId: 's'.repeat(101) }, { name: 'n'.repeat(121) }, { agency: 'a'.repeat(201) }, { issuedAt: -1000 }]) {
      await expect(issueMemberCertificate(ws.privateJwk, { ...claims, ...over }), JSON.stringify(over)).rejects.toThrow();
    }
    const edge = await issueMemberCertificate(ws.privateJwk, { ...claims, workspaceId: 'w'.repeat(100), memberId: 's'.repeat(100), name: 'n'.repeat(120), agency: 'a'.repeat(200), issuedAt: 0 });
    expect(await verifyMemberCertificate(edge, ws.publicJwk)).toEqual({ ...claims, workspaceId: 'w'.repeat(100), memberId: 's'.repeat(100), name: 'n'.repeat(120), agency: 'a'.repeat(200), issuedAt: 0 });
  });
});

describe('signatureFileSchema', () => {
  it('wants keys of exactly 32 bytes and a certificate of at most 10 000 characters', async () => {
    const jws = await signManifestBytes(bytes, member.privateJwk);
    const good = { format: SIGNATURE_FORMAT, jws, memberKey: member.publicJwk, memberCertificate: 'c'.repeat(10_000), workspaceKey: ws.publicJwk };
    expect(signatureFileSchema().parse(good)).toEqual(good);
    const short = { ...member.publicJwk, x: member.publicJwk.x.slice(0, 42) };
    const long = { ...member.publicJwk, x: `${member.publicJwk.x}A` };
    for (const bad of [{ memberKey: short }, { memberKey: long }, { workspaceKey: short }, { workspaceKey: long }, { memberCertificate: 'c'.repeat(10_001) }, { jws: '' }, { format: undefined }]) {
      expect(signatureFileSchema().safeParse({ ...good, ...bad }).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
