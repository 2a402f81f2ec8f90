/**
 * shared/errors.ts: a NestError built from a catalogue reference has its English text as message
 * and carries the id and values across RPC (ErrorInfo), where errorText formats them again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { errorText, NestError, toErrorInfo } from '../../shared/errors';
import { setLocale } from '../../shared/messages';

afterEach(() => setLocale('en-GB'));

describe('NestError with a message id', () => {
  it('formats the English text and carries id and values in its ErrorInfo', () => {
    const err = new NestError('validation', { id: 'case.too-many-seizures', values: { max: 20_000, total: 20_001 } });
    expect(err.message).toBe('A case holds at most 20,000 seizures; this would make 20,001. Split the data into several cases (e.g. by year or route).');
    expect(err.messageRef).toEqual({ id: 'case.too-many-seizures', values: { max: 20_000, total: 20_001 } });
    expect(toErrorInfo(err)).toEqual({ code: 'validation', message: err.message, messageId: 'case.too-many-seizures', values: { max: 20_000, total: 20_001 } });
  });

  it('keeps field issues and works without values', () => {
    const info = new NestError('invalid-params', { id: 'auth.key-not-json' }, [{ field: 'key', message: 'x' }]).toInfo();
    expect(info).toEqual({ code: 'invalid-params', message: 'the key is not valid JSON', messageId: 'auth.key-not-json', issues: [{ field: 'key', message: 'x' }] });
  });

  it('still accepts a finished sentence (throw sites not converted yet) and the code default', () => {
    expect(new NestError('internal', 'boom').toInfo()).toEqual({ code: 'internal', message: 'boom' });
    expect(new NestError('read-only').toInfo()).toEqual({ code: 'read-only', message: 'You have read-only access here.' });
  });

  it('throws when a value the message needs is missing (a programming error)', () => {
    expect(() => new NestError('not-found', { id: 'record.not-found', values: { kind: 'seizure' } })).toThrow();
  });
});

describe('errorText', () => {
  it('formats the id in the receiver’s locale, falling back to the sender’s text', () => {
    const info = new NestError('validation', { id: 'case.too-many-seizures', values: { max: 20_000, total: 20_001 } }).toInfo();
    setLocale('fr-FR');
    expect(errorText(info)).toBe('A case holds at most 20\u202f000 seizures; this would make 20\u202f001. Split the data into several cases (e.g. by year or route).');
    expect(errorText({ message: 'sent text', messageId: 'no.such-id' as never })).toBe('sent text');
    expect(errorText({ message: 'sent text', messageId: 'record.not-found', values: {} })).toBe('sent text');
    expect(errorText({ message: 'plain' })).toBe('plain');
  });
});
