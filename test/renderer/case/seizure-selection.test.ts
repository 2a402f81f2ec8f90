/**
 * The seizure table's selection (renderer/src/case/seizure-selection.ts, tester finding F4): ticked
 * ids, or every shown seizure less the unticked; its count, the header box's state and what a bulk
 * action is sent.
 */
import { describe, expect, it } from 'vitest';
import { bulkParamsOf, bulkTarget, checkSeizures, headerState, isSeizureChecked, NO_SELECTION, selectAllShown, selectedCount } from '../../../renderer/src/case/seizure-selection';

const all = (ids: readonly string[]): string[] => [...ids];

describe('seizure selection', () => {
  it('ticked ids: counted live, the header all only when every shown seizure is ticked', () => {
    let sel = checkSeizures(NO_SELECTION, ['a', 'b'], true);
    expect(selectedCount(sel, 3, all, 0)).toBe(2);
    expect(headerState(sel, 2, 3, 2)).toBe('some');
    sel = checkSeizures(sel, ['c'], true);
    expect(headerState(sel, 3, 3, 3)).toBe('all');
    sel = checkSeizures(sel, ['a'], false);
    expect(isSeizureChecked(sel, 'a')).toBe(false);
    // A ticked seizure a peer deleted leaves the count.
    expect(selectedCount(sel, 2, (ids) => ids.filter((id) => id !== 'b'), 0)).toBe(1);
    expect(headerState(NO_SELECTION, 0, 3, 0)).toBe('none');
    expect(bulkParamsOf(bulkTarget(sel, 2, all))).toEqual({ seizureIds: ['b', 'c'] });
  });

  it('every shown seizure: the total less the unticked that still match; mixed once one is unticked; sent as matching', () => {
    let sel = selectAllShown({ text: 'ivory', flagged: true });
    expect(isSeizureChecked(sel, 'never-loaded')).toBe(true);
    expect(selectedCount(sel, 59, all, 0)).toBe(59);
    expect(headerState(sel, 59, 59, 59)).toBe('all');
    sel = checkSeizures(sel, ['x', 'y'], false);
    // Until the service says how many unticked still match, each counts; then its answer does.
    expect(selectedCount(sel, 59, all, null)).toBe(57);
    expect(selectedCount(sel, 59, all, 1)).toBe(58);
    expect(headerState(sel, 57, 59, 57)).toBe('some');
    sel = checkSeizures(sel, ['y'], true);
    expect(bulkParamsOf(bulkTarget(sel, 58, all))).toEqual({ matching: { text: 'ivory', flagged: true, except: ['x'], count: 58 } });
  });
});
