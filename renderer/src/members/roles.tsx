/**
 * Member roles as the Relay & members page and the invitation dialogs show them: a one-line
 * explanation of what each role may do (the relay enforces it per document, docs/relay.md) and
 * a coloured role badge.
 */
import type { ReactNode } from 'react';
import { MEMBER_ROLE_LABELS, type MemberRole } from '../../../shared/domain/codes';
import './members.css';
import { t, type MessageId } from '../../../shared/messages';

/** What each role may do, in one line. */
export const ROLE_EXPLANATIONS: Record<MemberRole, MessageId> = {
  admin: 'ui.members.role-admin',
  investigator: 'ui.members.role-investigator',
  prosecutor: 'ui.members.role-prosecutor',
  observer: 'ui.members.role-observer',
};

/** Short badge labels (the long labels are in MEMBER_ROLE_LABELS). */
const SHORT: Record<MemberRole, MessageId> = {
  admin: 'ui.members.short-admin',
  investigator: 'ui.members.short-investigator',
  prosecutor: 'ui.members.short-prosecutor',
  observer: 'ui.members.short-observer',
};

/** A role badge with its explanation as tooltip. */
export function RoleBadge(props: { role: MemberRole }): ReactNode {
  return (
    <span className={`role-badge role-${props.role}`} title={t('ui.members.badge-tip', { label: MEMBER_ROLE_LABELS[props.role], explanation: t(ROLE_EXPLANATIONS[props.role]) })}>
      {t(SHORT[props.role])}
    </span>
  );
}
