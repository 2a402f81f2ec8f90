/**
 * English messages of the held mass deletions (issue 10 item 2): the admins' screen that approves
 * or rejects a mass deletion the relay held (renderer/src/history/held-deletions-screen.tsx), its
 * sidebar badge, the decisions as they show in a case's history, and the data service's errors.
 */
export const heldDeletionMessages = {
  'rpc.refused.deletions.decide': 'Only workspace admins can approve or reject a held deletion.',
  'service.held-deletions.not-pending': 'This held deletion is no longer waiting for a decision: another admin decided it. The list has been refreshed.',
  'ui.held.nav': 'Held deletions',
  'ui.held.badge': '{count, plural, one {# deletion waits} other {# deletions wait}} for an admin’s decision',
  'ui.held.eyebrow': 'Evidence protection',
  'ui.held.heading': 'Held deletions',
  'ui.held.doc-title': 'Held deletions · {workspace}',
  'ui.held.subtitle':
    'When a member deletes many records of a case in a short time, the relay holds the deletion and keeps every record until an admin decides. Approve only deletions you can account for: the records are then removed for everyone (the provenance log keeps them restorable).',
  'ui.held.pending': '{count, plural, =0 {Nothing is waiting for a decision} one {# deletion is waiting for a decision} other {# deletions are waiting for a decision}}',
  'ui.held.table': 'Mass deletions held by the relay',
  'ui.held.col-case': 'Case',
  'ui.held.col-member': 'Member',
  'ui.held.col-records': 'Records',
  'ui.held.col-held': 'Held',
  'ui.held.col-expiry': 'If approved',
  'ui.held.col-actions': 'Decision',
  'ui.held.records': '{count, plural, one {# record} other {# records}}',
  'ui.held.unknown-case': 'Case {id} (not on this computer)',
  'ui.held.not-a-case': 'Document {doc}',
  'ui.held.expiry': 'Member may re-send until {time}',
  'ui.held.approve': 'Approve',
  'ui.held.reject': 'Reject',
  'ui.held.empty': 'No deletion is held. The relay holds a member’s deletion of many records here until an admin decides.',
  'ui.held.loading': 'Asking the relay…',
  'ui.held.no-relay': 'This workspace does not sync through a relay, so nothing can be held. Connect a relay under Relay & members.',
  'ui.held.approve-title': 'Approve this deletion?',
  'ui.held.approve-body':
    '{member} may then delete {count, plural, one {# record} other {# records}} of {case} for every member of the task force. Their desktop re-sends the deletion when they press “Sync now”; the approval lapses at {time} if they do not. The records stay in the relay’s provenance log, and an admin can restore them from the case’s history.',
  'ui.held.approve-confirm': 'Approve deletion',
  'ui.held.reject-title': 'Reject this deletion?',
  'ui.held.reject-body':
    'The relay keeps the {count, plural, one {# record} other {# records}} of {case} that {member} deleted, and keeps refusing their copy until they undo the deletion on their computer. Tell them why.',
  'ui.held.reject-confirm': 'Reject deletion',
  'ui.held.approved': 'Approved: {member} may now re-send the deletion of {count, plural, one {# record} other {# records}} of {case}.',
  'ui.held.rejected': 'Rejected: the {count, plural, one {# record} other {# records}} of {case} stay on the relay.',
  'ui.history.alert-mass-deletion-approved': '{who} approved held deletion no. {request} in {doc}: the member may re-send it',
  'ui.history.alert-mass-deletion-rejected': '{who} rejected held deletion no. {request} in {doc}: the relay keeps the records',
} as const;
