/** The renderer's catalogue entries (ui.*) render the exact English the screens showed before they moved to the catalogue. */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { t } from '../../../shared/messages';

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

/**
 * Folders whose every user-facing sentence comes from the catalogue: no JSX text and no text
 * attribute (title, label, aria-label, placeholder…) written at the call site. The list grows as
 * folders are converted; an example address (`wss://…`) or a command-line flag (`--data-dir`) is not a sentence.
 */
const CONVERTED_UI_DIRS = ['renderer/src/sync', 'renderer/src/app'];

describe('converted renderer folders', () => {
  it('write no sentence inline', () => {
    const root = path.resolve(__dirname, '../../..');
    const found: string[] = [];
    const TEXT_ATTRS = new Set(['title', 'label', 'aria-label', 'confirmLabel', 'hint', 'placeholder', 'what', 'alt']);
    for (const dir of CONVERTED_UI_DIRS) {
      for (const file of fs.readdirSync(path.join(root, dir)).filter((f) => f.endsWith('.tsx'))) {
        const where = `${dir}/${file}`;
        const sf = ts.createSourceFile(file, fs.readFileSync(path.join(root, dir, file), 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
        const visit = (n: ts.Node): void => {
          if (ts.isJsxText(n) && /[A-Za-z]{2,}/.test(n.text) && !/^\s*--[a-z-]+\s*$/.test(n.text)) found.push(`${where}: text "${n.text.trim()}"`);
          if (ts.isJsxAttribute(n) && n.initializer && ts.isStringLiteral(n.initializer) && TEXT_ATTRS.has(n.name.getText(sf))) {
            const v = n.initializer.text;
            if (/[A-Za-z]{2,}/.test(v) && !/^[a-z]+:\/\//.test(v)) found.push(`${where}: ${n.name.getText(sf)}="${v}"`);
          }
          ts.forEachChild(n, visit);
        };
        visit(sf);
      }
    }
    expect(found).toEqual([]);
  });

  it('render the sync health sentences with ICU plurals', () => {
    expect(t('sync.warning.doc', { count: 3, subject: 'case TFA-2026-0001', minutes: 4 })).toBe('3 changes to case TFA-2026-0001 have not reached the relay for 4 minutes.');
    expect(t('sync.warning.doc', { count: 1, subject: 'the workspace', minutes: 1 })).toBe('1 change to the workspace has not reached the relay for 1 minute.');
    expect(t('sync.health.waiting', { count: 2, size: '1.2 kB', since: '3 min ago' })).toBe('2 changes · 1.2 kB · since 3 min ago');
    expect(t('sync.now.done-all', { count: 1 })).toBe('The relay confirmed it holds the 1 document that was open or waiting.');
    expect(t('sync.now.done-all', { count: 0 })).toBe('Nothing was waiting: the relay already holds everything.');
    expect(t('app.starting')).toBe('Starting the local data service…');
  });
});
