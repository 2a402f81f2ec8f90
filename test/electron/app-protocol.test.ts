/**
 * The app:// protocol: which file each URL maps to, that nothing outside dist/renderer can be
 * reached (.., encoded .., backslashes, NUL, symlinks, foreign hosts), and that every response,
 * refusals included, carries the CSP and security headers.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler, planAppRequest } from '../../electron/main/app-protocol';
import { APP_INDEX_URL, isAppUrl } from '../../electron/main/app-url';
import { contentSecurityPolicy } from '../../node/web/csp';

let base: string;
let root: string;

beforeAll(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'nest-app-protocol-'));
  root = path.join(base, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>NEST Desk</title>');
  fs.writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  fs.writeFileSync(path.join(root, 'assets', 'style.css'), 'body{}');
  fs.writeFileSync(path.join(root, 'assets', 'a b.json'), '{}');
  fs.writeFileSync(path.join(base, 'secret.txt'), 'case data');
  fs.symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
});

afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

describe('app URLs', () => {
  it('recognises only app://nest/', () => {
    expect(isAppUrl(APP_INDEX_URL)).toBe(true);
    expect(isAppUrl('app://nest/assets/x.js?v=1#top')).toBe(true);
    for (const u of ['app://nest.evil/', 'app://evil/nest/', 'app://nest:8080/', 'app://user@nest/', 'https://nest/', 'file:///etc/passwd', 'nest', '', null]) expect(isAppUrl(u)).toBe(false);
  });

  it('registers the scheme as standard and secure, without CORS, CSP bypass or service workers', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } });
  });
});

describe('planAppRequest', () => {
  const plan = (url: string, method = 'GET') => planAppRequest(root, method, url);

  it('serves index.html for / and for client-side routes without an extension', () => {
    expect(plan('app://nest/').file).toBe(path.join(root, 'index.html'));
    expect(plan('app://nest').file).toBe(path.join(root, 'index.html'));
    expect(plan('app://nest/cases/123').file).toBe(path.join(root, 'index.html'));
    expect(plan('app://nest/index.html').headers['Content-Type']).toBe('text/html; charset=utf-8');
  });

  it('serves assets with their types, decoding percent escapes', () => {
    const js = plan('app://nest/assets/index-abc.js?v=2');
    expect(js).toMatchObject({ status: 200, file: path.join(root, 'assets', 'index-abc.js') });
    expect(js.headers['Content-Type']).toBe('text/javascript; charset=utf-8');
    expect(plan('app://nest/assets/style.css').headers['Content-Type']).toBe('text/css; charset=utf-8');
    expect(plan('app://nest/assets/a%20b.json').file).toBe(path.join(root, 'assets', 'a b.json'));
  });

  it('answers 404 for a missing file with an extension', () => {
    expect(plan('app://nest/assets/missing.js')).toMatchObject({ status: 404, reason: 'no such file' });
  });

  it('never leaves the renderer folder', () => {
    for (const u of ['app://nest/../secret.txt', 'app://nest/%2e%2e/secret.txt', 'app://nest/assets/%2e%2e%2f%2e%2e%2fsecret.txt', 'app://nest/..%5c..%5csecret.txt', 'app://nest/%2e%2e%5csecret.txt']) {
      const p = plan(u);
      expect(p.file === undefined || p.file.startsWith(root + path.sep), u).toBe(true);
      expect(p.file ?? '', u).not.toContain('secret');
    }
    expect(plan('app://nest/assets/link.txt')).toMatchObject({ status: 403, reason: 'path escapes the app folder through a link' });
  });

  it('refuses malformed paths, foreign hosts and other methods', () => {
    expect(plan('app://nest/%E0%A4%A')).toMatchObject({ status: 400, reason: 'malformed percent-encoding in the path' });
    expect(plan('app://nest/a%00.js')).toMatchObject({ status: 400, reason: 'NUL byte in the path' });
    expect(plan('app://other/index.html')).toMatchObject({ status: 403 });
    const post = plan('app://nest/index.html', 'POST');
    expect(post).toMatchObject({ status: 405 });
    expect(post.headers.Allow).toBe('GET, HEAD');
  });

  it('puts the CSP (connect only to self) and the security headers on every answer', () => {
    for (const p of [plan('app://nest/'), plan('app://nest/assets/missing.js'), plan('app://nest/../x'), plan('app://nest/', 'PUT')]) {
      expect(p.headers['Content-Security-Policy']).toBe(contentSecurityPolicy());
      expect(p.headers['Content-Security-Policy']).toContain("connect-src 'self';");
      expect(p.headers['Content-Security-Policy']).toContain("script-src 'self';");
      expect(p.headers['Content-Security-Policy']).toContain("default-src 'none'");
      expect(p.headers['X-Content-Type-Options']).toBe('nosniff');
      expect(p.headers['Cross-Origin-Opener-Policy']).toBe('same-origin');
      expect(p.headers['Referrer-Policy']).toBe('no-referrer');
    }
  });
});

describe('createAppProtocolHandler', () => {
  it('answers with the file, its type and the CSP', async () => {
    const refused: unknown[] = [];
    const handle = createAppProtocolHandler(root, (r) => refused.push(r));
    const res = await handle(new Request('app://nest/assets/index-abc.js'));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('console.log(1)');
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('content-length')).toBe('14');
    expect(res.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
    expect(refused).toEqual([]);
  });

  it('answers refusals with their status and the CSP, and reports them', async () => {
    const refused: { status: number; reason: string }[] = [];
    const handle = createAppProtocolHandler(root, (r) => refused.push(r));
    const res = await handle(new Request('app://nest/assets/link.txt'));
    expect(res.status).toBe(403);
    expect(await res.text()).toBe('403');
    expect(res.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
    expect(refused).toEqual([expect.objectContaining({ status: 403, reason: 'path escapes the app folder through a link' })]);
  });

  it('answers HEAD without a body', async () => {
    const res = await createAppProtocolHandler(root)(new Request('app://nest/index.html', { method: 'HEAD' }));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  });
});
