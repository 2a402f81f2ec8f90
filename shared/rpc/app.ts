/**
 * RPC methods of the app domain: identity, workspaces, app info.
 */
import { z } from 'zod';
import { identityInputSchema } from '../domain/member';
import { MEMBER_ROLES } from '../domain/codes';
import { workspaceSettingsSchema } from '../docs/workspace-doc';
import { method } from './define';

/** The local identity: created at first run; `memberId` is this person's id in workspaces made here. */
export const identitySchema = identityInputSchema.extend({ memberId: z.string(), createdAt: z.number().int() });
/** The local identity. */
export type Identity = z.infer<typeof identitySchema>;

/** A workspace as listed on this machine. `demo`: built from the bundled public seizure data. */
export const workspaceSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  casePrefix: z.string(),
  reportingCurrency: z.string(),
  demo: z.boolean(),
  caseCount: z.number().int(),
  role: z.enum(MEMBER_ROLES),
  /** The member id this machine writes as in this workspace (from an invitation, or the local identity's for workspaces made here). */
  memberId: z.string(),
  /** Set when the workspace cannot be opened (e.g. its database was written by a newer app). */
  problem: z.string().optional(),
});
/** A workspace as listed. */
export type WorkspaceSummary = z.infer<typeof workspaceSummarySchema>;

/** A source cited by bundled data (shown with the demo workspace). */
export const dataSourceSchema = z.object({ title: z.string(), url: z.string(), note: z.string() });

/**
 * Whether every change of a workspace is written to this computer's disk: what "Saved locally"
 * may claim. `unsaved` changes are held in memory and retried while the disk refuses them.
 */
export const storageStatusSchema = z.object({
  workspaceId: z.string(),
  saved: z.boolean(),
  /** Changes (Yjs updates) waiting to be written. */
  unsaved: z.number().int().nonnegative(),
  /** ms since epoch of the first refused write of the current fault; null when saved. */
  since: z.number().nullable(),
  /** The database's error code (e.g. SQLITE_FULL); null when saved. */
  error: z.string().nullable(),
});
/** A workspace's storage status. */
export type StorageStatus = z.infer<typeof storageStatusSchema>;

export const appRpc = {
  'app.info': method(
    z.object({}),
    z.object({ version: z.string(), mode: z.enum(['electron', 'browser']), dataDir: z.string(), sources: z.array(dataSourceSchema) }),
    'Version, run mode, data folder and the sources of bundled data.',
    null,
  ),
  'identity.get': method(z.object({}), identitySchema.nullable(), 'The local identity, or null before first run is complete.', null),
  'identity.create': method(identityInputSchema, identitySchema, 'Creates the local identity (first run).', null),
  'workspaces.list': method(z.object({}), z.array(workspaceSummarySchema), 'Workspaces on this machine.', null),
  'workspaces.create': method(
    workspaceSettingsSchema.omit({ id: true }),
    workspaceSummarySchema,
    'Creates a workspace whose admin is the local identity.',
    null,
  ),
  'storage.status': method(
    z.object({ workspaceId: z.string() }),
    storageStatusSchema,
    'Whether every change of the workspace is written to disk, and what waits when it is not.',
    'workspace.read',
  ),
  'storage.retry': method(
    z.object({ workspaceId: z.string() }),
    storageStatusSchema,
    'Writes the changes the disk refused before, now (after space was freed); returns the new status.',
    'workspace.read',
  ),
  'workspaces.openDemo': method(
    z.object({}),
    workspaceSummarySchema,
    'Opens the demo workspace, building it from the bundled public seizure data on first use.',
    null,
  ),
} as const;
