/**
 * Blob sync of the desktop against the real relay process (issue 13): desktop A's file uploads,
 * desktop B downloads it when the case is kept offline (eagerly) or when opened (on demand), and
 * B's copy equals `sha256sum` of the original; an upload cut at 50 % resumes from the relay's
 * `received`; a download whose bytes were tampered with on the relay is refused, reported failed
 * and never stored; a member without access to the case gets 403 and the status says why.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileSyncStatus } from '../../../shared/rpc/files';
import { connect } from '../../relay/helpers';
import { cuttingProxy, customsCase, desktop, listFile, randomFile, relayBlobPath, startWorld, type World } from './support';

let w: World;
beforeAll(async () => {
  w = await startWorld();
}, 120_000);
afterAll(async () => {
  await w?.close();
});

const sha256sum = (file: string): string => execFileSync('sha256sum', [file]).toString().split(' ')[0]!;
const only = (s: FileSyncStatus[]): FileSyncStatus => {
  expect(s).toHaveLength(1);
  return s[0]!;
};

/** Case `caseId` as the second Customs member's desktop holds it (a live client of the relay). */
async function secondCopy(name: string): Promise<ReturnType<typeof connect>> {
  const c = connect(w.relay.url, name, await w.ws.token(w.second));
  w.open.push(c);
  await c.synced;
  return c;
}

