/** The renderer's catalogue entries (ui.*) render the exact English the screens showed before they moved to the catalogue. */
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
