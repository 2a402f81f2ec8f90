/**
 * The workspace's online tile layer (issue 11 item 8): the template rule (https only, {z}/{x}/{y},
 * one origin), stored in the workspace doc with an audit entry, set only by a workspace admin (the
 * `workspace.settings` action of shared/permissions, checked at dispatch), and the browser host's
 * page CSP widened by exactly that origin while it is on — and narrowed again when it is off.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../node/log';
import { onlineTemplateProblem, onlineTileOrigin, onlineTilesSchema } from '../../../shared/domain/online-tiles';
import { startBrowserHost } from '../../../service/entries/browser-host';
import { RpcError } from '../../../renderer/src/data/rpc-error';
import { startService, type Harness } from '../../helpers/service';
import { tempDir } from '../../helpers/temp-dir';

const OSM = { urlTemplate: 'https://tile.example.org/{z}/{x}/{y}.png', attribution: '© Example contributors' };

let h: Harness | null = null;
afterEach(() => {
  h?.close();
  h = null;
});

async function adminWorkspace() {
  h = startService();
  const c = h.client();
  await c.call('identity.create', { name: 'Ana Lima', agency: 'Federal Police', role: 'admin' });
  const ws = await c.call('workspaces.create', { name: 'NEST Brazil', casePrefix: 'BR', reportingCurrency: 'BRL' });
  return { c, workspaceId: ws.id };
}

describe('online tile templates', () => {
  it('accepts https templates with {z}/{x}/{y} on one origin, and says what is wrong with others', () => {
    expect(onlineTemplateProblem(OSM.urlTemplate)).toBeNull();
    expect(onlineTemplateProblem('https://tiles.example.org:8443/base/{z}/{y}/{x}@2x.jpg?key=abc')).toBeNull();
    expect(onlineTemplateProblem('http://tile.example.org/{z}/{x}/{y}.png')).toBe('must start with https://');
    expect(onlineTemplateProblem('https://tile.example.org/{z}/{x}.png')).toBe('must contain {y}');
    expect(onlineTemplateProblem('https://{s}.tile.example.org/{z}/{x}/{y}.png')).toBe('may contain only the z, x and y placeholders (not {s}): the layer must use exactly one server');
    expect(onlineTemplateProblem('https://user:pw@tile.example.org/{z}/{x}/{y}.png')).toBe('must not contain a user name or password');
    expect(onlineTemplateProblem('javascript:{z}{x}{y}')).toBe('must start with https://');
    // The origin goes into the CSP: no wildcard, CSP syntax, IP or single-label host, no repaired form (tester G-MAP-4).
    for (const bad of ['https://*.example.org/{z}/{x}/{y}.png', "https://tiles.example.org'/{z}/{x}/{y}.png", 'https://127.0.0.1/{z}/{x}/{y}.png', 'https://[::1]/{z}/{x}/{y}.png', 'https://localhost/{z}/{x}/{y}.png', 'https:\\\\tiles.example.org/{z}/{x}/{y}.png', 'https:tiles.example.org/{z}/{x}/{y}.png']) {
      expect([bad, onlineTemplateProblem(bad)]).toEqual([bad, 'must name a host']);
    }
    expect(onlineTemplateProblem('https://TILES.Example.org/{z}/{x}/{y}.png')).toBeNull();
    expect(onlineTemplateProblem('https://xn--80ak6aa92e.com/{z}/{x}/{y}.png')).toBeNull();
    expect(onlineTemplateProblem('{z}/{x}/{y}')).toBe('is not a URL');
    expect(onlineTileOrigin('https://tiles.example.org:8443/base/{z}/{y}/{x}.jpg')).toBe('https://tiles.example.org:8443');
    expect(onlineTilesSchema.safeParse({ ...OSM, attribution: '' }).success).toBe(false);
  });
});

describe('the workspace setting', () => {
  it('is off by default; an admin enables and disables it, each change audited', async () => {
    const { c, workspaceId } = await adminWorkspace();
    expect(await c.call('basemaps.onlineTiles', { workspaceId })).toBeNull();
    await c.call('basemaps.setOnlineTiles', { workspaceId, onlineTiles: OSM });
    expect(await c.call('basemaps.onlineTiles', { workspaceId })).toEqual(OSM);
    const err = await c.call('basemaps.setOnlineTiles', { workspaceId, onlineTiles: { ...OSM, urlTemplate: 'http://tile.example.org/{z}/{x}/{y}.png' } }).then(() => null, (e: unknown) => e);
    expect((err as RpcError).code).toBe('invalid-params');
    expect((err as RpcError).message).toMatch(/must start with https:\/\//);
    expect(await c.call('basemaps.onlineTiles', { workspaceId })).toEqual(OSM); // bad input loses nothing
    await c.call('basemaps.setOnlineTiles', { workspaceId, onlineTiles: null });
    expect(await c.call('basemaps.onlineTiles', { workspaceId })).toBeNull();
    const audit = h!.service.workspace(workspaceId).workspaceDoc().doc.getArray<{ action: string; fields?: string[] }>('audit').toArray();
    expect(audit.filter((a) => a.fields?.includes('onlineTiles')).map((a) => a.action)).toEqual(['workspace.update', 'workspace.update']);
  });

  it('refuses members who are not workspace admins', async () => {
    const { c, workspaceId } = await adminWorkspace();
    const ws = h!.service.workspace(workspaceId);
    ws.store.setLocalSettings({ ...ws.local(), role: 'investigator' });
    const me = ws.workspaceDoc().getMember(ws.local().memberId)!;
    ws.workspaceDoc().upsertMember({ ...me, role: 'investigator' }, { memberId: me.id });
    const err = await c.call('basemaps.setOnlineTiles', { workspaceId, onlineTiles: OSM }).then(() => null, (e: unknown) => e);
    expect((err as RpcError).code).toBe('forbidden');
    expect(await c.call('basemaps.onlineTiles', { workspaceId })).toBeNull();
  });
});

describe('the browser host’s CSP', () => {
  it('widens img-src by exactly the enabled origin, only while it is on', async () => {
    const { c, workspaceId } = await adminWorkspace();
    const rendererDir = tempDir();
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>NEST Desk</title>');
    const host = await startBrowserHost({ service: h!.service, rendererDir, logger: createLogger('test', 'silent') });
    try {
      const imgSrc = async (): Promise<string> => {
        const csp = (await fetch(`${host.origin}/`)).headers.get('content-security-policy') ?? '';
        return csp.split('; ').find((d) => d.startsWith('img-src'))!;
      };
      expect(await imgSrc()).toBe("img-src 'self' data: blob:");
      await c.call('basemaps.setOnlineTiles', { workspaceId, onlineTiles: OSM });
      expect(await imgSrc()).toBe("img-src 'self' data: blob: https://tile.example.org");
      await c.call('basemaps.setOnlineTiles', { workspaceId, onlineTiles: null });
      expect(await imgSrc()).toBe("img-src 'self' data: blob:");
    } finally {
      await host.close();
    }
  });
});
