/**
 * Members: the people of a task force, with their agency and role. The local identity created
 * at first run is a member of every workspace made on this machine.
 */
import { z } from 'zod';
import { t } from '../messages/format';
import { MEMBER_ROLES, type MemberRole } from './codes';
import { lineSchema } from './fields';

/** What a user enters at first run: display name, agency (e.g. "Singapore Customs") and role. */
export const identityInputSchema = z.object({
  name: lineSchema(120).min(1, t('field.required')),
  agency: lineSchema(200).min(1, t('field.required')),
  role: z.enum(MEMBER_ROLES),
});
/** What a user enters at first run. */
export type IdentityInput = z.infer<typeof identityInputSchema>;

/** A member as recorded in a workspace doc. `id` is stable per person per workspace; `joinedAt` ms since epoch. */
export const memberSchema = identityInputSchema.extend({
  id: z.string().min(1).max(100),
  joinedAt: z.number().int(),
});
/** A member as recorded in a workspace doc. */
export type Member = z.infer<typeof memberSchema>;

/**
 * True when members with `role` may change the shared docs they can open: admins, investigators
 * and prosecutors; observers (e.g. an NGO) only read. The relay enforces this per document.
 */
export function roleMayWrite(role: MemberRole): boolean {
  return role !== 'observer';
}
