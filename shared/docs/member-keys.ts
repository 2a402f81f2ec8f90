/**
 * Members' pack-signing keys and the certificates the workspace key gives them (docs/case-packs.md,
 * "Signing keys"), in the docs that already carry who may write what:
 *
 * - a member's registry doc (only that member writes it, admins read it) holds the public keys the
 *   member publishes: root `signingKeys`, Y.Map<x (the key's base64url public value), { jwk, at }>,
 *   added once per key, never changed;
 * - the workspace doc (admins write it, everyone reads it) holds the certificates admins' desktops
 *   issue: root `memberCertificates`, Y.Map<memberId, { certificate, workspaceKey, at }>, replaced
 *   when the member's key, name, agency or role changes.
 *
 * An admin's desktop issues a certificate only for a key found in that member's own registry doc,
 * so a member cannot get a key certified in another member's name. Isomorphic.
 */
import type * as Y from 'yjs';
import { z } from 'zod';
import { publicJwkSchema, type PublicWorkspaceJwk } from '../auth/keys';

/** Registry doc root of published signing keys. */
export const SIGNING_KEYS_ROOT = 'signingKeys';
/** Workspace doc root of member certificates. */
export const MEMBER_CERTIFICATES_ROOT = 'memberCertificates';

const publishedSchema = z.object({ jwk: publicJwkSchema, at: z.number().int().nonnegative() });
/** A signing key a member published (ms since epoch). */
export type PublishedKey = z.infer<typeof publishedSchema>;

const certificateRecordSchema = z.object({ certificate: z.string().min(1).max(10_000), workspaceKey: publicJwkSchema, at: z.number().int().nonnegative() });
/** A certificate record in the workspace doc. */
export type CertificateRecord = z.infer<typeof certificateRecordSchema>;

/** Publishes `jwk` in the member's registry doc at `at` (ms); false when it was there already. */
export function publishSigningKey(registry: Y.Doc, jwk: PublicWorkspaceJwk, at: number): boolean {
  const map = registry.getMap<unknown>(SIGNING_KEYS_ROOT);
  if (map.has(jwk.x)) return false;
  map.set(jwk.x, { jwk: { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, at });
  return true;
}

/** The well-formed keys a member published, newest first (a malformed entry is skipped). */
export function publishedSigningKeys(registry: Y.Doc): PublishedKey[] {
  const out: PublishedKey[] = [];
  registry.getMap<unknown>(SIGNING_KEYS_ROOT).forEach((value, x) => {
    const r = publishedSchema.safeParse(value);
    if (r.success && r.data.jwk.x === x) out.push(r.data);
  });
  return out.sort((a, b) => b.at - a.at || a.jwk.x.localeCompare(b.jwk.x));
}

/** The certificate record of `memberId` in the workspace doc, or null (none, or malformed). */
export function readCertificate(workspace: Y.Doc, memberId: string): CertificateRecord | null {
  const r = certificateRecordSchema.safeParse(workspace.getMap<unknown>(MEMBER_CERTIFICATES_ROOT).get(memberId));
  return r.success ? r.data : null;
}

/** Stores `memberId`'s certificate record (an admin's desktop). */
export function writeCertificate(workspace: Y.Doc, memberId: string, record: CertificateRecord): void {
  workspace.getMap<unknown>(MEMBER_CERTIFICATES_ROOT).set(memberId, certificateRecordSchema.parse(record));
}
