/**
 * Joining with an invitation (service/members/member-handlers.ts, `workspaces.join`): an
 * invitation for another member of a workspace already on this desktop is refused instead of
 * replacing the local member (an admin pasting the invitation they made would lose admin).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { encodeInvitation } from '../../../service/relay-sync/invitation';
import { startService, type Harness } from '../../helpers/service';
import type { RpcError } from '../../../renderer/src/data/rpc-error';

let h: Harness | null = null;
afterEach(() => {
  h?.close();
  h = null;
});

/** An unsigned member token (the desktop only reads its claims; the relay verifies signatures). */
function token(claims: Record<string, unknown>): string {
  const part = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'EdDSA', typ: 'JWT' })}.${part(claims)}.${Buffer.from('signature-not-checked-here').toString('base64url')}`;
}

describe('workspaces.join', () => {
  it('refuses another member’s invitation for a workspace already here, and keeps the local member', async () => {
    h = startService();
    const c = h.client();
    const me = await c.call('identity.create', { name: 'Ada Admin', agency: 'NEST Secretariat', role: 'admin' });
    const ws = await c.call('workspaces.create', { name: 'Alpha', casePrefix: 'TFA', reportingCurrency: 'USD' });
    const exp = Math.floor(Date.now() / 1000) + 3600;
    const claims = { sub: 'bo-tan', wid: ws.id, name: 'Bo Tan', agency: 'NParks', role: 'investigator', exp };
    const invitation = encodeInvitation({ relay: 'ws://127.0.0.1:9', workspaceId: ws.id, workspaceName: 'Alpha', token: token(claims) });
    const err = await c.call('workspaces.join', { invitation }).then(() => null, (e: unknown) => e as RpcError);
    expect(err?.code).toBe('invalid-params');
    expect(err?.message).toMatch(/already a member of "Alpha".*for Bo Tan/);
    expect(h.service.workspace(ws.id).local()).toMatchObject({ memberId: me.memberId, role: 'admin' });
  });
});
