/**
 * The browser-mode host: it serves the app with security headers, refuses path traversal, and
 * accepts a WebSocket only with the right token AND its own Origin.
 */
import fs from 'node:fs';
import http from 'node:http';
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
function tryConnect(opts: { token?: string; origin?: string; path?: string; host?: string }): Promise<{ status: number; ws?: WebSocket }> {
  const protocols = ['nest-desk.v1', ...(opts.token !== undefined ? [`nest-token.${opts.token}`] : [])];
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}${opts.path ?? '/rpc'}`, protocols, { origin: opts.origin ?? host.origin, ...(opts.host ? { headers: { host: opts.host } } : {}) });
    ws.on('open', () => resolve({ status: 101, ws }));
    ws.on('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0 }));
    ws.on('error', () => resolve({ status: -1 }));
  });
}

/** GETs `path` from the host with the given Host header; resolves to status and body. */
function getWithHost(hostHeader: string, urlPath = '/'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port: host.port, path: urlPath, headers: { host: hostHeader } }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
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

  it('answers only to its own host name: a DNS-rebound name is refused for pages and WebSockets', async () => {
    expect(await getWithHost(`127.0.0.1:${host.port}`)).toMatchObject({ status: 200 });
    const rebound = await getWithHost(`attacker.example:${host.port}`);
    expect(rebound.status).toBe(421);
    expect(rebound.body).toBe(`open http://127.0.0.1:${host.port}/ (this server answers only to that address)`);
    expect((await getWithHost(`localhost:${host.port}`)).status).toBe(421);
    expect((await getWithHost('127.0.0.1')).status).toBe(421);
    expect((await tryConnect({ token: host.token, host: `attacker.example:${host.port}` })).status).toBe(421);
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
  it('is fresh at every launch by default, never stored, and removes a token an earlier launch kept', async () => {
    const { browserToken } = await import('../../../service/entries/browser-token');
    const dir = tempDir();
    const kept = browserToken(dir, { keep: true });
    expect(fs.existsSync(path.join(dir, 'browser-mode.token'))).toBe(true);
    const a = browserToken(dir);
    const b = browserToken(dir);
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Set([kept, a, b]).size).toBe(3);
    expect(fs.existsSync(path.join(dir, 'browser-mode.token'))).toBe(false);
    expect(fs.readdirSync(dir).join('\n')).not.toContain(a);
  });

  it('with keep: kept in the data folder across launches, owner-readable only, and renewed on request', async () => {
    const { browserToken } = await import('../../../service/entries/browser-token');
    const dir = tempDir();
    const first = browserToken(dir, { keep: true });
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(browserToken(dir, { keep: true })).toBe(first);
    expect(fs.statSync(path.join(dir, 'browser-mode.token')).mode & 0o777).toBe(0o600);
    const renewed = browserToken(dir, { keep: true, renew: true });
    expect(renewed).not.toBe(first);
    expect(browserToken(dir, { keep: true })).toBe(renewed);
    fs.writeFileSync(path.join(dir, 'browser-mode.token'), 'tampered');
    const replaced = browserToken(dir, { keep: true });
    expect(replaced).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(fs.readFileSync(path.join(dir, 'browser-mode.token'), 'utf8')).toBe(replaced);
  });
});
