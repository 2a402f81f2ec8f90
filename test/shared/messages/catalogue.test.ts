/** The message catalogue: every pattern is valid ICU, plurals are right, every error code has its sentence. */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { afterEach, describe, expect, it } from 'vitest';
import { ERROR_CODES, NestError, userMessage } from '../../../shared/errors';
import { en, isMessageId, setLocale, t, type MessageId } from '../../../shared/messages';

afterEach(() => setLocale('en-GB'));

function plurals(els: MessageFormatElement[]): MessageFormatElement[] {
  return els.flatMap((e) => (e.type === TYPE.plural || e.type === TYPE.select ? [e, ...Object.values(e.options).flatMap((o) => plurals(o.value))] : []));
}

describe('catalogue', () => {
  it('parses every pattern, and every plural or select has an "other" branch', () => {
    for (const [id, pattern] of Object.entries(en)) {
      const ast = parse(pattern, { ignoreTag: true });
      for (const p of plurals(ast)) expect(Object.keys((p as { options: object }).options), id).toContain('other');
    }
  });

  it('has a sentence for every error code, and NestError defaults to it', () => {
    for (const code of ERROR_CODES) {
      const id = `error.${code}`;
      expect(isMessageId(id), id).toBe(true);
      expect(userMessage(code)).toBe(en[id as MessageId]);
    }
    expect(new NestError('read-only').message).toBe('You have read-only access here.');
    expect(userMessage('no-such-code' as never)).toBe('Something went wrong inside NEST Desk.');
  });

  it('formats plurals and numbers in the locale', () => {
    expect(isMessageId('nope.nothing')).toBe(false);
    expect(t('count.seizures', { count: 1 })).toBe('1 seizure');
    expect(t('count.seizures', { count: 0 })).toBe('0 seizures');
    expect(t('count.seizures', { count: 12345 })).toBe('12,345 seizures');
    setLocale('fr-FR');
    // No French catalogue yet: English text, French number grouping (narrow no-break space).
    expect(t('count.seizures', { count: 12345 })).toBe('12\u202f345 seizures');
  });
});
