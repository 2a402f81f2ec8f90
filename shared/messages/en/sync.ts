/**
 * English words of sync (`sync.*`): the label of each sync state, what it means for the user, and
 * what to do about "access refused" for each relay reason (renderer/src/sync/sync-labels.ts).
 */
export const syncMessages = {
  'sync.state.off': 'Local only',
  'sync.state.synced': 'Synced',
  'sync.state.syncing': 'Syncing…',
  'sync.state.read-only': 'Synced (read-only)',
  'sync.state.offline': 'Offline',
  'sync.state.refused': 'Access refused',
  'sync.state.error': 'Sync error',
  'sync.pill.synced-at': 'Synced · {when}',
  'sync.pill.offline': 'Offline — changes saved on this computer',
  'sync.explain.off-admin':
    'This workspace is not shared: its cases stay on this computer. Connect it to your task force’s relay to work on them with other members.',
  'sync.explain.off': 'This workspace is not shared through a relay: its cases stay on this computer.',
  'sync.explain.synced': 'Everything on this computer is on the relay, and colleagues’ changes arrive as they make them.',
  'sync.explain.syncing': 'Exchanging changes with the relay…',
  'sync.explain.offline': 'The relay cannot be reached. Keep working: your changes are saved on this computer and sent when the relay is back.',
  'sync.explain.error': 'Syncing failed. Your changes are saved on this computer; NEST Desk keeps trying.',
  'sync.advice.removed': 'You are no longer a member of this workspace. Ask a workspace admin if this is a mistake.',
  'sync.advice.expired': 'Your access has expired. Ask a workspace admin for a new invitation and open it with “Join a workspace”.',
  'sync.advice.key-withdrawn': 'The workspace key your access was signed with was withdrawn. Ask a workspace admin for a new invitation.',
  'sync.advice.no-case-access': 'You do not have access to this case.',
  'sync.advice.not-set-up-command-above': 'The relay does not know this workspace yet — ask the relay operator to run the command above, then Retry.',
  'sync.advice.not-set-up':
    'The relay does not know this workspace yet — ask the relay operator to run the command shown under Relay & members, then Retry.',
  'sync.advice.invitation-refused':
    'The relay does not accept your invitation. If the workspace was set up just now, wait for the relay operator; otherwise ask a workspace admin for a new invitation.',
  'sync.docs.synced': '{count, number} synced',
  'sync.docs.read-only': '{count, number} read-only',
  'sync.docs.syncing': '{count, number} syncing',
  'sync.docs.offline': '{count, number} offline',
  'sync.docs.refused': '{count, number} refused',
  'sync.docs.error': '{count, number} failed',
  'sync.docs.none': 'No documents linked',
} as const;
