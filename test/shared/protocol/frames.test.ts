/**
 * Wire frames: every type round-trips; malformed input gives a clear NestError, never a crash.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FRAME, MAX_FRAME_BYTES, decodeFrame, encodeFrame, type Frame } from '../../../shared/protocol/frames';
import { NestError } from '../../../shared/errors';

const samples: Frame[] = [
  { type: FRAME.DOC_SYNC, doc: 'w/case/c', payload: new Uint8Array([0, 1, 2]) },
  { type: FRAME.DOC_AWARENESS, doc: 'w/workspace', payload: new Uint8Array([9]) },
  { type: FRAME.DOC_OPEN, doc: 'w/workspace' },
  { type: FRAME.DOC_CLOSE, doc: 'w/workspace' },
  { type: FRAME.DOC_STATUS, doc: 'w/workspace', status: { state: 'read-only', message: 'no' } },
  { type: FRAME.RPC_REQUEST, id: 42, method: 'cases.list', params: { workspaceId: 'x', text: 'pangolin' } },
  { type: FRAME.RPC_RESPONSE, id: 42, ok: false, body: { code: 'validation', message: 'bad' } },
  { type: FRAME.EVENT, name: 'projection.changed', payload: { workspaceId: 'w', caseIds: ['c'] } },
];

describe('frames', () => {
  it('round-trip every frame type', () => {
    for (const f of samples) expect(decodeFrame(encodeFrame(f))).toEqual(f);
  });

  it('reject unknown types, truncation, trailing bytes and bad JSON with bad-frame', () => {
    const cases: [Uint8Array, RegExp][] = [
      [new Uint8Array([99]), /unknown frame type 99/],
      [encodeFrame(samples[5]!).slice(0, 5), /malformed frame/],
      [new Uint8Array([...encodeFrame(samples[2]!), 7]), /trailing bytes/],
      [new Uint8Array([FRAME.RPC_REQUEST, 1, 1, 0x61, 2, 0x7b, 0x7b]), /malformed frame/],
      [new Uint8Array([]), /malformed frame/],
    ];
    for (const [bytes, msg] of cases) {
      let err: unknown;
      try {
        decodeFrame(bytes);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(NestError);
      expect((err as NestError).code).toBe('bad-frame');
      expect((err as NestError).message).toMatch(msg);
    }
  });

  it('refuse frames above the size limit before decoding', () => {
    expect(() => decodeFrame(new Uint8Array(MAX_FRAME_BYTES + 1))).toThrow(/exceeds/);
  });

  it('never throw anything but NestError on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        try {
          decodeFrame(bytes);
        } catch (e) {
          return e instanceof NestError;
        }
        return true;
      }),
      { numRuns: 2000 },
    );
  });
});
