/**
 * Who else has this case open right now (from awareness), as overlapping avatars with a
 * readable list for screen readers. Another window of the same person counts too.
 */
import type { ReactNode } from 'react';
import type { DocReplica } from '../data/client';
import { usePresence } from '../hooks/use-presence';
import { Avatar } from '../ui/avatar';
import { t } from '../../../shared/messages';

/** The presence avatars of a case. */
export function PresenceBar(props: { replica: DocReplica }): ReactNode {
  const others = usePresence(props.replica);
  if (!others.length) {
    return <span className="presence-label presence-alone">{t('ui.case.presence.alone')}</span>;
  }
  const names = others.map((o) => t('ui.case.presence.name', { name: o.name, hasAgency: o.agency ? 'yes' : 'no', agency: o.agency ?? '', same: o.sameMember ? 'yes' : 'no' }));
  return (
    <div className="presence" aria-label={t('ui.case.presence.label', { names: names.join(', ') })} role="group">
      <span className="presence-stack">
        {others.slice(0, 5).map((o, i) => (
          <Avatar key={o.clientId} name={o.name} color={o.color} title={names[i]} small />
        ))}
      </span>
      <span className="presence-label" data-testid="presence-count">
        {others.length === 1 ? t('ui.case.presence.one', { name: others[0]!.name, same: others[0]!.sameMember ? 'yes' : 'no' }) : t('ui.case.presence.many', { count: others.length })}
        {others.length > 5 ? t('ui.case.presence.more', { count: others.length - 5 }) : ''}
      </span>
    </div>
  );
}
