/** The renderer's catalogue entries (ui.*) render the exact English the screens showed before they moved to the catalogue. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { t } from '../../../shared/messages';

const ROOT = path.resolve(__dirname, '../../..');

/** Renderer folders whose sentences all come from the catalogue; the list grows as areas are converted. */
const CONVERTED_UI = ['renderer/src/valuation'];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return sourceFiles(rel);
    return /\.tsx?$/.test(e.name) ? [rel] : [];
  });
}

/** Occurrences of `pattern` in the converted folders, as "file:line: text". */
function findUi(pattern: RegExp): string[] {
  return CONVERTED_UI.flatMap(sourceFiles).flatMap((f) => {
    const src = fs.readFileSync(path.join(ROOT, f), 'utf8');
    return [...src.matchAll(pattern)].map((m) => `${f}:${src.slice(0, m.index).split('\n').length}: ${m[0].replace(/\s+/g, ' ')}`);
  });
}

/** JSX text of two or more words, e.g. `>Add a price<`. */
const JSX_SENTENCE = />\s*[A-Za-z][a-z]* [A-Za-z][^<>{}]*</g;
/** A user-facing prop given a literal with a word in it, e.g. `title="Delete this price?"`, `header: 'Commodity'` (not a code like 'USD'). */
const LITERAL_PROP = /\b(?:title|label|placeholder|hint|description|aria-label|confirmLabel|submitLabel|busyLabel|footerNote|what|header)(?:=|: )(?:"[A-Z][^"]*[a-z][^"]*"|'[A-Z][^']*[a-z][^']*'|\{?`[^`]*[a-z]{2,} [^`]*`)/g;
/** A count pluralised by hand. */
const HAND_PLURAL = /=== 1 \?/g;

describe('converted renderer folders', () => {
  it('exist', () => {
    for (const d of CONVERTED_UI) expect(fs.existsSync(path.join(ROOT, d)), d).toBe(true);
  });
  it('write no sentence at a call site and pluralise no count by hand', () => {
    expect(findUi(JSX_SENTENCE)).toEqual([]);
    expect(findUi(LITERAL_PROP)).toEqual([]);
    expect(findUi(HAND_PLURAL)).toEqual([]);
    // The patterns find what they must.
    expect('<button>Add a price</button>'.match(JSX_SENTENCE)).toHaveLength(1);
    expect('title="Delete this price?" header: \'Commodity\' what={`the address of ${x}`}'.match(LITERAL_PROP)).toHaveLength(3);
    expect("title={t('valuation.prices.delete-title')} <span>{t('x')}</span>".match(LITERAL_PROP)).toBeNull();
    expect("{n} price{n === 1 ? '' : 's'}".match(HAND_PLURAL)).toHaveLength(1);
  });
});

describe('ui messages', () => {
  it('counts with ICU plurals: one case, many cases, grouped thousands', () => {
    expect(t('ui.cases.count', { count: 1 })).toBe('1 case in this workspace');
    expect(t('ui.cases.count', { count: 2 })).toBe('2 cases in this workspace');
    expect(t('ui.cases.count', { count: 1200 })).toBe('1,200 cases in this workspace');
    expect(t('ui.first-run.workspace-line', { count: 1, prefix: 'NEST', currency: 'SGD', role: 'Administrator' })).toBe(
      '1 case · prefix NEST · SGD · Administrator',
    );
    expect(t('ui.cases.shown', { count: 3 })).toBe('3 shown');
  });

  it('picks the variant with ICU selects and keeps the curly quotes', () => {
    expect(t('ui.cases.no-match-text', { hasQuery: 'yes', query: 'pangolin' })).toMatch(/^Nothing matches “pangolin”\. Search looks/);
    expect(t('ui.cases.no-match-text', { hasQuery: 'no', query: '' })).toMatch(/^Nothing matches these filters\. /);
    expect(t('ui.cases.updated-tip', { when: '5 Dec', hasBy: 'yes', by: 'Siti' })).toBe('5 Dec by Siti');
    expect(t('ui.cases.updated-tip', { when: '5 Dec', hasBy: 'no' })).toBe('5 Dec');
    expect(t('ui.shell.nothing-found', { query: 'ivory' })).toBe('Nothing found for “ivory”.');
    expect(t('ui.first-run.case-prefix-hint', { prefix: 'NEST' })).toBe('Cases are numbered NEST-2026-0001, …');
    expect(t('ui.shell.relay-members')).toBe('Relay & members');
  });
});
