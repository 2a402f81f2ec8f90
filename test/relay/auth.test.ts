/**
 * relay/auth: workspace keys, member tokens and the bearer header. Real Ed25519 keys via jose.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { authorizationHeader, bearerToken } from '../../shared/auth/bearer';
import { generateWorkspaceKey, keyId, parsePrivateJwk, parsePublicJwk, publicJwkOf } from '../../shared/auth/keys';
import { peekWorkspaceId, signInvitation, TokenError, verifyToken, type InvitationInput } from '../../shared/auth/tokens';
import { NestError } from '../../shared/errors';

const NOW = Date.UTC(2026, 5, 1, 12, 0, 0);

function claims(over: Partial<InvitationInput> = {}): InvitationInput {
  return {
    memberId: 'm-1',
    workspaceId: randomUUID(),
    name: 'Ivy Investigator',
    agency: 'Singapore Customs',
    role: 'investigator',
    issuedAt: NOW,
    expiresAt: NOW + 86_400_000,
    ...over,
  };
}

async function rejection(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(TokenError);
    expect((err as TokenError).code).toBe('unauthorized');
    return (err as TokenError).reason;
  }
  throw new Error('expected the token to be refused');
}

describe('workspace keys', () => {
  it('generates an Ed25519 pair whose kid is the RFC 7638 thumbprint of the public key', async () => {
    const k = await generateWorkspaceKey();
    expect(k.publicJwk.kty).toBe('OKP');
    expect(k.publicJwk.crv).toBe('Ed25519');
    expect(k.privateJwk.d).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(publicJwkOf(k.privateJwk)).toEqual(k.publicJwk);
    expect(await keyId(k.publicJwk)).toBe(k.kid);
    expect(k.kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('parses public keys from JSON text, drops extra members and refuses private keys and other curves', async () => {
    const k = await generateWorkspaceKey();
    expect(parsePublicJwk(JSON.stringify({ ...k.publicJwk, kid: 'x', use: 'sig' }))).toEqual(k.publicJwk);
    expect(() => parsePublicJwk(k.privateJwk)).toThrow(/private key/);
    expect(() => parsePublicJwk({ kty: 'EC', crv: 'P-256', x: k.publicJwk.x })).toThrow(NestError);
    expect(() => parsePublicJwk('{not json')).toThrow(/not valid JSON/);
    expect(() => parsePrivateJwk(k.publicJwk)).toThrow(/d/);
  });
});

describe('member tokens', () => {
  it('round-trips every claim, with the signing kid, and is EdDSA with a kid header', async () => {
    const k = await generateWorkspaceKey();
    const c = claims();
    const token = await signInvitation(k.privateJwk, c);
    const header = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()) as Record<string, unknown>;
    expect(header).toEqual({ alg: 'EdDSA', typ: 'JWT', kid: k.kid });
    const v = await verifyToken(token, [{ kid: k.kid, publicJwk: k.publicJwk }], { now: NOW + 1000, workspaceId: c.workspaceId });
    expect(v.kid).toBe(k.kid);
    expect(v.claims).toEqual({ ...c, issuedAt: NOW, expiresAt: NOW + 86_400_000 });
    expect(peekWorkspaceId(token)).toBe(c.workspaceId);
  });

  it('refuses a token signed by another key (forged), naming no key it knows', async () => {
    const real = await generateWorkspaceKey();
    const forger = await generateWorkspaceKey();
    const token = await signInvitation(forger.privateJwk, claims());
    expect(await rejection(verifyToken(token, [{ kid: real.kid, publicJwk: real.publicJwk }], { now: NOW }))).toBe('unknown-key');
    // A forger who copies the real kid into the header still fails the signature check.
    const [, payload, sig] = token.split('.');
    const fakeHeader = Buffer.from(JSON.stringify({ alg: 'EdDSA', typ: 'JWT', kid: real.kid })).toString('base64url');
    expect(await rejection(verifyToken(`${fakeHeader}.${payload}.${sig}`, [{ kid: real.kid, publicJwk: real.publicJwk }], { now: NOW }))).toBe('bad-signature');
  });

  it('refuses a tampered payload (role raised to admin)', async () => {
    const k = await generateWorkspaceKey();
    const [h, p, s] = (await signInvitation(k.privateJwk, claims({ role: 'observer' }))).split('.');
    const payload = JSON.parse(Buffer.from(p!, 'base64url').toString()) as Record<string, unknown>;
    const raised = Buffer.from(JSON.stringify({ ...payload, role: 'admin' })).toString('base64url');
    expect(await rejection(verifyToken(`${h}.${raised}.${s}`, [{ kid: k.kid, publicJwk: k.publicJwk }], { now: NOW }))).toBe('bad-signature');
  });

  it('refuses an expired token, and one for another workspace', async () => {
    const k = await generateWorkspaceKey();
    const keys = [{ kid: k.kid, publicJwk: k.publicJwk }];
    const c = claims({ expiresAt: NOW + 60_000 });
    const token = await signInvitation(k.privateJwk, c);
    expect((await verifyToken(token, keys, { now: NOW + 59_000 })).claims.memberId).toBe('m-1');
    expect(await rejection(verifyToken(token, keys, { now: NOW + 60_000 }))).toBe('expired');
    expect(await rejection(verifyToken(token, keys, { now: NOW, workspaceId: randomUUID() }))).toBe('wrong-workspace');
  });

  it('refuses a token issued in the future or valid for more than two years', async () => {
    const k = await generateWorkspaceKey();
    const keys = [{ kid: k.kid, publicJwk: k.publicJwk }];
    const future = await signInvitation(k.privateJwk, claims({ issuedAt: NOW + 10 * 86_400_000, expiresAt: NOW + 20 * 86_400_000 }));
    expect(await rejection(verifyToken(future, keys, { now: NOW }))).toBe('bad-claims');
    const skewed = await signInvitation(k.privateJwk, claims({ issuedAt: NOW + 60_000 }));
    expect((await verifyToken(skewed, keys, { now: NOW })).claims.memberId).toBe('m-1'); // a minute of clock skew is fine
    const forever = await signInvitation(k.privateJwk, claims({ expiresAt: NOW + 800 * 86_400_000 }));
    expect(await rejection(verifyToken(forever, keys, { now: NOW }))).toBe('bad-claims');
  });

  it('verifies with any registered key during rotation, and not once the key is removed', async () => {
    const old = await generateWorkspaceKey();
    const next = await generateWorkspaceKey();
    const both = [
      { kid: old.kid, publicJwk: old.publicJwk },
      { kid: next.kid, publicJwk: next.publicJwk },
    ];
    const tOld = await signInvitation(old.privateJwk, claims());
    const tNext = await signInvitation(next.privateJwk, claims());
    expect((await verifyToken(tOld, both, { now: NOW })).kid).toBe(old.kid);
    expect((await verifyToken(tNext, both, { now: NOW })).kid).toBe(next.kid);
    expect(await rejection(verifyToken(tOld, [both[1]!], { now: NOW }))).toBe('unknown-key');
  });

  it('refuses garbage and tokens of another algorithm, and bad claims when signing', async () => {
    const k = await generateWorkspaceKey();
    const keys = [{ kid: k.kid, publicJwk: k.publicJwk }];
    expect(await rejection(verifyToken('not-a-jwt', keys))).toBe('malformed');
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{}').toString('base64url')}.`;
    expect(await rejection(verifyToken(none, keys))).toBe('malformed');
    await expect(signInvitation(k.privateJwk, claims({ workspaceId: 'not-a-uuid' }))).rejects.toThrow(/wid/);
    expect(peekWorkspaceId('x.y.z')).toBeNull();
  });
});

describe('bearer header', () => {
  it('builds and reads "Bearer <token>" and refuses other schemes and junk', () => {
    expect(authorizationHeader('abc.def.ghi')).toBe('Bearer abc.def.ghi');
    expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(bearerToken('bearer  abc.def-_ghi')).toBe('abc.def-_ghi');
    expect(bearerToken(undefined)).toBeNull();
    expect(bearerToken('Basic dXNlcjpwYXNz')).toBeNull();
    expect(bearerToken('Bearer ')).toBeNull();
    expect(bearerToken('Bearer a b')).toBeNull();
    expect(bearerToken(`Bearer ${'a'.repeat(9000)}`)).toBeNull();
  });
});
