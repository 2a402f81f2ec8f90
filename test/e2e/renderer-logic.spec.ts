/**
 * Unit tests of the renderer's pure logic (no browser is started): number parsing, dates at
 * their precision, caret shifting in the shared summary, search snippets, marker quantity
 * classes and hash routes. Logic that needs the shared ISO tables (the seizure form's schema
 * validation, money formatting, case-list sorting) is tested in the browser by
 * foundation.spec.ts: Playwright's Node loader cannot import their JSON data.
 */
import { test, expect } from '@playwright/test';
import { parseDecimal } from '../../renderer/src/forms/parse';
import { formatSeizureDate, formatRelative } from '../../renderer/src/format/dates';
import { rebaseEdit, shiftPosition } from '../../renderer/src/case/shift-position';
import { focusSnippet, snippetParts } from '../../renderer/src/shell/snippet-parts';
import { quantityClass } from '../../renderer/src/map/marker-style';
import { parseRoute, routeHref } from '../../renderer/src/app/router';

test('parseDecimal accepts dots and grouped thousands, refuses comma decimals', () => {
  expect(parseDecimal('')).toEqual({ ok: true, value: null });
  expect(parseDecimal(' 1,274.5 ')).toEqual({ ok: true, value: 1274.5 });
  expect(parseDecimal('-0.5')).toEqual({ ok: true, value: -0.5 });
  expect(parseDecimal('1,5').ok).toBe(false);
  expect(parseDecimal('12e3').ok).toBe(false);
});

test('dates show at their precision; relative times read naturally', () => {
  expect(formatSeizureDate('2019-07-21', 'day')).toBe('21 Jul 2019');
  expect(formatSeizureDate('2025-06-01', 'month')).toBe('Jun 2025');
  expect(formatSeizureDate('2013-01-01', 'year')).toBe('2013');
  expect(formatSeizureDate('not a date', 'day')).toBe('not a date');
  expect(formatRelative(1000, 1000 + 5 * 60_000)).toBe('5 min ago');
  expect(formatRelative(1000, 1000 + 10_000)).toBe('just now');
});

test('the caret follows a remote edit in the summary', () => {
  // Someone inserts "big " before the caret: it moves by 4.
  expect(shiftPosition('a cat sat', 'a big cat sat', 6)).toBe(10);
  // An edit after the caret does not move it.
  expect(shiftPosition('a cat sat', 'a cat sat down', 3)).toBe(3);
  // Text deleted around the caret: it lands at the end of the change.
  expect(shiftPosition('abcdef', 'af', 3)).toBe(1);
});

test('a keystroke typed against a stale text keeps the remote change', () => {
  // This window showed "cat"; someone else has meanwhile made it "the cat"; the user typed "s" at the end.
  expect(rebaseEdit('cat', 'cats', 'the cat')).toEqual({ text: 'the cats', caret: 8 });
  // Backspace at the end while a remote edit added text at the start.
  expect(rebaseEdit('abc', 'ab', 'XXabc')).toEqual({ text: 'XXab', caret: 4 });
  // No remote change: the typed text as is.
  expect(rebaseEdit('abc', 'abXc', 'abc')).toEqual({ text: 'abXc', caret: 3 });
});

test('search snippets: control-character marks delimit the matches; brackets stay text', () => {
  expect(snippetParts('…of \u0002pangolin\u0003 scales [ref 12] and \u0002ivory\u0003')).toEqual([
    { text: '…of ', hit: false },
    { text: 'pangolin', hit: true },
    { text: ' scales [ref 12] and ', hit: false },
    { text: 'ivory', hit: true },
  ]);
});

test('a long lead before the first match is shortened at a word', () => {
  const parts = focusSnippet(snippetParts('Hai Phong port VN Viet Nam customs Blood ivory and \u0002pangolin\u0003 scales'), 20);
  expect(parts[0]).toEqual({ text: '…Blood ivory and ', hit: false });
  expect(parts[1]).toEqual({ text: 'pangolin', hit: true });
  expect(focusSnippet(snippetParts('short \u0002hit\u0003'))).toEqual(snippetParts('short \u0002hit\u0003'));
});

test('quantity classes compare within a kind of unit', () => {
  expect(quantityClass(null, 'kg')).toBe(0);
  expect(quantityClass(50, 'kg')).toBe(0);
  expect(quantityClass(0.5, 't')).toBe(1);
  expect(quantityClass(11.9, 't')).toBe(3);
  expect(quantityClass(300, 'pieces')).toBe(2);
  expect(quantityClass(25, 'containers')).toBe(3);
});

test('routes round-trip through the hash, including a seizure link', () => {
  const r = { name: 'case', ws: 'w1', caseId: 'c1', tab: 'seizures', seizureId: 's1' } as const;
  expect(parseRoute(routeHref(r))).toEqual(r);
  expect(parseRoute('#/w/w1/c/c1')).toEqual({ name: 'case', ws: 'w1', caseId: 'c1', tab: 'overview' });
  expect(parseRoute('#token=abc')).toEqual({ name: 'home' });
});
