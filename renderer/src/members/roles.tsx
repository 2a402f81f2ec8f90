/**
 * Member roles as the Relay & members page and the invitation dialogs show them: a one-line
 * explanation of what each role may do (the relay enforces it per document, docs/relay.md) and
 * a coloured role badge.
 */
import type { ReactNode } from 'react';
import { MEMBER_ROLE_LABELS, type MemberRole } from '../../../shared/domain/codes';
import './members.css';

/** What each role may do, in one line. */
export const ROLE_EXPLANATIONS: Record<MemberRole, string> = {
  admin: 'Manages the workspace: relay, invitations and members; edits every case.',
  investigator: 'Reads and edits case files: seizures, summaries, maps.',
  prosecutor: 'Reads and edits case files, and exports case packs for court.',
  observer: 'Reads only, e.g. a partner NGO: cannot change anything.',
};

/** Short badge labels (the long labels are in MEMBER_ROLE_LABELS). */
const SHORT: Record<MemberRole, string> = { admin: 'Admin', investigator: 'Investigator', prosecutor: 'Prosecutor', observer: 'Observer' };

/** A role badge with its explanation as tooltip. */
export function RoleBadge(props: { role: MemberRole }): ReactNode {
  return (
    <span className={`role-badge role-${props.role}`} title={`${MEMBER_ROLE_LABELS[props.role]}: ${ROLE_EXPLANATIONS[props.role]}`}>
      {SHORT[props.role]}
    </span>
  );
}
