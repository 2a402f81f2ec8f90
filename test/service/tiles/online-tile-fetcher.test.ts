/**
 * The data service's online tile fetcher (service/tiles/online-tile-fetcher.ts), against a real
 * local HTTP server on 127.0.0.1 (reachable only under the explicit test flag): a tile comes back
 * with its bytes and a type proven by them, sent with no cookie or Referer; a disabled layer, a
 * template that fails the rule (loopback without the flag, an IP host), an oversize answer
 * (declared or streamed), a non-image, a redirect (not followed), a 404 and a server that never
 * answers are refused with their status and reason. The name → public address check is run on real
 * resolutions.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchOnlineTile, isPublicAddress, parseOnlineTilePath, publicOnlyLookup } from '../../../service/tiles/online-tile-fetcher';

const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.from('tile')]);
let server: http.Server;
let origin: string;
const seen: { url: string; headers: http.IncomingHttpHeaders }[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    const route = (req.url ?? '').split('/')[1];
    if (route === 'ok') return res.writeHead(200, { 'content-type': 'image/png', 'set-cookie': 'track=1' }).end(Buffer.concat([PNG, Buffer.from(req.url ?? '')]));
    if (route === 'big') return res.writeHead(200, { 'content-type': 'image/png', 'content-length': String(2 * 1024 * 1024) }).end(Buffer.alloc(2 * 1024 * 1024));
    if (route === 'stream') {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.write(PNG);
      return res.end(Buffer.alloc(64 * 1024));
    }
    if (route === 'html') return res.writeHead(200, { 'content-type': 'image/png' }).end('<html><script>alert(1)</script></html>');
    if (route === 'redirect') return res.writeHead(302, { location: `${origin}/ok/redirected` }).end();
    if (route === 'missing') return res.writeHead(404).end();
    if (route === 'slow') return; // never answers
    res.writeHead(500).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

const layer = (route: string): { urlTemplate: string; attribution: string } => ({ urlTemplate: `${origin}/${route}/{z}/{x}/{y}.png`, attribution: 'Test tiles' });
const TEST = { allowLoopbackForTests: true };
const C = { z: 3, x: 4, y: 2 };

describe('fetchOnlineTile', () => {
  it('fetches the tile of the admin’s template, typed by its bytes, without cookie or Referer', async () => {
    const a = await fetchOnlineTile(layer('ok'), C, TEST);
    expect(a.status).toBe(200);
    expect(a.headers['content-type']).toBe('image/png');
    expect(a.headers['set-cookie']).toBeUndefined();
    expect(a.body!.subarray(PNG.length).toString()).toBe('/ok/3/4/2.png');
    const req = seen.find((s) => s.url === '/ok/3/4/2.png')!;
    expect(req.headers.cookie).toBeUndefined();
    expect(req.headers.referer).toBeUndefined();
    expect(req.headers.accept).toBe('image/png,image/jpeg,image/webp');
  });

  it('refuses when the layer is off, and a template the rule refuses (loopback without the test flag, an IP host)', async () => {
    const before = seen.length;
    expect(await fetchOnlineTile(null, C, TEST)).toMatchObject({ status: 403, body: null, reason: 'the workspace has no online tile layer enabled' });
    expect(await fetchOnlineTile(layer('ok'), C)).toMatchObject({ status: 403, reason: 'the template must start with https://' });
    expect(await fetchOnlineTile({ urlTemplate: 'https://10.0.0.1/{z}/{x}/{y}.png', attribution: 'x' }, C, TEST)).toMatchObject({ status: 403, reason: 'the template must name a host' });
    expect(seen.length).toBe(before);
  });

  it('refuses an oversize tile, declared or streamed', async () => {
    expect(await fetchOnlineTile(layer('big'), C, TEST)).toMatchObject({ status: 502, body: null, reason: `the tile is ${2 * 1024 * 1024} bytes, more than ${1024 * 1024}` });
    expect(await fetchOnlineTile(layer('stream'), C, { ...TEST, maxBytes: 32 * 1024 })).toMatchObject({ status: 502, reason: `the tile is more than ${32 * 1024} bytes` });
  });

  it('refuses an answer that is not an image by its bytes, whatever its content-type says', async () => {
    expect(await fetchOnlineTile(layer('html'), C, TEST)).toMatchObject({ status: 502, body: null, reason: 'the answer is not a PNG, JPEG or WebP image (content-type image/png)' });
  });

  it('follows no redirect, passes a 404 on, and gives up on a server that does not answer', async () => {
    expect(await fetchOnlineTile(layer('redirect'), C, TEST)).toMatchObject({ status: 502, reason: 'the tile server answered 302 (redirects are not followed)' });
    expect(seen.some((s) => s.url === '/ok/redirected')).toBe(false);
    expect(await fetchOnlineTile(layer('missing'), C, TEST)).toMatchObject({ status: 404 });
    expect(await fetchOnlineTile(layer('slow'), C, { ...TEST, timeoutMs: 300 })).toMatchObject({ status: 504, reason: 'no complete answer within 300 ms' });
  });
});

describe('public addresses only', () => {
  it('tells public from loopback, private, link-local, shared and mapped addresses', () => {
    for (const a of ['1.1.1.1', '151.101.1.1', '2a04:4e42::347']) expect(isPublicAddress(a)).toBe(true);
    for (const a of ['127.0.0.1', '10.1.2.3', '172.16.0.9', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', 'not-an-ip']) expect(isPublicAddress(a)).toBe(false);
  });

  it('fails the lookup of a name that resolves to loopback', async () => {
    const err = await new Promise<NodeJS.ErrnoException | null>((r) => publicOnlyLookup('localhost', {}, (e) => r(e)));
    expect(err?.code).toBe('ENOTPUBLIC');
    expect(err?.message).toBe('localhost resolves to a non-public address');
  });
});

describe('parseOnlineTilePath', () => {
  it('parses /online/<workspace>/<z>/<x>/<y> and refuses anything else', () => {
    const ws = '0b8f3c7e-2a51-4c43-9d7a-1f0e6b3c2d10';
    expect(parseOnlineTilePath(`/online/${ws}/3/4/2`)).toEqual({ workspaceId: ws, z: 3, x: 4, y: 2 });
    for (const p of [`/online/${ws}/3/8/2`, `/online/${ws}/25/0/0`, `/online/${ws}/3/4/2.png`, `/online/../3/4/2`, `/online/${ws}/3/4`, '/tiles/x/3/4/2.png']) expect(parseOnlineTilePath(p)).toBeNull();
  });
});
