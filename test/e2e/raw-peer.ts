/**
 * A raw replica for end-to-end tests: a second "window" that speaks the renderer ↔ data-service
 * protocol (docs/protocol.md) directly over the browser-mode WebSocket, from Node, with its own
 * Y.Doc and no CaseDoc helpers in between. It writes into a doc exactly what a buggy or hostile
 * peer could (e.g. `null` appended to a case's `audit` array), which the app's own UI never does.
 *
 * Connects like a page (the host's Origin, the token as the `nest-token.` subprotocol), opens the
 * doc, syncs (y-protocols step 1 / step 2), applies `edit` in one transaction, sends the update and
 * waits for an RPC answer on the same connection: frames are handled in order, so once the answer
 * arrives the service has applied (and stored, and fanned out) the update.
 */
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { FRAME, decodeFrame, encodeFrame, type Frame } from '../../shared/protocol/frames';

const REMOTE = Symbol('remote');

/** The case doc name (`<workspaceId>/case/<caseId>`) of a page showing a case (`#/w/<ws>/c/<case>…`). */
export function caseDocNameOf(pageUrl: string): string {
  const m = /#\/w\/([^/]+)\/c\/([^/]+)/.exec(pageUrl);
  if (!m) throw new Error(`not a case address: ${pageUrl}`);
  return `${decodeURIComponent(m[1]!)}/case/${decodeURIComponent(m[2]!)}`;
}

/**
 * Opens `docName` on the host of `hostUrl` (the `http://127.0.0.1:PORT/#token=…` address), applies
 * `edit` to a synced replica and returns once the data service has it.
 * @throws Error when the connection is refused, the doc is refused or nothing answers within 20 s.
 */
export async function editAsRawPeer(hostUrl: string, docName: string, edit: (doc: Y.Doc) => void): Promise<void> {
  const url = new URL(hostUrl);
  const token = /token=([A-Za-z0-9_-]+)/.exec(url.hash)?.[1];
  if (!token) throw new Error(`no token in ${hostUrl}`);
  const ws = new WebSocket(`ws://${url.host}/rpc`, ['nest-desk.v1', `nest-token.${token}`], { origin: url.origin });
  ws.binaryType = 'nodebuffer';
  const doc = new Y.Doc();
  const send = (f: Frame): void => ws.send(encodeFrame(f));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the raw peer got no answer for ${docName} within 20 s`)), 20_000);
      let synced = false;
      const fail = (e: Error): void => {
        clearTimeout(timer);
        reject(e);
      };
      ws.on('error', fail);
      ws.on('unexpected-response', (_req, res) => fail(new Error(`the host refused the raw peer: HTTP ${res.statusCode}`)));
      ws.on('open', () => {
        send({ type: FRAME.DOC_OPEN, doc: docName });
        const enc = encoding.createEncoder();
        syncProtocol.writeSyncStep1(enc, doc);
        send({ type: FRAME.DOC_SYNC, doc: docName, payload: encoding.toUint8Array(enc) });
      });
      ws.on('message', (data: Buffer) => {
        const f = decodeFrame(new Uint8Array(data));
        if (f.type === FRAME.DOC_STATUS && f.doc === docName && (f.status.state === 'refused' || f.status.state === 'error' || f.status.state === 'read-only')) {
          fail(new Error(`the data service answered ${f.status.state} for ${docName}: ${f.status.message ?? ''}`));
        } else if (f.type === FRAME.DOC_SYNC && f.doc === docName) {
          const enc = encoding.createEncoder();
          const type = syncProtocol.readSyncMessage(decoding.createDecoder(f.payload), enc, doc, REMOTE);
          if (encoding.length(enc) > 0) send({ type: FRAME.DOC_SYNC, doc: docName, payload: encoding.toUint8Array(enc) });
          if (type === syncProtocol.messageYjsSyncStep2 && !synced) {
            synced = true;
            doc.on('update', (update: Uint8Array, origin: unknown) => {
              if (origin === REMOTE) return;
              const e = encoding.createEncoder();
              syncProtocol.writeUpdate(e, update);
              send({ type: FRAME.DOC_SYNC, doc: docName, payload: encoding.toUint8Array(e) });
            });
            doc.transact(() => edit(doc), 'raw-peer');
            // A round trip on the same connection: answered only after the update above was handled.
            send({ type: FRAME.RPC_REQUEST, id: 1, method: 'app.info', params: {} });
          }
        } else if (f.type === FRAME.RPC_RESPONSE && f.id === 1) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
  } finally {
    ws.close();
    doc.destroy();
  }
}
