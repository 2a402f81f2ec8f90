/**
 * Issue 13: the chain of custody cannot be edited or truncated through any RPC. Custody entries
 * are written only by the case doc's append-only view (shared/docs/case-custody.ts, tested in
 * test/shared/docs/case-evidence.test.ts) and the relay refuses a deletion (test/relay/relay-evidence.test.ts);
 * this guards the third door: no RPC method names custody entries or takes a custody entry's id.
 */
import { describe, expect, it } from 'vitest';
import { rpcContract } from '../../../shared/rpc/contract';

describe('the RPC contract and the custody log', () => {
  it('has no method that names custody, and none whose parameters take an entry id or a correction', () => {
    const methods = Object.keys(rpcContract);
    expect(methods.length).toBeGreaterThan(20);
    expect(methods.filter((m) => /custody/i.test(m))).toEqual([]);
    const takesEntry = methods.filter((m) => {
      const shape = (rpcContract[m as keyof typeof rpcContract].params as { shape?: Record<string, unknown> }).shape ?? {};
      return Object.keys(shape).some((k) => /^(entryId|custodyId|corrects)$/i.test(k));
    });
    expect(takesEntry).toEqual([]);
  });
});
