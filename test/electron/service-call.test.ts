/**
 * Main's own calls to the data service: over a port pair like a window's, a real data service adds
 * a file main passes by path (hash as sha256 gives) and a refused call comes back as a NestError
 * with its code and catalogue id.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceCaller, type CallPort } from '../../electron/main/service-call';
import { DataService } from '../../service/data-service';
import { messagePortTransport } from '../../service/entries/message-port-transport';
import { newCaseFields } from '../../shared/domain/case';
import { tempDir } from '../helpers/temp-dir';

/** Node's MessagePort in the shape of Electron's MessagePortMain (messages as `{ data }`). */
function asMainPort(p: MessagePort): CallPort & { on(event: string, l: (...a: never[]) => void): unknown } {
  return {
    postMessage: (m: unknown) => p.postMessage(m),
    start: () => p.start(),
    close: () => p.close(),
    on: ((event: 'message' | 'close', l: (e?: { data: unknown }) => void) => (event === 'message' ? p.on('message', (data: unknown) => l({ data })) : p.on('close', () => l()))) as CallPort['on'],
  };
}

let service: DataService;
let workspaceId: string;
let caseId: string;
beforeAll(async () => {
  service = DataService.open({ dataDir: tempDir(), mode: 'electron' });
  await service.invoke('identity.create', { name: 'Field Analyst', agency: 'Customs', role: 'investigator' });
  workspaceId = (await service.invoke('workspaces.create', { name: 'TF', casePrefix: 'NEST', reportingCurrency: 'USD' })).id;
  caseId = (await service.invoke('cases.create', { workspaceId, fields: { ...newCaseFields('2026-11-29'), title: 'Ivory' } })).id;
});
afterAll(() => service.close());

/** A caller on a port as main's own (`trusted`) or a window's would be connected. */
function connect(opts: { trusted?: boolean } = { trusted: true }): ReturnType<typeof serviceCaller> {
  const { port1, port2 } = new MessageChannel();
  service.connect(messagePortTransport(asMainPort(port1)), opts);
  return serviceCaller(asMainPort(port2));
}

describe('serviceCaller', () => {
  it('adds a file by path through the data service', async () => {
    const file = path.join(tempDir(), 'scan.pdf');
    const bytes = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(3000, 7)]);
    fs.writeFileSync(file, bytes);
    const caller = connect();
    try {
      const added = await caller.call('files.addFromPath', { workspaceId, caseId, path: file });
      expect(added).toMatchObject({ hash: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, mediaType: 'application/pdf', name: 'scan.pdf' });
    } finally {
      caller.close();
    }
  });

  it('refuses a window’s port that names a path: only main’s own port may', async () => {
    const file = path.join(tempDir(), 'id_ed25519');
    fs.writeFileSync(file, 'a private key the page must not read');
    const window = connect({ trusted: false });
    try {
      await expect(window.call('files.addFromPath', { workspaceId, caseId, path: file })).rejects.toMatchObject({ name: 'NestError', code: 'forbidden', messageRef: { id: 'service.rpc.trusted-only', values: { method: 'files.addFromPath' } } });
      // Nothing was stored: no file of the case has those bytes.
      const hash = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
      expect((await window.call('files.syncStatus', { workspaceId, caseId })).files.map((f) => f.hash)).not.toContain(hash);
    } finally {
      window.close();
    }
  });

  it('rejects with the service error, code and catalogue id kept', async () => {
    const caller = connect();
    try {
      await expect(caller.call('files.addFromPath', { workspaceId, caseId, path: 'relative/x.png' })).rejects.toMatchObject({ name: 'NestError', code: 'validation', messageRef: { id: 'file.not-a-file' } });
    } finally {
      caller.close();
    }
  });
});
