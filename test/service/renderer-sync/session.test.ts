/**
 * service/renderer-sync/session.ts: a doc the member may not open stays refused. The window's
 * later sync and presence frames for it are not answered with "not open on this connection"
 * (an `error` status that would replace the refusal on the case screen). Real Session, real
 * SyncHub, real frame codec and in-memory transports; only the access decision is this host's.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import * as encoding from 'lib0/encoding';
import { createLogger } from '../../../node/log';
import { NestError } from '../../../shared/errors';
import { FRAME, decodeFrame, encodeFrame, type DocStatus, type Frame } from '../../../shared/protocol/frames';
import { Session, type SessionHost } from '../../../service/renderer-sync/session';
import { SyncHub } from '../../../service/renderer-sync/sync-hub';
import { transportPair } from '../../helpers/transport-pair';
import { waitFor } from '../../helpers/service';

const SECRET = '00000000-0000-4000-8000-000000000001/case/00000000-0000-4000-8000-000000000002';

/** A host that refuses {@link SECRET} like the data service's per-case access check does and routes the rest to a real hub. */
function host(): SessionHost {
  const hub = new SyncHub();
  return {
    logger: createLogger('test', 'silent'),
    call: () => Promise.reject(new NestError('not-found', 'no rpc here')),
    openDoc: (_s, name) => {
      throw new NestError('forbidden', `you may not open ${name} (none)`);
    },
    docFrame: (s, frame: Extract<Frame, { doc: string }>) => {
      const peer = s.peerFor('ws', 'm-ana');
      if (frame.type === FRAME.DOC_SYNC) hub.sync(peer, frame.doc, frame.payload, 'investigator');
      else if (frame.type === FRAME.DOC_CLOSE) hub.close(peer, frame.doc);
    },
    detach: () => undefined,
  };
}

/** A sync step 1 frame, as the renderer's replica sends right after asking to open a doc. */
function step1(doc: string): Uint8Array {
  const e = encoding.createEncoder();
  syncProtocol.writeSyncStep1(e, new Y.Doc());
  return encodeFrame({ type: FRAME.DOC_SYNC, doc, payload: encoding.toUint8Array(e) });
}

describe('Session doc refusals', () => {
  it('keeps a refused doc refused when the window keeps syncing it, until it closes the doc', async () => {
    const [a, b] = transportPair();
    new Session(a, host());
    const statuses: DocStatus[] = [];
    b.onmessage = (bytes) => {
      const f = decodeFrame(bytes);
      if (f.type === FRAME.DOC_STATUS) statuses.push(f.status);
    };
    b.postMessage(encodeFrame({ type: FRAME.DOC_OPEN, doc: SECRET }));
    b.postMessage(step1(SECRET));
    b.postMessage(step1(SECRET));
    await waitFor(() => statuses.length >= 1, 2000, 'the refusal');
    // Let the two sync frames be handled: a status for them would arrive in the same turn.
    await new Promise((r) => setTimeout(r, 20));
    expect(statuses.map((s) => s.state)).toEqual(['refused']);
    expect(statuses[0]!.message).toMatch(/you may not open/);

    // Once closed, the doc is no longer remembered: a stray frame is again a protocol error.
    b.postMessage(encodeFrame({ type: FRAME.DOC_CLOSE, doc: SECRET }));
    b.postMessage(step1(SECRET));
    await waitFor(() => statuses.length >= 2, 2000, 'the error for a stray frame');
    expect(statuses[1]).toMatchObject({ state: 'error', message: expect.stringMatching(/not open on this connection/) });
  });
});
