/**
 * Issue 13 through the real relay process: the custody log cannot be truncated (4409, the relay
 * keeps every entry), and the blob endpoint — upload, an upload cut at 50 % resumed, download
 * verified (whole and by range), a member without access to the case refused with the log saying
 * why, a hash the case does not reference refused, a corrupted upload refused.
 */
import crypto, { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseDoc } from '../../shared/docs/case-doc';
import { CaseCustody } from '../../shared/docs/case-custody';
import { CaseExhibits } from '../../shared/docs/case-exhibits';
import { CaseFiles } from '../../shared/docs/case-files';
import { caseDocName } from '../../shared/docs/names';
import { WorkspaceDoc } from '../../shared/docs/workspace-doc';
import { newExhibitFields } from '../../shared/domain/exhibit';
import { CLOSE, authorizationHeader } from '../../shared/protocol/relay';
import { blobUrl, BLOBS_HAS_PATH } from '../../shared/protocol/relay/blobs';
import { connect, makeWorkspace, member, readBack, registerWorkspace, setUpWorkspaceDoc, spawnRelay, waitFor, type RelayProcess, type TestClient, type TestWorkspace } from './helpers';

let relay: RelayProcess;
let ws: TestWorkspace;
let admin: TestClient;
const lead = member('investigator', 'Customs');
const police = member('investigator', 'Police');
const open: TestClient[] = [];

beforeAll(async () => {
  relay = await spawnRelay();
  ws = await makeWorkspace();
  await registerWorkspace(relay, ws);
  admin = await setUpWorkspaceDoc(relay.url, ws, [lead, police]);
  open.push(admin);
}, 120_000);
afterAll(async () => {
  for (const c of open) c.destroy();
  await relay?.stop();
});

function bytes(n: number, seed: number): Buffer {
  const b = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    b[i] = x >> 16;
  }
  return b;
}
const sha = (b: Buffer): string => crypto.createHash('sha256').update(b).digest('hex');

/** A case indexed for Customs only, written by `lead`, listing a file per given buffer. */
async function caseWithFiles(files: Buffer[]): Promise<{ name: string; c: TestClient }> {
  const caseId = randomUUID();
  new WorkspaceDoc(admin.doc).upsertCase({ id: caseId, number: 'NEST-2026-0013', title: 'Pangolin scales', status: 'open', sector: 'wildlife', tlp: 'AMBER', createdBy: ws.admin.id, createdAt: 1, access: { agencies: ['Customs'] } }, { memberId: ws.admin.id });
  const name = caseDocName(ws.id, caseId);
  const c = connect(relay.url, name, await ws.token(lead));
  open.push(c);
  await c.synced;
  const w = { memberId: lead.id };
  new CaseDoc(c.doc).init(caseId, 'NEST-2026-0013', { title: 'Pangolin scales', status: 'open', sector: 'wildlife', tlp: 'AMBER', jurisdictions: ['NG'], leadAgency: 'Customs', openedOn: '2026-03-01' } as never, w);
  for (const f of files) new CaseFiles(c.doc).add(randomUUID(), { hash: sha(f), size: f.length, mediaType: 'application/octet-stream', name: 'scan.bin' }, w);
  await readBack(relay.url, name, await ws.token(lead), (d) => new CaseFiles(d).list().length === files.length);
  return { name, c };
}

async function req(method: string, path: string, token: string, body?: Buffer | string, headers: Record<string, string> = {}): Promise<{ status: number; body: Buffer }> {
  const res = await fetch(`${relay.httpUrl}${path}`, { method, headers: { authorization: authorizationHeader(token), ...headers }, body });
  return { status: res.status, body: Buffer.from(await res.arrayBuffer()) };
}
const json = (b: Buffer): unknown => JSON.parse(b.toString('utf8'));

describe('custody log through the relay', { timeout: 60_000 }, () => {
  it('refuses an update that deletes a custody entry (4409) and keeps the entry', async () => {
    const { name, c } = await caseWithFiles([]);
    const w = { memberId: lead.id };
    const ex = new CaseExhibits(c.doc);
    const exhibitId = randomUUID();
    ex.add(exhibitId, { ...newExhibitFields(), description: 'Bag of scales' }, w);
    const custody = new CaseCustody(c.doc);
    const fields = { exhibitId, place: 'Apapa', purpose: 'to store', sealIntact: true, newSealNumber: '', condition: 'sealed', corrects: null };
    custody.record(randomUUID(), { ...fields, releasedBy: 'Officer Ade', receivedBy: 'Store Obi', at: 1_780_000_000_000 }, w, () => true);
    custody.record(randomUUID(), { ...fields, releasedBy: 'Store Obi', receivedBy: 'Lab Eze', at: 1_780_000_100_000 }, w, () => true);
    await readBack(relay.url, name, await ws.token(lead), (d) => new CaseCustody(d).entries().length === 2);
    c.doc.getArray('custody').delete(0, 1);
    await waitFor(() => c.closeCodes.includes(CLOSE.REFUSED), 'the refusal (4409)');
    await waitFor(() => /"reason":"append-only"/.test(relay.stderr()), 'the refusal to be logged');
    const back = await readBack(relay.url, name, await ws.token(ws.admin), (d) => new CaseCustody(d).entries().length === 2);
    expect(new CaseCustody(back).entries().map((e) => e.receivedBy)).toEqual(['Store Obi', 'Lab Eze']);
  });
});

