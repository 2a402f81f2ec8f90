/**
 * RPC methods for syncing a workspace through the task force's relay: connecting (admins),
 * invitations, joining with an invitation, members, and the sync status.
 */
import { z } from 'zod';
import { MEMBER_ROLES } from '../domain/codes';
import { identityInputSchema } from '../domain/member';
import { workspaceSummarySchema } from './app';
import { method } from './define';

const workspaceId = z.string().uuid();

/** Overall sync states (see docs/relay.md): off = no relay configured. */
export const SYNC_STATES = ['off', 'synced', 'syncing', 'offline', 'refused', 'error'] as const;
/** Per-doc link states. */
export const DOC_SYNC_STATES = ['syncing', 'synced', 'read-only', 'offline', 'refused', 'error'] as const;

/** What waits for the relay's acknowledgement on one doc (service/relay-sync/doc-health.ts). */
export const docWaitingSchema = z.object({
  /** Local updates not yet proven held by the relay. */
  updates: z.number().int(),
  /** Their encoded size in bytes. */
  bytes: z.number().int(),
  /** ms since epoch of the oldest, or null. */
  since: z.number().nullable(),
});

/**
 * The sync health of one doc: its link state (null between rounds), the last time the relay was
 * proven to hold every local update (ms since epoch), what waits, and whether it has waited past
 * the warning threshold while the relay was reachable. `caseNumber`/`caseTitle` name a case doc
 * from the workspace's case index (null for other docs or a case not yet in the index).
 */
export const docHealthSchema = z.object({
  doc: z.string(),
  kind: z.enum(['workspace', 'case', 'registry']),
  caseId: z.string().nullable(),
  caseNumber: z.string().nullable(),
  caseTitle: z.string().nullable(),
  state: z.enum(DOC_SYNC_STATES).nullable(),
  lastAckAt: z.number().nullable(),
  waiting: docWaitingSchema,
  warning: z.boolean(),
  /**
   * The relay's reason code when it refused an update of this doc by its deletion rules (close
   * 4409: `append-only`, `record-removal-denied`, `mass-deletion`): the doc is not synced until the
   * member retries it. Null or absent otherwise.
   */
  refusedUpdate: z.string().nullable().optional(),
});
/** The sync health of one doc. */
export type DocHealthRow = z.infer<typeof docHealthSchema>;

/** A workspace's sync status. `live` maps open doc names to their link state; `health` lists every doc the engine knows about. */
export const syncStatusSchema = z.object({
  workspaceId: z.string(),
  state: z.enum(SYNC_STATES),
  detail: z.string().nullable(),
  relayUrl: z.string().nullable(),
  lastSyncedAt: z.number().nullable(),
  docs: z.record(z.string(), z.number()),
  live: z.record(z.string(), z.enum(DOC_SYNC_STATES)),
  health: z.array(docHealthSchema),
  /** The warning threshold in ms (how long a wait while online is tolerated). */
  warnAfterMs: z.number(),
});
/** A workspace's sync status. */
export type SyncStatus = z.infer<typeof syncStatusSchema>;

/** A member as listed for admins. */
export const memberRowSchema = identityInputSchema.extend({ id: z.string(), joinedAt: z.number(), self: z.boolean() });

/** An invitation: one string to hand over out of band (also saved as a `.nestinvite` file). */
export const invitationSchema = z.object({
  invitation: z.string(),
  memberId: z.string(),
  expiresAt: z.number(),
  fileName: z.string(),
});

/** What the relay operator must register for a workspace (its public key and the CLI command). */
export const relayRegistrationSchema = z.object({ keyId: z.string(), publicKeyJwk: z.string(), registerCommand: z.string() });
/** What the relay operator must register. */
export type RelayRegistration = z.infer<typeof relayRegistrationSchema>;

/** What an invitation says, read before joining (nothing is stored). `known`: the workspace is already on this computer. */
export const invitationPreviewSchema = z.object({
  workspaceId: z.string(),
  workspaceName: z.string(),
  relayUrl: z.string(),
  name: z.string(),
  agency: z.string(),
  role: z.enum(MEMBER_ROLES),
  expiresAt: z.number().nullable(),
  known: z.boolean(),
});
/** What an invitation says. */
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;

export const syncRpc = {
  'sync.status': method(z.object({ workspaceId }), syncStatusSchema, 'The sync status of a workspace.', 'workspace.read'),
  'sync.connect': method(
    z.object({ workspaceId, relayUrl: z.string().min(1).max(500) }),
    relayRegistrationSchema,
    'Admins: connects the workspace to a relay, creating its signing key on first use; returns what the relay operator must register.',
    'sync.configure',
  ),
  'sync.registration': method(
    z.object({ workspaceId }),
    relayRegistrationSchema.nullable(),
    'Admins: what the relay operator must register for this workspace (null before the first connect); changes nothing.',
    'sync.configure',
  ),
  'sync.retry': method(z.object({ workspaceId }), z.object({}), 'Reconnects every link of a syncing workspace now, with the stored relay and token (any member).', 'sync.run'),
  'sync.now': method(
    z.object({ workspaceId, docName: z.string().min(1).max(200).nullable().default(null) }),
    z.object({ docs: z.number().int(), acked: z.number().int(), lastAckAt: z.number().nullable() }),
    'Re-exchanges state with the relay now for one doc (docName) or every open and waiting doc of the workspace, and resolves once the relay is proven to hold them or after a timeout: `acked` of `docs` were confirmed (any member).',
    'sync.run',
  ),
  'sync.disconnect': method(z.object({ workspaceId }), z.object({}), 'Stops syncing this workspace (local data is kept).', 'sync.run'),
  'invitations.create': method(
    z.object({ workspaceId, name: identityInputSchema.shape.name, agency: identityInputSchema.shape.agency, role: z.enum(MEMBER_ROLES), validDays: z.number().int().min(1).max(730).default(90) }),
    invitationSchema,
    'Admins: adds a member and signs their invitation token.',
    'members.invite',
  ),
  'workspaces.join': method(
    z.object({ invitation: z.string().min(20).max(20_000) }),
    workspaceSummarySchema,
    'Joins (or renews access to) a workspace with an invitation; its cases then sync in.',
    null,
  ),
  'invitations.inspect': method(
    z.object({ invitation: z.string().min(1).max(20_000) }),
    invitationPreviewSchema,
    'Reads an invitation (workspace, relay, who it is for, expiry) without joining, so the user can check it first.',
    null,
  ),
  'members.list': method(z.object({ workspaceId }), z.array(memberRowSchema), 'Members of a workspace.', 'workspace.read'),
  'members.remove': method(z.object({ workspaceId, memberId: z.string().min(1).max(100) }), z.object({}), 'Admins: removes a member; the relay disconnects them at once.', 'members.remove'),
} as const;
