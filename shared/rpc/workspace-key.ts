/**
 * The workspace public key, for any member to hand over (Relay & members → Workspace key): a court
 * or another agency checks case packs against it (`npm run verify -- pack.zip --workspace-key
 * <file>`). Only the public half is ever in an answer; the private key stays in the key holder's
 * workspace database (docs/case-packs.md, "The workspace key").
 */
import { z } from 'zod';
import { publicJwkSchema } from '../auth/keys';
import { method } from './define';

/**
 * What this desktop knows of the relay's copy of the key. `accepted`: the relay accepted this
 * desktop's token, which names this key, at `at` (ms since epoch) — proof that it holds the key
 * (the relay verifies a token only with the key its `kid` names). `other-key`: this desktop signs
 * in with a token of another workspace key (`kid`). `unconfirmed`: no sign-in with this key has
 * been accepted since it was recorded (a first connect, or an app that did not record it yet).
 */
export const relayKeyCheckSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('accepted'), at: z.number().int() }).strict(),
  z.object({ state: z.literal('other-key'), kid: z.string() }).strict(),
  z.object({ state: z.literal('unconfirmed') }).strict(),
]);
/** What this desktop knows of the relay's copy of the key. */
export type RelayKeyCheck = z.infer<typeof relayKeyCheckSchema>;

/** The workspace public key as a member sees it. */
export const workspacePublicKeySchema = z
  .object({
    /** RFC 7638 thumbprint: what `npm run verify` and the verify dialog print as the key's fingerprint. */
    kid: z.string(),
    /** The public key only (`kty`, `crv`, `x`): never `d`. */
    publicJwk: publicJwkSchema.strict(),
    /**
     * `this-desktop`: this desktop holds the workspace key (it made it); `certificate`: the key that
     * vouched for this member's signing key, read from the workspace doc (which only admins write).
     */
    source: z.enum(['this-desktop', 'certificate']),
    /** When the key was made (ms since epoch), or null when that was not recorded (a key older than the record, or made on another desktop). */
    createdAt: z.number().int().nullable(),
    /** When the key vouched for this member (source `certificate`), else null. */
    certifiedAt: z.number().int().nullable(),
    /** The file to save it as: `<workspace name>.pub.jwk`. */
    fileName: z.string(),
    /** The file's content: the public JWK as JSON text with a final newline. */
    fileContent: z.string(),
    /** Null for a workspace that does not sync through a relay. */
    relay: relayKeyCheckSchema.nullable(),
  })
  .strict();
/** The workspace public key as a member sees it. */
export type WorkspacePublicKey = z.infer<typeof workspacePublicKeySchema>;

export const workspaceKeyRpc = {
  'workspaceKey.get': method(
    z.object({ workspaceId: z.string().uuid() }),
    workspacePublicKeySchema.nullable(),
    'The workspace public key (never the private one) with its fingerprint, to save and hand over out of band; made on first use on the desktop that holds it; null on a joined desktop until the key has vouched for this member (any member).',
    'workspace.read',
  ),
} as const;
