/**
 * RPC methods for a case's history (admins): the relay's provenance log of the case doc, the
 * alerts the relay raised (e.g. a refused mass deletion), and restoring the case, or one seizure,
 * to a past point as a new, attributed change. The data service asks the workspace's relay
 * (shared/protocol/relay/history.ts) with this desktop's member token.
 */
import { z } from 'zod';
import { provenanceEntrySchema, relayAlertSchema } from '../protocol/relay/history';
import { method } from './define';

const workspaceId = z.string().uuid();
const caseId = z.string().uuid();

/** What a restore wrote. */
export const restoreResultSchema = z.object({ changed: z.number().int(), records: z.number().int() });

export const historyRpc = {
  'history.list': method(
    z.object({ workspaceId, caseId, after: z.number().int().nonnegative().default(0) }),
    z.object({ entries: z.array(provenanceEntrySchema), next: z.number().int().nullable() }),
    'One page of the relay’s provenance log of a case doc, oldest first.',
    'history.view',
  ),
  'history.alerts': method(
    z.object({ workspaceId, after: z.number().int().nonnegative().default(0) }),
    z.object({ alerts: z.array(relayAlertSchema) }),
    'The alerts the relay raised for this workspace’s admins, oldest first.',
    'history.view',
  ),
  'history.restore': method(
    z.object({ workspaceId, caseId, seq: z.number().int().nonnegative(), seizureId: z.string().uuid().optional() }),
    restoreResultSchema,
    'Restores a case (or one seizure) to its state as of a provenance seq, as a new change by this member.',
    'history.restore',
  ),
} as const;
