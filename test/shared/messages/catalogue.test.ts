/** The message catalogue: every pattern is valid ICU, plurals are right, every error code has its sentence. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { afterEach, describe, expect, it } from 'vitest';
import { ERROR_CODES, NestError, userMessage } from '../../../shared/errors';
import { en, isMessageId, quoteValue, setLocale, t, type MessageId } from '../../../shared/messages';

afterEach(() => setLocale('en-GB'));

function plurals(els: MessageFormatElement[]): MessageFormatElement[] {
  return els.flatMap((e) => (e.type === TYPE.plural || e.type === TYPE.select ? [e, ...Object.values(e.options).flatMap((o) => plurals(o.value))] : []));
}

describe('catalogue', () => {
  it('defines every id in one area file only (a later spread silently overrides an earlier one)', () => {
    const dir = join(__dirname, '../../../shared/messages/en');
    const seen = new Map<string, string[]>();
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
      for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/^\s*'([a-z0-9][\w.-]*)':/gm)) seen.set(m[1]!, [...(seen.get(m[1]!) ?? []), f]);
    }
    expect(seen.size).toBeGreaterThan(1000);
    expect([...seen].filter(([, files]) => files.length > 1)).toEqual([]);
  });

  it('parses every pattern, and every plural or select has an "other" branch', () => {
    for (const [id, pattern] of Object.entries(en)) {
      const ast = parse(pattern, { ignoreTag: true });
      for (const p of plurals(ast)) expect(Object.keys((p as { options: object }).options), id).toContain('other');
    }
  });

  it('gives every plural a singular branch (tester finding: "1 duplicates left out", "1 rows refused")', () => {
    const missing: string[] = [];
    for (const [id, pattern] of Object.entries(en)) {
      for (const p of plurals(parse(pattern, { ignoreTag: true }))) {
        if (p.type !== TYPE.plural) continue;
        const keys = Object.keys(p.options);
        if (!keys.includes('one') && !keys.includes('=1')) missing.push(`${id} {${p.value}}`);
      }
    }
    expect(missing).toEqual([]);
    expect(t('ui.imports.counts', { seizures: 3, routes: 0, rejected: 1, skipped: 1 })).toBe('3 seizures; 1 row refused; 1 duplicate left out');
    expect(t('ui.imports.counts', { seizures: 1, routes: 2, rejected: 2, skipped: 0 })).toBe('1 seizure, 2 routes; 2 rows refused');
    expect(t('import.cli.stix-not-imported', { count: 1 })).toBe('Not imported: 1 object.');
    expect(t('import.cli.stix-not-imported', { count: 2 })).toBe('Not imported: 2 objects.');
  });

  it('says what to do when nothing of a file can be imported, without contradicting itself', () => {
    const none = t('import.new-case-nothing-imported', { fileName: 'a.csv', rejected: 0, title: 'T' });
    expect(none).toBe('Nothing in a.csv can be imported, so case "T" was not created: the file has no seizure rows, or every row repeats an earlier one (repeated rows are left out unless you keep duplicates).');
    expect(none).not.toContain('Fix the rows');
    expect(t('import.new-case-nothing-imported', { fileName: 'a.csv', rejected: 1, title: 'T' })).toBe('Nothing in a.csv can be imported, so case "T" was not created: its one row was rejected. Fix it as the report says and import again.');
  });

  it('cuts a long value to its first 80 characters and says how long it was', () => {
    expect(quoteValue('short')).toBe('short');
    expect(quoteValue('x'.repeat(80))).toBe('x'.repeat(80));
    expect(quoteValue('A'.repeat(5_000_000))).toBe(`${'A'.repeat(80)}… (5,000,000 characters)`);
    // Characters, not UTF-16 units: an emoji is never cut in half.
    expect(quoteValue('😀'.repeat(81))).toBe(`${'😀'.repeat(80)}… (81 characters)`);
    expect(quoteValue('abcdef', 3)).toBe('abc… (6 characters)');
  });

  it('formats every pattern with values for its arguments, leaving no brace or quote mark behind', () => {
    /** A value for each argument: a number for plurals and numbers, the first select key for selects, text otherwise. */
    function sample(els: MessageFormatElement[], out: Record<string, string | number>): Record<string, string | number> {
      for (const e of els) {
        if (e.type === TYPE.plural || e.type === TYPE.number) out[e.value] = 2;
        else if (e.type === TYPE.select) out[e.value] = Object.keys(e.options)[0]!;
        else if (e.type === TYPE.argument || e.type === TYPE.date || e.type === TYPE.time) out[e.value] ??= 'X';
        if (e.type === TYPE.plural || e.type === TYPE.select) for (const o of Object.values(e.options)) sample(o.value, out);
      }
      return out;
    }
    for (const [id, pattern] of Object.entries(en)) {
      const text = t(id as MessageId, sample(parse(pattern, { ignoreTag: true }), {}));
      expect(text, id).not.toMatch(/[{}]/);
      // A doubled apostrophe in a pattern prints as one; a lone one before a brace would have swallowed the placeholder.
      expect(text.includes("''"), id).toBe(false);
    }
    expect(t('import.not-a-number', { value: '12,34,5' })).toBe("'12,34,5' is not a number");
    expect(t('valuation.not-valued', { count: 1, names: 'S1' })).toBe('No price was assigned to 1 seizure, which is not part of the estimate: S1.');
    expect(t('valuation.not-valued', { count: 3, names: 'S1; S2; S3' })).toBe('No price was assigned to 3 seizures, which are not part of the estimate: S1; S2; S3.');
    expect(t('relay.cli.key-registered', { workspaceId: 'w', kid: 'k', count: 1 })).toBe('workspace w: key k registered (1 key now valid)');
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
