/**
 * RPC dispatch: the one door of every call. Unknown methods and bad params are refused before any
 * handler runs; a handler gets the context's interfaces (here, the clock) and never the service.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { NestError } from '../../../shared/errors';
import { startService, type Harness } from '../../helpers/service';

let h: Harness | null = null;
afterEach(() => {
  h?.close();
  h = null;
});

async function refusal(p: Promise<unknown>): Promise<NestError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(NestError);
  return err as NestError;
}

describe('dispatch', () => {
  it('refuses an unknown method and invalid params with stable codes', async () => {
    h = startService();
    const unknown = await refusal(h.service.call('cases.drop', {}, null));
    expect(unknown.code).toBe('unknown-method');
    expect(unknown.message).toContain('cases.drop');
    const bad = await refusal(h.service.call('cases.list', { workspaceId: 42 }, null));
    expect(bad.code).toBe('invalid-params');
    expect(bad.message).toMatch(/^cases\.list: /);
  });

  it("hands handlers the context's clock: invitations expire from its now", async () => {
    const now = Date.UTC(2031, 4, 2, 9);
    h = startService({ clock: { now: () => now, today: () => '2031-05-02' } });
    await h.service.invoke('identity.create', { name: 'Ana Lima', agency: 'Federal Police', role: 'investigator' });
    const ws = await h.service.invoke('workspaces.create', { name: 'TF', casePrefix: 'NEST', reportingCurrency: 'USD' });
    await h.service.invoke('sync.connect', { workspaceId: ws.id, relayUrl: 'ws://127.0.0.1:9' });
    const inv = await h.service.invoke('invitations.create', { workspaceId: ws.id, name: 'Bo', agency: 'Customs', role: 'investigator', validDays: 3 });
    expect(inv.expiresAt).toBe(now + 3 * 86_400_000);
    await h.service.invoke('sync.disconnect', { workspaceId: ws.id });
  });
});