describe('blob endpoint', { timeout: 60_000 }, () => {
  it('upload cut at 50 % resumes and completes; download is verified, whole and by range; has reports both', async () => {
    const data = bytes(300_000, 5);
    const hash = sha(data);
    const { name } = await caseWithFiles([data]);
    const token = await ws.token(lead);
    let r = await req('POST', `${BLOBS_HAS_PATH}?doc=${encodeURIComponent(name)}`, token, JSON.stringify({ hashes: [hash] }));
    expect([r.status, json(r.body)]).toEqual([200, { have: [], received: {} }]);
    r = await req('PUT', blobUrl(hash, name, { offset: 0, total: data.length }), token, data.subarray(0, 150_000));
    expect([r.status, json(r.body)]).toEqual([200, { received: 150_000, complete: false }]);
    r = await req('POST', `${BLOBS_HAS_PATH}?doc=${encodeURIComponent(name)}`, token, JSON.stringify({ hashes: [hash] }));
    expect(json(r.body)).toEqual({ have: [], received: { [hash]: 150_000 } });
    r = await req('PUT', blobUrl(hash, name, { offset: 0, total: data.length }), token, data);
    expect([r.status, json(r.body)]).toEqual([409, { error: 'bad-range', received: 150_000 }]);
    r = await req('PUT', blobUrl(hash, name, { offset: 150_000, total: data.length }), token, data.subarray(150_000));
    expect([r.status, json(r.body)]).toEqual([200, { received: 300_000, complete: true }]);
    const got = await req('GET', blobUrl(hash, name), token);
    expect(got.status).toBe(200);
    expect(sha(got.body)).toBe(hash);
    const part = await req('GET', blobUrl(hash, name), token, undefined, { range: 'bytes=1000-1999' });
    expect(part.status).toBe(206);
    expect(part.body.equals(data.subarray(1000, 2000))).toBe(true);
    r = await req('POST', `${BLOBS_HAS_PATH}?doc=${encodeURIComponent(name)}`, token, JSON.stringify({ hashes: [hash] }));
    expect(json(r.body)).toEqual({ have: [hash], received: {} });
  });

  it('refuses a member without access to the case (403, logged with the reason), and a bad token (401)', async () => {
    const data = bytes(1000, 6);
    const hash = sha(data);
    const { name } = await caseWithFiles([data]);
    await req('PUT', blobUrl(hash, name, { offset: 0, total: data.length }), await ws.token(lead), data);
    const r = await req('GET', blobUrl(hash, name), await ws.token(police));
    expect([r.status, json(r.body)]).toEqual([403, { error: 'forbidden', reason: 'no-case-access' }]);
    const up = await req('PUT', blobUrl(hash, name, { offset: 0, total: data.length }), await ws.token(police), data);
    expect(up.status).toBe(403);
    await waitFor(() => relay.stderr().split('\n').some((l) => l.includes('blob request refused') && l.includes(police.id) && l.includes('no-case-access')), 'the refusal in the log');
    expect((await req('GET', blobUrl(hash, name), 'not-a-token')).status).toBe(401);
  });

  it('refuses a hash the case does not reference, even one stored for another case', async () => {
    const data = bytes(2000, 7);
    const hash = sha(data);
    const a = await caseWithFiles([data]);
    const b = await caseWithFiles([bytes(10, 8)]);
    const token = await ws.token(lead);
    expect((await req('PUT', blobUrl(hash, a.name, { offset: 0, total: data.length }), token, data)).status).toBe(200);
    const r = await req('GET', blobUrl(hash, b.name), token);
    expect([r.status, json(r.body)]).toEqual([403, { error: 'forbidden', reason: 'not-referenced' }]);
    expect((await req('PUT', blobUrl(hash, b.name, { offset: 0, total: data.length }), token, data)).status).toBe(403);
    expect((await req('POST', `${BLOBS_HAS_PATH}?doc=${encodeURIComponent(b.name)}`, token, JSON.stringify({ hashes: [hash] }))).status).toBe(403);
  });

  it('refuses a corrupted upload (422) and keeps nothing of it', async () => {
    const data = bytes(50_000, 9);
    const hash = sha(data);
    const { name } = await caseWithFiles([data]);
    const token = await ws.token(lead);
    const bad = Buffer.from(data);
    bad[25_000] = bad[25_000]! ^ 0x55;
    const r = await req('PUT', blobUrl(hash, name, { offset: 0, total: data.length }), token, bad);
    expect([r.status, json(r.body)]).toEqual([422, { error: 'hash-mismatch' }]);
    expect((await req('GET', blobUrl(hash, name), token)).status).toBe(404);
    const has = await req('POST', `${BLOBS_HAS_PATH}?doc=${encodeURIComponent(name)}`, token, JSON.stringify({ hashes: [hash] }));
    expect(json(has.body)).toEqual({ have: [], received: {} });
  });
});
