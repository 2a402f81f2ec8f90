/**
 * The browser-mode host: it serves the app with security headers, refuses path traversal, and
 * accepts a WebSocket only with the right token AND its own Origin.
 */
import fs from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../../service/entries/browser-host';
import { createLogger } from '../../../node/log';
import { DataService } from '../../../service/data-service';
import { FRAME, decodeFrame, encodeFrame } from '../../../shared/protocol/frames';
import { tempDir } from '../../helpers/temp-dir';

let host: BrowserHost;
let service: DataService;

beforeAll(async () => {
  const rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>NEST Desk</title>');
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'export {}');
  fs.writeFileSync(path.join(path.dirname(rendererDir), 'secret.txt'), 'secret');
  service = DataService.open({ dataDir: tempDir(), mode: 'browser' });
  host = await startBrowserHost({ service, rendererDir, logger: createLogger('test', 'silent') });
});
afterAll(async () => {
  await host.close();
  service.close();
});

/** Tries a WebSocket upgrade; resolves to the HTTP status (101 when accepted). */
function tryConnect(opts: { token?: string; origin?: string; path?: string }): Promise<{ status: number; ws?: WebSocket }> {
  const protocols = ['nest-desk.v1', ...(opts.token !== undefined ? [`nest-token.${opts.token}`] : [])];
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}${opts.path ?? '/rpc'}`, protocols, { origin: opts.origin ?? host.origin });
    ws.on('open', () => resolve({ status: 101, ws }));
    ws.on('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0 }));
    ws.on('error', () => resolve({ status: -1 }));
  });
}

describe('browser-mode host', () => {
  it('binds to 127.0.0.1 and prints a URL with the token in the fragment', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`);
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('serves the app with a strict CSP and refuses path traversal', async () => {
    const res = await fetch(`${host.origin}/`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`ws://127.0.0.1:${host.port}`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await (await fetch(`${host.origin}/assets/app.js`)).text()).toBe('export {}');
    const traversal = await fetch(`${host.origin}/..%2fsecret.txt`);
    expect(await traversal.text()).not.toContain('secret');
    expect((await fetch(`${host.origin}/`, { method: 'POST' })).status).toBe(405);
  });

  it('refuses a missing token, a wrong token, a foreign Origin and other paths', async () => {
    expect((await tryConnect({})).status).toBe(401);
    expect((await tryConnect({ token: 'x'.repeat(43) })).status).toBe(401);
    expect((await tryConnect({ token: host.token.slice(0, -1) })).status).toBe(401);
    expect((await tryConnect({ token: host.token, origin: 'http://evil.example' })).status).toBe(403);
    expect((await tryConnect({ token: host.token, origin: `http://localhost:${host.port}` })).status).toBe(403);
    expect((await tryConnect({ token: host.token, path: '/other' })).status).toBe(404);
    expect(service.sessionCount()).toBe(0);
  });

  it('accepts the right token from its own origin and answers RPC', async () => {
    const { status, ws } = await tryConnect({ token: host.token });
    expect(status).toBe(101);
    expect(ws!.protocol).toBe('nest-desk.v1');
    const answer = new Promise<unknown>((resolve) => ws!.on('message', (d: Buffer) => resolve(decodeFrame(new Uint8Array(d)))));
    ws!.send(encodeFrame({ type: FRAME.RPC_REQUEST, id: 7, method: 'app.info', params: {} }));
    expect(await answer).toMatchObject({ type: FRAME.RPC_RESPONSE, id: 7, ok: true, body: { mode: 'browser' } });
    ws!.close();
  });
});

describe('browser-mode token', () => {
  it('is kept in the data folder across launches, owner-readable only, and renewed on request', async () => {
    const { browserToken } = await import('../../../service/entries/browser-token');
    const dir = tempDir();
    const first = browserToken(dir);
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(browserToken(dir)).toBe(first);
    expect(fs.statSync(path.join(dir, 'browser-mode.token')).mode & 0o777).toBe(0o600);
    const renewed = browserToken(dir, true);
    expect(renewed).not.toBe(first);
    expect(browserToken(dir)).toBe(renewed);
    fs.writeFileSync(path.join(dir, 'browser-mode.token'), 'tampered');
    expect(browserToken(dir)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
