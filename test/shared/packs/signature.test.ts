/**
 * Pack signatures: the member certificate binds exactly the claims it was issued with and is
 * refused under another workspace key or with another type; a detached manifest signature holds
 * for exactly the signed bytes and the signing key, and a malformed one is false, never a throw.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CompactSign } from 'jose';
import { generateWorkspaceKey, keyId, parsePrivateJwk, type WorkspaceKeyPair } from '../../../shared/auth/keys';
import { issueMemberCertificate, manifestSignatureHolds, MEMBER_CERT_TYP, signatureFileSchema, SIGNATURE_FORMAT, signManifestBytes, verifyMemberCertificate, type MemberCertificateClaims } from '../../../shared/packs/signature';

let ws: WorkspaceKeyPair;
let member: WorkspaceKeyPair;
let other: WorkspaceKeyPair;
let claims: MemberCertificateClaims;
beforeAll(async () => {
  [ws, member, other] = await Promise.all([generateWorkspaceKey(), generateWorkspaceKey(), generateWorkspaceKey()]);
  claims = { workspaceId: 'ws-1', memberId: 'member-ada', name: 'Ada Lim', agency: 'NEST Secretariat', role: 'prosecutor', memberKey: member.publicJwk, issuedAt: Date.UTC(2026, 11, 1, 8, 30, 15) };
});

const b64 = (s: string): unknown => JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));

describe('member certificates', () => {
  it('states the claims it was issued with (times to the second) and names the workspace key', async () => {
    const cert = await issueMemberCertificate(ws.privateJwk, { ...claims, issuedAt: claims.issuedAt + 999 });
    const [header, payload] = cert.split('.');
    expect(b64(header!)).toEqual({ alg: 'EdDSA', typ: 'nest-member-cert+jwt', kid: ws.kid });
    expect(b64(payload!)).toEqual({ wid: 'ws-1', sub: 'member-ada', name: 'Ada Lim', agency: 'NEST Secretariat', role: 'prosecutor', key: member.publicJwk, iat: claims.issuedAt / 1000 });
    expect(await verifyMemberCertificate(cert, ws.publicJwk)).toEqual(claims);
    expect(MEMBER_CERT_TYP).toBe('nest-member-cert+jwt');
  });

  it('is refused under another workspace key', async () => {
    const cert = await issueMemberCertificate(ws.privateJwk, claims);
    await expect(verifyMemberCertificate(cert, other.publicJwk)).rejects.toThrow(/signature verification failed/);
  });

  it('is refused when it is another kind of token, naming its type', async () => {
    const payload = new TextEncoder().encode(JSON.stringify({ wid: 'ws-1', sub: 'member-ada', name: 'A', agency: '', role: 'admin', key: member.publicJwk, iat: 1 }));
    const key = parsePrivateJwk(ws.privateJwk);
    const token = await new CompactSign(payload).setProtectedHeader({ alg: 'EdDSA', typ: 'JWT' }).sign(key);
    await expect(verifyMemberCertificate(token, ws.publicJwk)).rejects.toThrow('not a member certificate (typ JWT)');
    const untyped = await new CompactSign(payload).setProtectedHeader({ alg: 'EdDSA' }).sign(key);
    await expect(verifyMemberCertificate(untyped, ws.publicJwk)).rejects.toThrow('not a member certificate (typ undefined)');
    const typed = await new CompactSign(payload).setProtectedHeader({ alg: 'EdDSA', typ: MEMBER_CERT_TYP }).sign(key);
    expect((await verifyMemberCertificate(typed, ws.publicJwk)).role).toBe('admin');
  });

  it('is refused when its content does not hold the claims a certificate must carry', async () => {
    const key = parsePrivateJwk(ws.privateJwk);
    const payload = new TextEncoder().encode(JSON.stringify({ wid: 'ws-1', sub: '', name: 'A', agency: '', role: 'admin', key: member.publicJwk, iat: 1 }));
    const token = await new CompactSign(payload).setProtectedHeader({ alg: 'EdDSA', typ: MEMBER_CERT_TYP }).sign(key);
    await expect(verifyMemberCertificate(token, ws.publicJwk)).rejects.toThrow();
    await expect(issueMemberCertificate(ws.privateJwk, { ...claims, memberId: '' })).rejects.toThrow();
  });
});

describe('manifest signatures', () => {
  const bytes = new TextEncoder().encode('{"format":"nest-case-pack/1"}');

  it('is a detached, unencoded-payload EdDSA JWS naming the member key', async () => {
    const jws = await signManifestBytes(bytes, member.privateJwk);
    expect(jws).toMatch(/^[A-Za-z0-9_-]+\.\.[A-Za-z0-9_-]+$/);
    expect(b64(jws.split('.')[0]!)).toEqual({ alg: 'EdDSA', b64: false, crit: ['b64'], kid: await keyId(member.publicJwk) });
    expect(signatureFileSchema().safeParse({ format: SIGNATURE_FORMAT, jws, memberKey: member.publicJwk, memberCertificate: 'x', workspaceKey: ws.publicJwk }).success).toBe(true);
    expect(SIGNATURE_FORMAT).toBe('nest-pack-signature/1');
  });

  it('holds for exactly the signed bytes and the signing key', async () => {
    const jws = await signManifestBytes(bytes, member.privateJwk);
    expect(await manifestSignatureHolds(bytes, jws, member.publicJwk)).toBe(true);
    expect(await manifestSignatureHolds(new TextEncoder().encode('{"format":"nest-case-pack/2"}'), jws, member.publicJwk)).toBe(false);
    expect(await manifestSignatureHolds(bytes, jws, other.publicJwk)).toBe(false);
  });

  it('is false, not a throw, for a malformed signature', async () => {
    const jws = await signManifestBytes(bytes, member.privateJwk);
    const [head, , sig] = jws.split('.');
    expect(await manifestSignatureHolds(bytes, head!, member.publicJwk)).toBe(false);
    expect(await manifestSignatureHolds(bytes, `${head!}.`, member.publicJwk)).toBe(false);
    expect(await manifestSignatureHolds(bytes, '', member.publicJwk)).toBe(false);
    expect(await manifestSignatureHolds(bytes, `${head!}..${sig!.slice(1)}`, member.publicJwk)).toBe(false);
    // Only the detached form is taken: a JWS with a payload part is not a signature of these bytes.
    expect(await manifestSignatureHolds(bytes, `${head!}.ZZZZ.${sig!}`, member.publicJwk)).toBe(false);
  });

  it('the signature file wants its format, a detached JWS and public keys', async () => {
    const jws = await signManifestBytes(bytes, member.privateJwk);
    const good = { format: SIGNATURE_FORMAT, jws, memberKey: member.publicJwk, memberCertificate: 'x', workspaceKey: ws.publicJwk };
    expect(signatureFileSchema().parse(good)).toEqual(good);
    for (const bad of [
      { ...good, format: 'nest-pack-signature/2' },
      { ...good, jws: jws.replace('..', '.x.') },
      { ...good, jws: `${jws}\n` },
      { ...good, jws: ` ${jws}` },
      { ...good, memberKey: { ...member.publicJwk, crv: 'X25519' } },
      { ...good, workspaceKey: undefined },
      { ...good, memberCertificate: 'x'.repeat(10_001) },
    ]) {
      expect(signatureFileSchema().safeParse(bad).success).toBe(false);
    }
  });
});
