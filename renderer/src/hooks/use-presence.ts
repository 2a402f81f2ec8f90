/**
 * Presence on a doc through y-protocols awareness: publishes who this window is (name, agency,
 * colour, member id) and lists the others who have the same doc open, live.
 */
import { useEffect, useState } from 'react';
import type { DocReplica } from '../data/client';
import { memberColor } from '../domain/member-color';
import { useIdentity } from '../app/services';

/** One person present on a doc. `sameMember`: another window of this very identity. */
export interface PresentUser {
  clientId: number;
  name: string;
  agency: string;
  color: string;
  memberId: string;
  sameMember: boolean;
}

interface UserState {
  name?: unknown;
  agency?: unknown;
  color?: unknown;
  memberId?: unknown;
}

/** Sets this window's awareness `user` field on `replica` and returns the other windows present. */
export function usePresence(replica: DocReplica | null): PresentUser[] {
  const identity = useIdentity();
  const [others, setOthers] = useState<PresentUser[]>([]);

  useEffect(() => {
    if (!replica) return;
    const aw = replica.awareness;
    aw.setLocalStateField('user', { name: identity.name, agency: identity.agency, color: memberColor(identity.memberId), memberId: identity.memberId });
    const read = (): void => {
      const list: PresentUser[] = [];
      aw.getStates().forEach((state, clientId) => {
        if (clientId === replica.doc.clientID) return;
        const u = (state as { user?: UserState }).user;
        if (!u || typeof u.name !== 'string') return;
        const memberId = typeof u.memberId === 'string' ? u.memberId : '';
        list.push({
          clientId,
          name: u.name,
          agency: typeof u.agency === 'string' ? u.agency : '',
          color: typeof u.color === 'string' && /^#[0-9a-f]{6}$/i.test(u.color) ? u.color : memberColor(memberId || String(clientId)),
          memberId,
          sameMember: memberId === identity.memberId,
        });
      });
      setOthers(list.sort((a, b) => a.name.localeCompare(b.name) || a.clientId - b.clientId));
    };
    read();
    aw.on('change', read);
    return () => {
      aw.off('change', read);
    };
  }, [replica, identity]);

  return replica ? others : [];
}
