/**
 * A member's sync client for end-to-end tests, run as its own process (`node --import tsx
 * test/e2e/member-peer.ts …`) because it needs the app's doc helpers, which Playwright's loader
 * cannot import (JSON modules). It speaks y-websocket to the relay with the member's token, as the
 * desktop's sync engine does, and exits 0 when the step went as described, 1 otherwise.
 *
 *   add-delete <relayUrl> <docName> <token> <stateFile> <count>
 *     adds <count> seizures (stored: a second connection reads them back), then deletes them all in
 *     one transaction and waits for the relay's refusal (close 4409); saves the local state.
 *   resend <relayUrl> <docName> <token> <stateFile>
 *     re-sends the saved state (what "Sync now" does) and waits until the relay holds no seizure.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { webSocketWithToken } from '../../relay/client';
import { CaseDoc } from '../../shared/docs/case-doc';
import { newSeizureFields } from '../../shared/domain/seizure';

const [step, relayUrl, docName, token, stateFile, count] = process.argv.slice(2) as [string, string, string, string, string, string?];

function open(doc = new Y.Doc()): { doc: Y.Doc; provider: WebsocketProvider; closes: number[] } {
  const provider = new WebsocketProvider(relayUrl, docName, doc, { WebSocketPolyfill: webSocketWithToken(token), disableBc: true, maxBackoffTime: 500 });
  const closes: number[] = [];
  provider.on('connection-close', (e) => {
    if (e) closes.push(e.code);
  });
  return { doc, provider, closes };
}

async function until(cond: () => boolean, what: string, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits until a fresh connection reads `n` seizures back from the relay. */
async function relayHolds(n: number): Promise<void> {
  const check = open();
  try {
    await until(() => check.provider.synced && new CaseDoc(check.doc).seizureCount() === n, `the relay to hold ${n} seizures`);
  } finally {
    check.provider.destroy();
  }
}

async function main(): Promise<void> {
  if (step === 'add-delete') {
    const n = Number(count);
    const m = open();
    await until(() => m.provider.synced, 'the first sync');
    const view = new CaseDoc(m.doc);
    const by = { memberId: JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')).sub as string };
    const ids = Array.from({ length: n }, () => randomUUID());
    m.doc.transact(() => ids.forEach((id, i) => view.addSeizure(id, { ...newSeizureFields('2026-10-14'), country: 'MG', commodity: 'Rosewood (Dalbergia)', place: `Toamasina quay ${i + 1}` }, by)));
    await relayHolds(n);
    m.doc.transact(() => ids.forEach((id) => view.deleteSeizure(id, by)));
    await until(() => m.closes.includes(4409), 'the relay’s refusal (4409)');
    fs.writeFileSync(stateFile, Y.encodeStateAsUpdate(m.doc));
    m.provider.destroy();
  } else if (step === 'resend') {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, fs.readFileSync(stateFile));
    const m = open(doc);
    await until(() => m.provider.synced, 'the re-send');
    await relayHolds(0);
    if (m.closes.includes(4409)) throw new Error('the re-send was refused');
    m.provider.destroy();
  } else {
    throw new Error(`unknown step ${step}`);
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
