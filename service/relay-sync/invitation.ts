/**
 * The invitation a workspace admin hands to a new member out of band: one string
 * `NEST1.<base64url JSON>` (also saved as a `.nestinvite` file) carrying the relay address, the
 * workspace id and name, and the member token signed with the workspace key. Whoever holds it can
 * act as that member until it expires or the member is removed: hand it over like a password.
 */
import { z } from 'zod';
import { NestError } from '../../shared/errors';
import { idSchema } from '../../shared/domain/fields';

const PREFIX = 'NEST1.';

/** The content of an invitation. */
export const invitationPayloadSchema = z.object({
  relay: z.string().min(1).max(500),
  workspaceId: idSchema,
  workspaceName: z.string().max(120),
  token: z.string().min(20).max(8192),
});
/** The content of an invitation. */
export type InvitationPayload = z.infer<typeof invitationPayloadSchema>;

/** Encodes an invitation string. */
export function encodeInvitation(p: InvitationPayload): string {
  return PREFIX + Buffer.from(JSON.stringify(p), 'utf8').toString('base64url');
}

/**
 * Decodes an invitation string (surrounding whitespace and line breaks, e.g. from an e-mail, are ignored).
 * @throws NestError('invalid-params') when it is not a NEST Desk invitation.
 */
export function decodeInvitation(text: string): InvitationPayload {
  const s = text.replace(/\s+/g, '');
  if (!s.startsWith(PREFIX)) throw new NestError('invalid-params', { id: 'service.invitation.not-nest' });
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(s.slice(PREFIX.length), 'base64url').toString('utf8'));
  } catch {
    throw new NestError('invalid-params', { id: 'service.invitation.undecodable' });
  }
  const r = invitationPayloadSchema.safeParse(raw);
  if (!r.success) throw new NestError('invalid-params', { id: 'service.invitation.invalid', values: { path: r.error.issues[0]?.path.join('.') ?? '', detail: r.error.issues[0]?.message ?? '' } });
  return r.data;
}
