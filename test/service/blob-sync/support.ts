/**
 * Support for blob sync tests against the real relay process: a workspace registered on a spawned
 * relay with two Customs investigators and a Police one, cases whose docs list files, "desktops"
 * (a WorkspaceBlobSync over their own FsBlobStore and the case doc as the relay holds it), files
 * of pseudo-random bytes, and a TCP proxy that cuts the first upload after a number of bytes.
 */
import crypto, { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type * as Y from 'yjs';
import { FsBlobStore } from '../../../node/blobs/fs-blob-store';
import { createLogger } from '../../../node/log';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { CaseFiles } from '../../../shared/docs/case-files';
import { caseDocName } from '../../../shared/docs/names';
import { WorkspaceDoc } from '../../../shared/docs/workspace-doc';
import type { FilesStatusEvent } from '../../../shared/rpc/files';
import { WorkspaceBlobSync } from '../../../service/blob-sync/workspace-blob-sync';
import { connect, makeWorkspace, member, readBack, registerWorkspace, setUpWorkspaceDoc, spawnRelay, type RelayProcess, type TestClient, type TestMember, type TestWorkspace } from '../../relay/helpers';
import { tempDir } from '../../helpers/temp-dir';

/** A relay with a workspace, its admin's workspace doc client and three members. */
export interface World {
  relay: RelayProcess;
  ws: TestWorkspace;
  admin: TestClient;
  lead: TestMember;
  second: TestMember;
  police: TestMember;
  open: TestClient[];
  close(): Promise<void>;
}

/** Spawns a relay and sets up a workspace on it. */
export async function startWorld(): Promise<World> {
  const relay = await spawnRelay();
  const ws = await makeWorkspace();
  await registerWorkspace(relay, ws);
  const lead = member('investigator', 'Customs');
  const second = member('investigator', 'Customs');
  const police = member('investigator', 'Police');
  const admin = await setUpWorkspaceDoc(relay.url, ws, [lead, second, police]);
  const open = [admin];
  return {
    relay,
    ws,
    admin,
    lead,
    second,
    police,
    open,
    async close() {
      for (const c of open) c.destroy();
      await relay.stop();
    },
  };
}

/** A Customs-only case written by `lead`; returns its id, doc name and lead's live client. */
export async function customsCase(w: World): Promise<{ caseId: string; name: string; c: TestClient }> {
  const caseId = randomUUID();
  new WorkspaceDoc(w.admin.doc).upsertCase({ id: caseId, number: 'NEST-2026-0013', title: 'Pangolin scales', status: 'open', sector: 'wildlife', tlp: 'AMBER', createdBy: w.ws.admin.id, createdAt: 1, access: { agencies: ['Customs'] } }, { memberId: w.ws.admin.id });
  const name = caseDocName(w.ws.id, caseId);
  const c = connect(w.relay.url, name, await w.ws.token(w.lead));
  w.open.push(c);
  await c.synced;
  new CaseDoc(c.doc).init(caseId, 'NEST-2026-0013', { title: 'Pangolin scales', status: 'open', sector: 'wildlife', tlp: 'AMBER', jurisdictions: ['NG'], leadAgency: 'Customs', openedOn: '2026-03-01' } as never, { memberId: w.lead.id });
  return { caseId, name, c };
}

/** Lists a stored blob in the case doc and waits until the relay holds the record. */
export async function listFile(w: World, c: TestClient, name: string, f: { hash: string; size: number; mediaType?: string }): Promise<string> {
  const id = randomUUID();
  new CaseFiles(c.doc).add(id, { hash: f.hash, size: f.size, mediaType: f.mediaType ?? 'application/octet-stream', name: 'scan.bin' }, { memberId: w.lead.id });
  await readBack(w.relay.url, name, await w.ws.token(w.lead), (d) => new CaseFiles(d).get(id) !== null);
  return id;
}

/** A desktop: its blob store, its blob sync and every `files.status` event it pushed. */
export interface Desktop {
  store: FsBlobStore;
  sync: WorkspaceBlobSync;
  events: FilesStatusEvent[];
  settings: Map<string, unknown>;
}

/** A desktop of `m` whose copy of case `caseId` is `doc`, talking to the relay at `httpBase`. */
export async function desktop(w: World, m: TestMember, doc: Y.Doc, caseId: string, opts: { httpBase?: string; chunkBytes?: number } = {}): Promise<Desktop> {
  const store = new FsBlobStore(tempDir('nest-desk-blobs-'), { maxBytes: 2 * 1024 ** 3 });
  const token = await w.ws.token(m);
  const events: FilesStatusEvent[] = [];
  const settings = new Map<string, unknown>();
  const sync = new WorkspaceBlobSync({
    workspaceId: w.ws.id,
    store,
    caseFiles: (id) => (id === caseId ? new CaseFiles(doc).all() : []),
    docName: (id) => caseDocName(w.ws.id, id),
    settings: { getSetting: <T>(k: string, fb: T): T => (settings.has(k) ? (settings.get(k) as T) : fb), setSetting: (k, v) => void settings.set(k, v) },
    relay: () => ({ httpBase: opts.httpBase ?? w.relay.httpUrl, token }),
    emit: (e) => events.push(e),
    logger: createLogger('blob-sync-test', 'silent'),
    queue: { backoffMs: 50, attempts: 6 },
    chunkBytes: opts.chunkBytes,
  });
  return { store, sync, events, settings };
}

/** Writes `size` pseudo-random bytes (AES-CTR keystream of `seed`: fast, not compressible) to a new file. */
export async function randomFile(size: number, seed: number): Promise<{ file: string; hash: string; size: number }> {
  const file = path.join(tempDir('nest-blob-src-'), `f-${seed}.bin`);
  const key = crypto.createHash('sha256').update(`seed ${seed}`).digest().subarray(0, 16);
  const cipher = crypto.createCipheriv('aes-128-ctr', key, Buffer.alloc(16));
  const zeros = Buffer.alloc(1024 * 1024);
  let left = size;
  const source = Readable.from(
    (function* () {
      while (left > 0) {
        const n = Math.min(left, zeros.length);
        left -= n;
        yield cipher.update(zeros.subarray(0, n));
      }
    })(),
  );
  const hasher = crypto.createHash('sha256');
  source.on('data', (c: Buffer) => hasher.update(c));
  await pipeline(source, fs.createWriteStream(file));
  return { file, hash: hasher.digest('hex'), size };
}

/** A TCP proxy to `target` port that destroys the first connection whose request is a PUT once `cutAfter` bytes went through it. */
export async function cuttingProxy(targetPort: number, cutAfter: number): Promise<{ httpBase: string; putOffsets: number[]; cuts: number; close(): Promise<void> }> {
  const state = { cuts: 0, putOffsets: [] as number[] };
  let armed = true;
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    let seen = 0;
    let isPut: boolean | null = null;
    client.on('data', (chunk: Buffer) => {
      if (isPut === null) {
        const head = chunk.subarray(0, 300).toString('latin1');
        isPut = head.startsWith('PUT ');
        const m = /[?&]offset=(\d+)/.exec(head);
        if (isPut && m) state.putOffsets.push(Number(m[1]));
      }
      seen += chunk.length;
      if (isPut && armed && seen > cutAfter) {
        armed = false;
        state.cuts++;
        upstream.destroy();
        client.destroy();
        return;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (c) => client.write(c));
    upstream.on('end', () => client.end());
    client.on('end', () => upstream.end());
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as net.AddressInfo).port;
  return {
    httpBase: `http://127.0.0.1:${port}`,
    putOffsets: state.putOffsets,
    get cuts() {
      return state.cuts;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** The path of blob `hash` in the relay's store. */
export function relayBlobPath(relay: RelayProcess, hash: string): string {
  return path.join(relay.dataDir, 'blobs', 'sha256', hash.slice(0, 2), hash.slice(2));
}
