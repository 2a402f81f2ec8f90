/**
 * Workspace signing keys: Ed25519 key pairs as JWKs (RFC 8037), identified by their RFC 7638
 * thumbprint (`kid`). A workspace admin keeps the private key and signs member tokens with it;
 * the relay is given only the public key. Isomorphic (jose on WebCrypto, no Node APIs), so the
 * desktop can use it as it is.
 */
import { calculateJwkThumbprint, exportJWK, generateKeyPair } from 'jose';
import { z } from 'zod';
import { NestError } from '../errors';

const b64url = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be 32 bytes in base64url');

/** An Ed25519 public key as a JWK: `{ kty: "OKP", crv: "Ed25519", x }`. */
export const publicJwkSchema = z.object({ kty: z.literal('OKP'), crv: z.literal('Ed25519'), x: b64url });
/** An Ed25519 public key as a JWK. */
export type PublicWorkspaceJwk = z.infer<typeof publicJwkSchema>;

/** An Ed25519 private key as a JWK: the public fields plus `d`. Keep it secret: it signs member tokens. */
export const privateJwkSchema = publicJwkSchema.extend({ d: b64url });
/** An Ed25519 private key as a JWK. */
export type PrivateWorkspaceJwk = z.infer<typeof privateJwkSchema>;

/** A workspace key pair and its id. */
export interface WorkspaceKeyPair {
  /** RFC 7638 thumbprint of the public key (base64url SHA-256); tokens name it in their `kid` header. */
  kid: string;
  publicJwk: PublicWorkspaceJwk;
  privateJwk: PrivateWorkspaceJwk;
}

/** Generates a new Ed25519 workspace key pair. */
export async function generateWorkspaceKey(): Promise<WorkspaceKeyPair> {
  const { publicKey, privateKey } = await generateKeyPair('Ed25519', { extractable: true });
  const publicJwk = parsePublicJwk(await exportJWK(publicKey));
  const privateJwk = parsePrivateJwk(await exportJWK(privateKey));
  return { kid: await keyId(publicJwk), publicJwk, privateJwk };
}

/** The key id of a public key: its RFC 7638 thumbprint (base64url SHA-256). */
export async function keyId(publicJwk: PublicWorkspaceJwk): Promise<string> {
  return calculateJwkThumbprint({ kty: publicJwk.kty, crv: publicJwk.crv, x: publicJwk.x }, 'sha256');
}

/** The public half of a private key. */
export function publicJwkOf(privateJwk: PrivateWorkspaceJwk): PublicWorkspaceJwk {
  return { kty: privateJwk.kty, crv: privateJwk.crv, x: privateJwk.x };
}

/**
 * Reads a public key from a JWK object or its JSON text. Extra members (`kid`, `alg`, `use`) are
 * dropped; a private key is refused so that it never gets stored where only the public one belongs.
 * @throws NestError('invalid-params') naming what is wrong.
 */
export function parsePublicJwk(input: unknown): PublicWorkspaceJwk {
  const value = parseJsonish(input);
  if (value && typeof value === 'object' && 'd' in value) {
    throw new NestError('invalid-params', { id: 'auth.key-is-private' });
  }
  const r = publicJwkSchema.safeParse(value);
  if (!r.success) throw new NestError('invalid-params', { id: 'auth.key-not-public-jwk', values: { detail: describe(r.error.issues) } });
  return r.data;
}

/**
 * Reads a private key from a JWK object or its JSON text.
 * @throws NestError('invalid-params') naming what is wrong.
 */
export function parsePrivateJwk(input: unknown): PrivateWorkspaceJwk {
  const r = privateJwkSchema.safeParse(parseJsonish(input));
  if (!r.success) throw new NestError('invalid-params', { id: 'auth.key-not-private-jwk', values: { detail: describe(r.error.issues) } });
  return r.data;
}

function parseJsonish(input: unknown): unknown {
  if (typeof input !== 'string') return input;
  try {
    return JSON.parse(input) as unknown;
  } catch {
    throw new NestError('invalid-params', { id: 'auth.key-not-json' });
  }
}

function describe(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues.map((i) => `${i.path.map(String).join('.') || 'key'}: ${i.message}`).join('; ');
}
