// @vitest-environment happy-dom
/**
 * The custody log shows each hand-over in force, the corrected entry beneath its correction,
 * and a gap or a time inversion flagged on the entry concerned, with the chain's counts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { CustodyLog } from '../../../renderer/src/exhibits/custody-log';
import { custodyChain, type CustodyEntry } from '../../../shared/domain/custody';
import { t } from '../../../shared/messages';

afterEach(cleanup);

const EX = '11111111-1111-4111-8111-111111111111';
const id = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const base = { exhibitId: EX, place: 'Apapa', purpose: 'to store', sealIntact: true, newSealNumber: '', condition: 'sealed', corrects: null, recordedBy: 'm1' };
const entries: CustodyEntry[] = [
  { ...base, id: id(1), releasedBy: 'Ade', receivedBy: 'Obj', at: 1_780_000_000_000, recordedAt: 1_780_000_000_001 },
  { ...base, id: id(2), releasedBy: 'Obi', receivedBy: 'Eze', at: 1_780_000_100_000, recordedAt: 1_780_000_100_001 },
  { ...base, id: id(3), releasedBy: 'Eze', receivedBy: 'Lab', at: 1_780_000_200_000, recordedAt: 1_780_000_200_001 },
];

describe('CustodyLog', () => {
  it('flags the gap, then shows the correction with the corrected entry and no flag', () => {
    const { rerender } = render(<CustodyLog chain={custodyChain(EX, entries)} names={() => 'Ada Lim'} />);
    expect(screen.getAllByText(t('ui.exhibits.issue.gap'))).toHaveLength(1);
    expect(screen.getByText(/3 hand-overs · 1 problem in the chain/)).toBeTruthy();
    const fix: CustodyEntry = { ...entries[0]!, id: id(4), receivedBy: 'Obi', corrects: id(1), recordedAt: 1_780_000_300_000 };
    rerender(<CustodyLog chain={custodyChain(EX, [...entries, fix])} names={() => 'Ada Lim'} />);
    expect(screen.queryByText(t('ui.exhibits.issue.gap'))).toBeNull();
    expect(screen.getByText('Ade → Obi')).toBeTruthy();
    expect(screen.getByText('Ade → Obj').closest('.custody-corrected')).not.toBeNull();
    expect(screen.getByText(/3 hand-overs · No problems in the chain/)).toBeTruthy();
  });

  it('flags a time inversion: a hand-over dated before the one recorded before it', () => {
    const inverted: CustodyEntry[] = [entries[0]!, { ...entries[1]!, releasedBy: 'Obj', at: entries[0]!.at - 60_000 }];
    render(<CustodyLog chain={custodyChain(EX, inverted)} names={() => 'Ada Lim'} />);
    expect(screen.getAllByText(t('ui.exhibits.issue.time-inversion'))).toHaveLength(1);
    expect(screen.queryByText(t('ui.exhibits.issue.gap'))).toBeNull();
    expect(screen.getByText(/2 hand-overs · 1 problem in the chain/)).toBeTruthy();
  });
});
