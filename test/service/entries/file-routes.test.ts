/**
 * The browser-mode host's file routes: an upload with the token is added to the case with the
 * hash `sha256sum` would give and its bytes come back with the sniffed media type and `nosniff`;
 * no token → 401, a hash the case does not list → 404, a body past the limit → 413 with nothing
 * kept; the app's CSP allows frames only from `blob:` URLs.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../../service/entries/browser-host';
import { createLogger } from '../../../node/log';
import { DataService } from '../../../service/data-service';
import { newCaseFields } from '../../../shared/domain/case';
import { tempDir } from '../../helpers/temp-dir';

let host: BrowserHost;
let service: DataService;
let base: string;
const LIMIT = 64 * 1024;
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 20_000 }, (_, i) => (i * 7) % 253)]);

beforeAll(async () => {
  const rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>NEST Desk</title>');
  service = DataService.open({ dataDir: tempDir(), mode: 'browser' });
  await service.invoke('identity.create', { name: 'Field Analyst', agency: 'Customs', role: 'investigator' });
  const ws = await service.invoke('workspaces.create', { name: 'Task Force Alpha', casePrefix: 'NEST', reportingCurrency: 'USD' });
  const c = await service.invoke('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-11-29'), title: 'Ivory' } });
  host = await startBrowserHost({ service, rendererDir, logger: createLogger('test', 'silent'), maxFileBytes: LIMIT });
  base = `${host.origin}/files/${ws.id}/${c.id}`;
});
afterAll(async () => {
  await host.close();
  service.close();
});

const auth = (): Record<string, string> => ({ Authorization: `Bearer ${host.token}` });

describe('file routes of the browser host', () => {
  it('adds an uploaded file to the case and serves its bytes with the recorded type and nosniff', async () => {
    const res = await fetch(`${base}?name=${encodeURIComponent('seal photo.png')}`, { method: 'POST', headers: auth(), body: PNG });
    expect(res.status).toBe(200);
    const file = (await res.json()) as { hash: string; size: number; mediaType: string; name: string };
    const expected = createHash('sha256').update(PNG).digest('hex');
    expect(file).toMatchObject({ hash: expected, size: PNG.length, mediaType: 'image/png', name: 'seal photo.png' });

    const got = await fetch(`${base}/${expected}`, { headers: auth() });
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(got.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(got.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''seal%20photo.png");
    expect(Buffer.from(await got.arrayBuffer()).equals(PNG)).toBe(true);
    expect(fs.readdirSync(path.join(service.dataDir, 'uploads'))).toEqual([]);
  });

  it('refuses without the token, for a hash the case does not list, and for another path', async () => {
    const hash = createHash('sha256').update(PNG).digest('hex');
    expect((await fetch(`${base}/${hash}`)).status).toBe(401);
    expect((await fetch(`${base}/${hash}`, { headers: { Authorization: 'Bearer nope' } })).status).toBe(401);
    expect((await fetch(`${base}`, { method: 'POST', body: PNG })).status).toBe(401);
    expect((await fetch(`${base}/${'0'.repeat(64)}`, { headers: auth() })).status).toBe(404);
    expect((await fetch(`${host.origin}/files/x/y`, { headers: auth() })).status).toBe(404);
    expect((await fetch(`${base}/${hash}`, { method: 'DELETE', headers: auth() })).status).toBe(405);
  });

  it('refuses a file past the limit with 413 and keeps nothing', async () => {
    const big = Buffer.alloc(LIMIT + 1, 1);
    const res = await fetch(`${base}?name=big.bin`, { method: 'POST', headers: auth(), body: big });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { messageId: string; values: { max: number } } }).error).toMatchObject({ messageId: 'file.too-large', values: { max: LIMIT } });
    // A streamed body without a length is cut off while it arrives.
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < 3; i++) c.enqueue(new Uint8Array(LIMIT / 2));
        c.close();
      },
    });
    const streamed = await fetch(`${base}?name=big.bin`, { method: 'POST', headers: auth(), body: stream, duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(fs.readdirSync(path.join(service.dataDir, 'uploads'))).toEqual([]);
  });

  it('sends the app with a CSP that frames only blob: URLs and loads nothing remote', async () => {
    const csp = (await fetch(`${host.origin}/`)).headers.get('content-security-policy')!;
    expect(csp).toContain('frame-src blob:');
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("img-src 'self' data: blob:");
    expect(csp).not.toMatch(/\*|https?:\/\/(?!127\.0\.0\.1)/);
  });
});
