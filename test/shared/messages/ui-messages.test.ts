/**
 * The renderer's catalogue entries (ui.*) render the exact English the screens showed before they
 * moved to the catalogue, with ICU plurals; the converted folders write no sentence inline.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { t } from '../../../shared/messages';
import { inlineSentences, isCode, readsAsPhrase, sourceFiles } from './ui-sentences';

const ROOT = path.resolve(__dirname, '../../..');

/** Renderer folders whose user-facing sentences all come from the catalogue. */
const CONVERTED_UI_DIRS = ['import', 'map', 'ui', 'domain', 'members', 'format', 'forms', 'valuation', 'sync', 'app', 'case', 'history', 'shell', 'cases', 'first-run', 'data', 'hooks', 'platform'].map((d) => `renderer/src/${d}`);
/** Files of those folders that other work owns and converts itself. */
const NOT_YET = ['renderer/src/ui/data-table.tsx', 'renderer/src/ui/form-dialog.tsx'];

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

describe('converted renderer folders', () => {
  it('write no user-facing sentence inline', () => {
    const files = CONVERTED_UI_DIRS.flatMap((d) => sourceFiles(ROOT, d, NOT_YET));
    expect(files.length).toBeGreaterThan(40);
    expect(files.flatMap((f) => inlineSentences(ROOT, f))).toEqual([]);
  });

  it('count with ICU plurals, not by hand', () => {
    const files = CONVERTED_UI_DIRS.flatMap((d) => sourceFiles(ROOT, d, NOT_YET));
    // A choice between two words by a count of one: `n === 1 ? '' : 's'`, `n === 1 ? ' was' : 's were'`.
    const byHand = files.filter((f) => /=== 1 \?\s*(['"`])[^'"`]*\1\s*:\s*['"`]/.test(fs.readFileSync(path.join(ROOT, f), 'utf8')));
    expect(byHand).toEqual([]);
  });

  it('the scan finds what it must, and passes catalogue ids, class names and code', () => {
    expect(['USD', 'TLP', 'eurofxref-hist.csv', 'seizures.v2.json', 'wss://relay.example.org', '--data-dir'].map(isCode)).toEqual([true, true, true, true, true, true]);
    expect(['Add a price', 'Usd', 'Rates file', 'rates file.csv'].map(isCode)).toEqual([false, false, false, false]);
    expect(readsAsPhrase('Not reported')).toBe(true);
    expect(readsAsPhrase('the lists are merged')).toBe(true);
    expect(readsAsPhrase('ui.map.not-reported')).toBe(false);
    expect(readsAsPhrase('btn btn-sm map-popup-open')).toBe(false);
    expect(readsAsPhrase('Seizure')).toBe(false);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nest-ui-scan-'));
    try {
      fs.writeFileSync(
        path.join(dir, 'sample.tsx'),
        [
          "import { t } from './messages';",
          'export const A = <p className="muted small grow">Seizure map</p>;',
          'export const B = <button aria-label="Close">{t(\'ui.common.close\')}</button>;',
          'export const C = (n: number) => `${n} mapped seizure${n === 1 ? \'\' : \'s\'} across cases`;',
          "export const D = { label: 'Rows rejected', id: 'ui.import.tile-rejected' };",
          'export const E = <code>npm run import</code>;',
        ].join('\n'),
      );
      expect(inlineSentences(dir, 'sample.tsx').map((h) => h.replace(/^sample\.tsx:/, ''))).toEqual([
        '2: Seizure map',
        '3: aria-label="Close"',
        "4: `${n} mapped seizure${n === 1 ? '' : 's'} across cases`",
        '5: Rows rejected',
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('import, map, shared UI, members and format messages', () => {
  it('word the import dialog with plurals', () => {
    expect(t('ui.import.import-count', { count: 1 })).toBe('Import 1 seizure');
    expect(t('ui.import.import-count', { count: 1234 })).toBe('Import 1,234 seizures');
    expect(t('ui.import.report-imported', { imported: 1, routes: 0, routesOnly: 'no' })).toBe('1 seizure imported.');
    expect(t('ui.import.report-imported', { imported: 59, routes: 1, routesOnly: 'no' })).toBe('59 seizures imported and 1 route.');
    expect(t('ui.import.report-imported', { imported: 2, routes: 3, routesOnly: 'no' })).toBe('2 seizures imported and 3 routes.');
    expect(t('ui.import.report-imported', { imported: 0, routes: 1, routesOnly: 'yes' })).toBe('1 route imported.');
    expect(t('ui.import.report-left-out', { count: 1 })).toMatch(/^1 row was left out; it is listed below/);
    expect(t('ui.import.report-left-out', { count: 5 })).toMatch(/^5 rows were left out; /);
    expect(t('ui.import.sample-summary', { count: 1 })).toBe('Show the first row as it is in the file');
    expect(t('ui.import.sample-summary', { count: 3 })).toBe('Show the first 3 rows as they are in the file');
    expect(t('ui.import.none-rejected', { final: 'yes' })).toBe('No row was rejected.');
    expect(t('ui.import.none-rejected', { final: 'no' })).toBe('No row would be rejected.');
    expect(t('ui.import.delimiter', { delimiter: 'tab' })).toBe('delimiter “tab”');
    expect(t('ui.import.delimiter', { delimiter: ';' })).toBe('delimiter “;”');
    expect(t('ui.import.shared-first', { names: '“name”', fixed: 'yes' })).toBe(
      'Also fed by “name” (set by the format): the first non-empty value is used; the others are kept in the notes.',
    );
    expect(t('ui.import.shared-merged', { names: '“a”, “b”', fixed: 'no' })).toBe('Also fed by “a”, “b”: the lists are merged.');
    expect(t('ui.import.file-too-large', { size: '60', limit: '45' })).toBe(
      'This file is 60 MB; files up to 45 MB can be imported here — split it, or use npm run import for larger files.',
    );
  });

  it('word the maps with plurals', () => {
    expect(t('ui.map.subtitle', { mapped: 1, cases: 1 })).toBe('1 mapped seizure across 1 case. Open a marker for details and its case.');
    expect(t('ui.map.subtitle', { mapped: 1059, cases: 6 })).toBe('1,059 mapped seizures across 6 cases. Open a marker for details and its case.');
    expect(t('ui.map.none-located', { count: 1 })).toBe('The seizure has no coordinates yet. Add latitude and longitude to a seizure to see it here.');
    expect(t('ui.map.none-located', { count: 4 })).toBe('None of the 4 seizures has coordinates yet. Add latitude and longitude to a seizure to see it here.');
    expect(t('ui.map.suspected-routes', { count: 1 })).toBe('Suspected route (1)');
    expect(t('ui.map.suspected-routes', { count: 2 })).toBe('Suspected routes (2)');
    expect(t('ui.map.basemap-error', { reason: 'offline' })).toBe('The basemap could not be drawn: offline. Markers are still shown.');
  });

  it('word the shared components, members, relative times and number fields', () => {
    expect(t('ui.common.more-problems', { count: 1 })).toBe('…and 1 more problem.');
    expect(t('ui.common.more-problems', { count: 1500 })).toBe('…and 1,500 more problems.');
    expect(t('ui.common.tlp', { tlp: 'AMBER+STRICT' })).toBe('TLP:AMBER+STRICT');
    expect(t('ui.common.remove-country', { country: 'Singapore' })).toBe('Remove Singapore');
    expect(t('ui.members.file-not-invitation', { fileName: 'big.txt', size: 1200 })).toBe('big.txt is not an invitation (it is 1,200 KB; an invitation is about 1 KB).');
    expect(t('ui.members.removed', { name: 'Bo Tan' })).toBe('Bo Tan was removed from the workspace.');
    expect(t('ui.format.days-ago', { count: 1 })).toBe('1 day ago');
    expect(t('ui.format.days-ago', { count: 3 })).toBe('3 days ago');
    expect(t('ui.format.minutes-ago', { count: 5 })).toBe('5 min ago');
    expect(t('ui.forms.number-like', { example: '12.5' })).toBe('Must be a number written like 12.5');
  });
});

describe('sync and app messages', () => {
  it('render the sync health sentences with ICU plurals', () => {
    expect(t('sync.warning.doc', { count: 3, subject: 'case TFA-2026-0001', minutes: 4 })).toBe('3 changes to case TFA-2026-0001 have not reached the relay for 4 minutes.');
    expect(t('sync.warning.doc', { count: 1, subject: 'the workspace', minutes: 1 })).toBe('1 change to the workspace has not reached the relay for 1 minute.');
    expect(t('sync.health.waiting', { count: 2, size: '1.2 kB', since: '3 min ago' })).toBe('2 changes · 1.2 kB · since 3 min ago');
    expect(t('sync.now.done-all', { count: 1 })).toBe('The relay confirmed it holds the 1 document that was open or waiting.');
    expect(t('sync.now.done-all', { count: 0 })).toBe('Nothing was waiting: the relay already holds everything.');
    expect(t('app.starting')).toBe('Starting the local data service…');
  });
});