describe('desktop blob sync through the relay', { timeout: 120_000 }, () => {
  it('uploads A’s file; B downloads it eagerly when kept offline, else on demand, verified equal to sha256sum', async () => {
    const { caseId, name, c } = await customsCase(w);
    const a = await desktop(w, w.lead, c.doc, caseId);
    const src = await randomFile(3 * 1024 * 1024 + 17, 1);
    const intake = await a.store.intake(fs.createReadStream(src.file));
    expect(intake.hash).toBe(sha256sum(src.file));
    const fileId = await listFile(w, c, name, { hash: intake.hash, size: intake.size });

    await a.sync.scan(caseId);
    expect(only(a.sync.statuses(caseId))).toMatchObject({ fileId, state: 'on-relay', local: true, done: src.size, total: src.size, reason: null });
    expect(sha256sum(relayBlobPath(w.relay, intake.hash))).toBe(src.hash);
    // A's progress went out as events: uploading with growing byte counts, then on the relay.
    const aStates = a.events.flatMap((e) => e.files.map((f) => f.state));
    expect(aStates).toContain('uploading');
    expect(aStates.at(-1)).toBe('on-relay');

    const bDoc = await secondCopy(name);
    const b = await desktop(w, w.second, bDoc.doc, caseId);
    await b.sync.scan(caseId); // not kept offline, not an image: waits on the relay until opened
    expect(only(b.sync.statuses(caseId))).toMatchObject({ state: 'on-relay', local: false });
    expect(b.store.has(intake.hash)).toBe(false);

    b.sync.setKeepOffline(caseId, true);
    expect(b.settings.get('keepOffline')).toEqual([caseId]);
    await b.sync.scan(caseId);
    expect(only(b.sync.statuses(caseId))).toMatchObject({ state: 'verified', local: true, done: src.size });
    expect(sha256sum(b.store.pathOf(intake.hash))).toBe(src.hash);
    expect(b.events.flatMap((e) => e.files.map((f) => f.state))).toContain('downloading');

    // On demand: a third desktop (not kept offline) fetches when the file is opened.
    const c3 = await desktop(w, w.second, bDoc.doc, caseId);
    expect(await c3.sync.fetch(caseId, fileId)).toMatchObject({ fileId, state: 'verified', local: true });
    expect(sha256sum(c3.store.pathOf(intake.hash))).toBe(src.hash);
    await Promise.all([a.sync.stop(), b.sync.stop(), c3.sync.stop()]);
  });

  it('downloads small images eagerly (thumbnails) without "keep offline"', async () => {
    const { caseId, name, c } = await customsCase(w);
    const a = await desktop(w, w.lead, c.doc, caseId);
    const src = await randomFile(200_000, 2);
    const intake = await a.store.intake(fs.createReadStream(src.file));
    await listFile(w, c, name, { hash: intake.hash, size: intake.size, mediaType: 'image/jpeg' });
    await a.sync.scan(caseId);
    const b = await desktop(w, w.second, (await secondCopy(name)).doc, caseId);
    await b.sync.scan(caseId);
    expect(only(b.sync.statuses(caseId)).state).toBe('verified');
    expect(b.store.has(src.hash)).toBe(true);
  });

  it('resumes an upload cut at 50 % from the relay’s received offset and completes with the right hash', async () => {
    const { caseId, name, c } = await customsCase(w);
    const src = await randomFile(4 * 1024 * 1024, 3);
    const proxy = await cuttingProxy(w.relay.port, src.size / 2);
    try {
      const a = await desktop(w, w.lead, c.doc, caseId, { httpBase: proxy.httpBase });
      await a.store.intake(fs.createReadStream(src.file));
      await listFile(w, c, name, { hash: src.hash, size: src.size });
      await a.sync.scan(caseId);
      expect(proxy.cuts).toBe(1);
      // The first PUT started at 0 and was cut; the next one continued where the relay's part ended.
      expect(proxy.putOffsets[0]).toBe(0);
      expect(proxy.putOffsets.length).toBeGreaterThanOrEqual(2);
      const resumedAt = proxy.putOffsets[1]!;
      expect(resumedAt).toBeGreaterThan(src.size * 0.3);
      expect(resumedAt).toBeLessThan(src.size);
      expect(only(a.sync.statuses(caseId))).toMatchObject({ state: 'on-relay', reason: null });
      expect(sha256sum(relayBlobPath(w.relay, src.hash))).toBe(src.hash);
    } finally {
      await proxy.close();
    }
  });

  it('refuses a download whose bytes were tampered with on the relay: reported failed, never stored', async () => {
    const { caseId, name, c } = await customsCase(w);
    const a = await desktop(w, w.lead, c.doc, caseId);
    const src = await randomFile(1024 * 1024, 4);
    await a.store.intake(fs.createReadStream(src.file));
    const fileId = await listFile(w, c, name, { hash: src.hash, size: src.size });
    await a.sync.scan(caseId);
    const onRelay = relayBlobPath(w.relay, src.hash);
    const fd = fs.openSync(onRelay, 'r+');
    fs.writeSync(fd, Buffer.from([0xde, 0xad]), 0, 2, 500_000);
    fs.closeSync(fd);

    const b = await desktop(w, w.second, (await secondCopy(name)).doc, caseId);
    const s = await b.sync.fetch(caseId, fileId);
    expect(s).toMatchObject({ state: 'failed', local: false, reason: { id: 'file.sync.corrupt' } });
    expect(b.store.has(src.hash)).toBe(false);
    expect(b.store.received(src.hash)).toBe(0); // the bad part was dropped too
    expect(b.events.at(-1)?.files[0]).toMatchObject({ fileId, state: 'failed', reason: { id: 'file.sync.corrupt' } });
    // A scan does not try the corrupt file again by itself.
    await b.sync.scan(caseId);
    expect(only(b.sync.statuses(caseId)).reason?.id).toBe('file.sync.corrupt');
  });

  it('a member without access to the case is refused (403) and every file says why', async () => {
    const { caseId, name, c } = await customsCase(w);
    const a = await desktop(w, w.lead, c.doc, caseId);
    const src = await randomFile(10_000, 5);
    await a.store.intake(fs.createReadStream(src.file));
    const fileId = await listFile(w, c, name, { hash: src.hash, size: src.size });
    await a.sync.scan(caseId);
    // The police member's desktop holds a copy of the case's file list (e.g. from before the case
    // was restricted to Customs); the relay decides from the workspace doc it holds.
    const p = await desktop(w, w.police, c.doc, caseId);
    await p.sync.scan(caseId);
    expect(only(p.sync.statuses(caseId))).toMatchObject({ fileId, state: 'failed', reason: { id: 'file.sync.no-case-access' } });
    expect(await p.sync.fetch(caseId, fileId)).toMatchObject({ state: 'failed', reason: { id: 'file.sync.no-case-access' } });
    expect(p.store.has(src.hash)).toBe(false);
    expect(w.relay.stderr().split('\n').some((l) => l.includes('blob request refused') && l.includes(w.police.id) && l.includes('no-case-access'))).toBe(true);
  });
});
