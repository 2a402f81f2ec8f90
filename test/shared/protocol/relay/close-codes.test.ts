/**
 * shared/protocol/relay/close-codes.ts: the close codes are fixed on the wire, every reason maps to
 * one of them, and the client stops retrying exactly on the access refusals.
 */
import { describe, expect, it } from 'vitest';
import { CLOSE, CLOSE_REASONS, closeRefusesAccess } from '../../../../shared/protocol/relay/close-codes';

describe('close codes', () => {
  it('keep their numbers (y-websocket stops retrying on 4400-4499)', () => {
    expect(CLOSE).toEqual({ GOING_AWAY: 1001, TOO_BIG: 1009, INTERNAL_ERROR: 1011, TRY_AGAIN_LATER: 1013, BAD_MESSAGE: 4400, UNAUTHORIZED: 4401, FORBIDDEN: 4403, REFUSED: 4409 });
  });

  it('give every reason a code of the table, as stable kebab-case codes', () => {
    const codes = new Set<number>(Object.values(CLOSE));
    for (const [reason, code] of Object.entries(CLOSE_REASONS)) {
      expect(reason).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(codes.has(code)).toBe(true);
    }
    expect(CLOSE_REASONS['awareness-too-large']).toBe(4400);
    expect(CLOSE_REASONS['token-expired']).toBe(4401);
    expect(CLOSE_REASONS['slow-consumer']).toBe(1013);
    expect([CLOSE_REASONS['append-only'], CLOSE_REASONS['record-removal-denied'], CLOSE_REASONS['mass-deletion']]).toEqual([4409, 4409, 4409]);
  });

  it('closeRefusesAccess: 4401 and 4403 only', () => {
    expect([1001, 1009, 1011, 1013, 4400, 4401, 4403, 4409].filter(closeRefusesAccess)).toEqual([4401, 4403]);
  });
});
