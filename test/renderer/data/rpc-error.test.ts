/** renderer/src/data/rpc-error.ts: a failed call's message is formatted from the service's message id in the renderer's locale. */
import { afterEach, describe, expect, it } from 'vitest';
import { RpcError } from '../../../renderer/src/data/rpc-error';
import { NestError } from '../../../shared/errors';
import { setLocale } from '../../../shared/messages';

afterEach(() => setLocale('en-GB'));

describe('RpcError', () => {
  it('formats the message id with its values, and keeps code, issues, id and values', () => {
    const info = new NestError('not-found', { id: 'record.not-found', values: { kind: 'priceReference', id: 'p1' } }, [{ field: 'id', message: 'gone' }]).toInfo();
    setLocale('de-DE');
    const err = new RpcError(info);
    expect(err.message).toBe('Price reference p1 does not exist');
    expect(err.code).toBe('not-found');
    expect(err.issues).toEqual([{ field: 'id', message: 'gone' }]);
    expect(err.messageId).toBe('record.not-found');
    expect(err.values).toEqual({ kind: 'priceReference', id: 'p1' });
    expect(err.title).toBe('That record does not exist (any more).');
  });

  it('uses the sent text when there is no id (old services, unconverted throw sites)', () => {
    const err = new RpcError({ code: 'internal', message: 'The connection to the data service was lost.' });
    expect(err.message).toBe('The connection to the data service was lost.');
    expect(err.messageId).toBeUndefined();
  });
});
