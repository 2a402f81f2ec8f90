/**
 * Who else has this case open right now (from awareness), as overlapping avatars with a
 * readable list for screen readers. Another window of the same person counts too.
 */
import type { ReactNode } from 'react';
import type { DocReplica } from '../data/client';
import { usePresence } from '../hooks/use-presence';
import { Avatar } from '../ui/avatar';

/** The presence avatars of a case. */
export function PresenceBar(props: { replica: DocReplica }): ReactNode {
  const others = usePresence(props.replica);
  if (!others.length) {
    return <span className="presence-label presence-alone">Only you are viewing this case</span>;
  }
  const names = others.map((o) => `${o.name}${o.agency ? ` (${o.agency})` : ''}${o.sameMember ? ' — your other window' : ''}`);
  return (
    <div className="presence" aria-label={`Also viewing: ${names.join(', ')}`} role="group">
      <span className="presence-stack">
        {others.slice(0, 5).map((o, i) => (
          <Avatar key={o.clientId} name={o.name} color={o.color} title={names[i]} small />
        ))}
      </span>
      <span className="presence-label" data-testid="presence-count">
        {others.length === 1 ? `${others[0]!.name}${others[0]!.sameMember ? ' (another window)' : ''} is also here` : `${others.length} others are here`}
        {others.length > 5 ? ` (+${others.length - 5})` : ''}
      </span>
    </div>
  );
}
