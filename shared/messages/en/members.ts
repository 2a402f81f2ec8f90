/**
 * English sentences of the members dialogs (`ui.members.*`) that came to the catalogue after
 * ui-members.ts: the join dialog's file checks and notes, the invitation form's day limits, the
 * members card's removal notice.
 */
export const membersMessages = {
  'ui.members.file-not-invitation': '{fileName} is not an invitation (it is {size, number} KB; an invitation is about 1 KB).',
  'ui.members.file-unreadable': '{fileName} could not be read.',
  'ui.members.no-invitation': 'Paste the invitation, or open its .nestinvite file.',
  'ui.members.still-reading': 'The invitation is still being read; join once it shows where it leads.',
  'ui.members.or': 'or',
  'ui.members.open-file': 'Open a .nestinvite file…',
  'ui.members.invitation-placeholder': 'NEST1.eyJyZWxheSI6…',
  'ui.members.already-here': 'This workspace is already on this computer: joining renews your access as {role}.',
  'ui.members.days-not-number': 'must be a number of days',
  'ui.members.days-not-whole': 'must be a whole number of days',
  'ui.members.days-too-few': 'must be at least 1 day',
  'ui.members.days-too-many': 'must be at most 730 days (2 years)',
  'ui.members.removed': '{name} was removed from the workspace.',
  'ui.members.agency-suffix': ' · {agency}',
} as const;
