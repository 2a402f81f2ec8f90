/**
 * The RPC methods the "Relay & members" and "Join a workspace" screens use besides the sync
 * flow itself (test/service/sync.test.ts): the operator's registration (read again without
 * reconnecting), reading an invitation before joining, "Retry" for any member, and "Sync now"
 * with the health list (its success path against a real relay: test/service/relay-sync/sync-health.test.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { RpcError } from '../../renderer/src/data/rpc-error';
import { startService, type Harness } from '../helpers/service';

const harnesses: Harness[] = [];
afterEach(() => {
  for (const h of harnesses.splice(0)) h.close();
});

/** A relay address nothing listens on (port 9 on loopback: connections are refused at once). */
const NO_RELAY = 'ws://127.0.0.1:9';

async function adminWorkspace(): Promise<{ h: Harness; c: ReturnType<Harness['client']>; workspaceId: string }> {
  const h = startService({ syncTimings: { roundIntervalMs: 60_000, docTimeoutMs: 1000 } });
  harnesses.push(h);
  const c = h.client();
  await c.call('identity.create', { name: 'Ada Admin', agency: 'NEST Secretariat', role: 'admin' });
  const ws = await c.call('workspaces.create', { name: "Task Force 'Alpha'", casePrefix: 'TFA', reportingCurrency: 'USD' });
  return { h, c, workspaceId: ws.id };
}

describe('relay registration, invitation preview, retry', () => {
  it('returns the same registration as sync.connect, and null before the first connect', async () => {
    const { c, workspaceId } = await adminWorkspace();
    expect(await c.call('sync.registration', { workspaceId })).toBeNull();
    const connected = await c.call('sync.connect', { workspaceId, relayUrl: NO_RELAY });
    expect(connected.registerCommand).toBe(`npm run relay -- add-workspace --id ${workspaceId} --public-key '${connected.publicKeyJwk}' --label 'Task Force Alpha'`);
    expect(await c.call('sync.registration', { workspaceId })).toEqual(connected);
    expect((await c.call('sync.status', { workspaceId })).relayUrl).toBe(NO_RELAY);
  });

  it('reads an invitation without joining, and refuses a damaged one with a clear message', async () => {
    const { c, workspaceId } = await adminWorkspace();
    await c.call('sync.connect', { workspaceId, relayUrl: NO_RELAY });
    const inv = await c.call('invitations.create', { workspaceId, name: 'Bo Tan', agency: 'NParks', role: 'observer', validDays: 30 });
    const preview = await c.call('invitations.inspect', { invitation: `  ${inv.invitation}\n` });
    expect(preview).toEqual({ workspaceId, workspaceName: "Task Force 'Alpha'", relayUrl: NO_RELAY, name: 'Bo Tan', agency: 'NParks', role: 'observer', expiresAt: Math.floor(inv.expiresAt / 1000) * 1000, known: true });

    const other = startService();
    harnesses.push(other);
    const oc = other.client();
    expect((await oc.call('invitations.inspect', { invitation: inv.invitation })).known).toBe(false);
    expect(await oc.call('workspaces.list', {})).toEqual([]); // nothing was joined
    const err = await oc.call('invitations.inspect', { invitation: 'hello there' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RpcError);
    expect((err as RpcError).message).toMatch(/not a NEST Desk invitation/);
    const cut = await oc.call('invitations.inspect', { invitation: inv.invitation.slice(0, 60) }).catch((e: unknown) => e);
    expect((cut as RpcError).message).toMatch(/damaged/);
  });

  it('retries a syncing workspace and refuses one that does not sync', async () => {
    const { c, workspaceId } = await adminWorkspace();
    const err = await c.call('sync.retry', { workspaceId }).catch((e: unknown) => e);
    expect((err as RpcError).message).toMatch(/does not sync through a relay/);
    await c.call('sync.connect', { workspaceId, relayUrl: NO_RELAY });
    await expect(c.call('sync.retry', { workspaceId })).resolves.toEqual({});
    expect((await c.call('sync.status', { workspaceId })).relayUrl).toBe(NO_RELAY);
  });

  it('"sync now" never claims what the relay has not proven: unreachable relay, nothing acknowledged; the health list shows what waits', async () => {
    const h = startService({ syncTimings: { roundIntervalMs: 60_000, docTimeoutMs: 1000, syncNowTimeoutMs: 300 } });
    harnesses.push(h);
    const c = h.client();
    await c.call('identity.create', { name: 'Ada Admin', agency: 'NEST Secretariat', role: 'admin' });
    const { id: workspaceId } = await c.call('workspaces.create', { name: 'Task Force Alpha', casePrefix: 'TFA', reportingCurrency: 'USD' });
    const err = await c.call('sync.now', { workspaceId, docName: null }).catch((e: unknown) => e);
    expect((err as RpcError).message).toMatch(/does not sync through a relay/);
    expect((await c.call('sync.status', { workspaceId })).health).toEqual([]);

    await c.call('sync.connect', { workspaceId, relayUrl: NO_RELAY });
    const result = await c.call('sync.now', { workspaceId, docName: null });
    expect(result.docs).toBeGreaterThan(0);
    expect(result.acked).toBe(0);
    const status = await c.call('sync.status', { workspaceId });
    expect(status.warnAfterMs).toBe(120_000);
    const wsRow = status.health.find((r) => r.doc === `${workspaceId}/workspace`);
    expect(wsRow).toMatchObject({ kind: 'workspace', lastAckAt: null, warning: false, caseId: null });
    expect(wsRow!.waiting.updates).toBeGreaterThan(0); // founding the workspace and signing the key were never acknowledged
    expect(wsRow!.waiting.since).not.toBeNull();
  });
});
