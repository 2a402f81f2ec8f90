/**
 * The packs RPC and browser mode's pack routes, end to end over a real data service and a real
 * browser host: `packs.export` stages a pack of the demo case with progress events; the page's
 * browser downloads it from the single-use URL `packs.downloadTicket` gives (an attachment under
 * the pack's name; refused without a ticket, with a used one, and for a pack this member did not
 * stage); `packs.verify` of the uploaded pack says VERIFIED under this workspace's key; one
 * flipped byte of one file makes it fail and name that file. The path-taking forms
 * (`packs.exportToFile`, `packs.verifyFile`) are refused on a window's session before anything is
 * written or read, and work on main's trusted session.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../node/log';
import { startBrowserHost, type BrowserHost } from '../../../service/entries/browser-host';
import { PACK_TICKET_TTL_MS, type PacksProgress } from '../../../shared/rpc/packs';
import { startService, type Harness } from '../../helpers/service';
import { tempDir } from '../../helpers/temp-dir';
import { readZip, writeZip } from '../../node/packs/pack-support';
import { sentence } from '../../../renderer/src/packs/pack-sentences';
import { packCountsText } from '../../../shared/packs/pack-counts';
import { t } from '../../../shared/messages';

let h: Harness;
let host: BrowserHost;
beforeAll(async () => {
  h = startService();
  const rendererDir = tempDir('nest-renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>NEST</title>');
  host = await startBrowserHost({ service: h.service, rendererDir, logger: createLogger('test', 'silent') });
});
afterAll(async () => {
  await host?.close();
  h?.close();
});

const upload = async (bytes: Buffer): Promise<string> => {
  const res = await fetch(`${host.origin}/packs/upload`, { method: 'POST', headers: { authorization: `Bearer ${host.token}`, origin: host.origin, 'content-type': 'application/zip' }, body: bytes });
  expect(res.status).toBe(200);
  return ((await res.json()) as { stagedId: string }).stagedId;
};

describe('packs RPC in browser mode', () => {
  it('exports, downloads, verifies, and names the file a flipped byte changed', async () => {
    const c = h.client();
    await c.call('identity.create', { name: 'Bo Tan', agency: 'National Parks Board', role: 'investigator' });
    const demo = await c.call('workspaces.openDemo', {});
    const [first] = await c.call('cases.list', { workspaceId: demo.id });
    const progress: PacksProgress[] = [];
    const off = c.on('packs.progress', (p) => progress.push(p));
    const r = await c.call('packs.export', { workspaceId: demo.id, caseId: first!.id, handlingConfirmed: true });
    off();
    expect(r.path).toBeNull();
    expect(r.fileName).toMatch(new RegExp(`^${first!.number}-pack-TLP-[A-Z-]+\\.zip$`));
    expect(r.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(r.notStamped).toEqual([]); // the case has no attached PDF; production-not-stamped.test.ts covers an unreadable one
    expect(r.provenance).toEqual({ status: 'unavailable', reason: 'not-synced' });
    expect(progress.filter((p) => p.phase === 'write').at(-1)).toMatchObject({ filesDone: r.counts.files, totalFiles: r.counts.files });
    expect(progress.at(-1)).toMatchObject({ phase: 'complete', done: 1, total: 1 });

    // The page's browser downloads it through a single-use ticket, never with the session token.
    expect((await fetch(`${host.origin}/packs/download/${r.stagedId}`, { headers: { authorization: `Bearer ${host.token}` } })).status).toBe(403);
    const { url, expiresAt } = await c.call('packs.downloadTicket', { workspaceId: demo.id, stagedId: r.stagedId! });
    expect(url).toMatch(new RegExp(`^/packs/download/${r.stagedId}\\?t=[A-Za-z0-9_-]{43}$`));
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(PACK_TICKET_TTL_MS);
    const res = await fetch(`${host.origin}${url}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${r.fileName}"; filename*=UTF-8''${r.fileName}`);
    expect(res.headers.get('content-type')).toBe('application/zip');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.length).toBe(r.counts.zipBytes);
    expect((await fetch(`${host.origin}${url}`)).status).toBe(403); // used once
    const forged = url.replace(/t=.*/, `t=${'A'.repeat(43)}`);
    const second = await c.call('packs.downloadTicket', { workspaceId: demo.id, stagedId: r.stagedId! });
    expect((await fetch(`${host.origin}${forged}`)).status).toBe(403); // a guessed ticket is refused…
    expect((await fetch(`${host.origin}${second.url}`)).status).toBe(403); // …and burns the real one: no guessing in a loop

    const good = await c.call('packs.verify', { workspaceId: demo.id, stagedId: await upload(bytes) });
    expect(good).toMatchObject({ ok: true, intact: true, trusted: true, problems: [], verdict: { id: 'pack.verify.ok' }, signer: { name: 'Bo Tan' } });
    // The export and the verifier count the same pack the same way, in the same words (issue 11:
    // "9 files, 68,333 bytes" beside verify's "9 files (80,470 bytes)" for an 11-entry ZIP).
    expect(r.counts.entries).toBe(r.counts.files + 2); // + manifest.json and manifest.sig
    expect(r.counts.fileBytes).toBeGreaterThan(r.counts.zipBytes); // the data files compress
    expect(good.verdict.values).toMatchObject({ entries: r.counts.entries, zipBytes: r.counts.zipBytes, files: r.counts.files, fileBytes: r.counts.fileBytes });
    const words = packCountsText(r.counts);
    expect(words).toBe(`${r.counts.entries} files in the pack (${r.counts.zipBytes.toLocaleString('en-GB')} bytes); ${r.counts.files} files (${r.counts.fileBytes.toLocaleString('en-GB')} bytes uncompressed) covered by the signed manifest`);
    expect(sentence(good.verdict)).toContain(words);
    expect(t('ui.packs.export.done-detail', { counts: words, fingerprint: r.fingerprint })).toContain(words);

    // Tamper: one byte of data/seizures.csv, re-zipped as someone would.
    const dir = tempDir('nest-tamper-');
    fs.writeFileSync(path.join(dir, 'p.zip'), bytes);
    const entries = await readZip(path.join(dir, 'p.zip'));
    const csv = entries.find(([n]) => n === 'data/seizures.csv')![1];
    csv[csv.length - 3] ^= 0x01;
    await writeZip(path.join(dir, 't.zip'), entries);
    const bad = await c.call('packs.verify', { workspaceId: demo.id, stagedId: await upload(fs.readFileSync(path.join(dir, 't.zip'))) });
    expect(bad.ok).toBe(false);
    expect(bad.verdict.id).toBe('pack.verify.failed');
    expect(bad.problems).toEqual([{ id: 'pack.problem.changed', values: expect.objectContaining({ path: 'data/seizures.csv' }) }]);

    // An uploaded pack is no member's export: no ticket for it.
    await expect(c.call('packs.downloadTicket', { workspaceId: demo.id, stagedId: await upload(bytes) })).rejects.toMatchObject({ code: 'forbidden', messageId: 'pack.download.not-yours' });

    // A window never names a path: the path forms are refused before anything is written or read.
    const out = path.join(tempDir('nest-forged-'), 'anywhere.zip');
    await expect(c.call('packs.exportToFile', { workspaceId: demo.id, caseId: first!.id, handlingConfirmed: true, outFile: out })).rejects.toMatchObject({ code: 'forbidden', messageId: 'service.rpc.trusted-only' });
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(path.dirname(out))).toEqual([]);
    const onDisk = path.join(dir, 'p.zip');
    await expect(c.call('packs.verifyFile', { workspaceId: demo.id, path: onDisk })).rejects.toMatchObject({ code: 'forbidden', messageId: 'service.rpc.trusted-only' });
    // A path param smuggled into the window forms is not a path form: it is dropped, the call fails for want of a staged id.
    await expect(c.call('packs.verify', { workspaceId: demo.id, path: onDisk } as never)).rejects.toMatchObject({ code: 'invalid-params' });
    // Electron main's trusted session may (after its native dialog).
    const main = h.mainClient();
    expect(await main.call('packs.verifyFile', { workspaceId: demo.id, path: onDisk })).toMatchObject({ ok: true, verdict: { id: 'pack.verify.ok', values: { file: 'p.zip' } } });
  }, 120_000);
});
