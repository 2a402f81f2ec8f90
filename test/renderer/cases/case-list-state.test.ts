/**
 * The case list's session state (renderer/src/cases/case-list-state.ts): a stored state is read
 * back field by field, a foreign or broken one falls back to defaults, and filters turn into the
 * exact `cases.list` params ('-' = unassigned, tags lower-cased, empty filters left out).
 */
import { describe, expect, it } from 'vitest';
import { isFiltered, listParams, NO_FILTERS, parseCaseListState } from '../../../renderer/src/cases/case-list-state';
import { SORT_KEYS } from '../../../renderer/src/cases/case-sort';

describe('case list state', () => {
  it('reads back what it stored, and drops fields of the wrong shape one by one', () => {
    const stored = { filters: { ...NO_FILTERS, status: 'investigating', tlp: 'AMBER+STRICT', severity: '3', tag: 'ivory', agency: 'KWS' }, sort: { key: 'severity', dir: 'asc' } };
    expect(parseCaseListState(JSON.stringify(stored), SORT_KEYS)).toEqual(stored);
    const bad = { filters: { status: 'sleeping', tlp: 'PURPLE', severity: 5, text: 42, agency: 'KWS' }, sort: { key: 'DROP TABLE', dir: 'up' } };
    expect(parseCaseListState(JSON.stringify(bad), SORT_KEYS)).toEqual({ filters: { ...NO_FILTERS, agency: 'KWS' }, sort: { key: 'number', dir: 'desc' } });
    expect(parseCaseListState('{not json', SORT_KEYS)).toEqual({ filters: NO_FILTERS, sort: { key: 'number', dir: 'desc' } });
    expect(parseCaseListState(null, SORT_KEYS).filters).toEqual(NO_FILTERS);
  });

  it('turns filters into cases.list params', () => {
    expect(listParams(NO_FILTERS)).toEqual({});
    expect(isFiltered(NO_FILTERS)).toBe(false);
    expect(listParams({ ...NO_FILTERS, text: '  pangolin ', severity: '4', tlp: 'RED', assignee: '-', tag: ' Ivory ', agency: ' Singapore Customs ' })).toEqual({
      text: 'pangolin',
      severity: 4,
      tlp: 'RED',
      assignee: '',
      tag: 'ivory',
      agency: 'Singapore Customs',
    });
    expect(listParams({ ...NO_FILTERS, assignee: 'm-1', status: 'closed', sector: 'wildlife' })).toEqual({ assignee: 'm-1', status: 'closed', sector: 'wildlife' });
    expect(isFiltered({ ...NO_FILTERS, tag: ' ' })).toBe(false);
  });
});
