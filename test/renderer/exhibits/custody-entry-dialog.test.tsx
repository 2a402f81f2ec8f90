// @vitest-environment happy-dom
/**
 * The custody entry dialog writes through the doc views only: a hand-over is appended (and the
 * receiver becomes the current holder), a broken seal needs its new number, and "Correct this
 * entry" appends a new entry pointing at the corrected one — the log only grows, both stay.
 */
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { CaseCustody } from '../../../shared/docs/case-custody';
import { CaseExhibits } from '../../../shared/docs/case-exhibits';
import { newExhibitFields } from '../../../shared/domain/exhibit';
import { t } from '../../../shared/messages';
import { sentence } from '../../../renderer/src/forms/issues';
import { CustodyEntryDialog } from '../../../renderer/src/exhibits/custody-entry-dialog';
import { fromLocalInput, toLocalInput } from '../../../renderer/src/exhibits/local-time';

afterEach(cleanup);

const EX = '11111111-1111-4111-8111-111111111111';
const w = { memberId: 'm1' };

function setup(): { doc: Y.Doc; exhibits: CaseExhibits; custody: CaseCustody } {
  const doc = new Y.Doc();
  const exhibits = new CaseExhibits(doc);
  exhibits.add(EX, { ...newExhibitFields(), description: 'Tusk, left', sealNumber: 'S-100', currentHolder: 'Insp. Ade' }, w);
  return { doc, exhibits, custody: new CaseCustody(doc) };
}

/** A field by the start of its label (an optional field's label ends with "optional"). */
function field(label: string): HTMLInputElement {
  return screen.getByLabelText(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)) as HTMLInputElement;
}

function type(label: string, value: string): void {
  fireEvent.change(field(label), { target: { value } });
}

describe('CustodyEntryDialog', () => {
  it('records a hand-over from the current holder and makes the receiver the holder', () => {
    const { exhibits, custody } = setup();
    let closed = 0;
    const now = fromLocalInput('2026-12-01T09:30')!;
    render(<CustodyEntryDialog custody={custody} exhibits={exhibits} writer={w} exhibit={exhibits.get(EX)!} reference="NEST-2026-0001/EX-001" now={now} onClose={() => closed++} />);
    expect(field(t('ui.exhibits.custody.released-by')).value).toBe('Insp. Ade');
    type(t('ui.exhibits.custody.received-by'), 'Lab clerk Obi');
    type(t('ui.exhibits.custody.place'), 'Forensic lab, Lagos');
    fireEvent.click(screen.getByRole('button', { name: t('ui.exhibits.custody.record-submit') }));
    expect(closed).toBe(1);
    const [e] = custody.entries();
    expect(e).toMatchObject({ exhibitId: EX, releasedBy: 'Insp. Ade', receivedBy: 'Lab clerk Obi', place: 'Forensic lab, Lagos', at: now, sealIntact: true, corrects: null, recordedBy: 'm1' });
    expect(exhibits.get(EX)!.currentHolder).toBe('Lab clerk Obi');
  });

  it('asks for the new seal number when the seal was broken, and writes nothing until given', () => {
    const { exhibits, custody } = setup();
    render(<CustodyEntryDialog custody={custody} exhibits={exhibits} writer={w} exhibit={exhibits.get(EX)!} reference="EX-001" onClose={() => undefined} />);
    type(t('ui.exhibits.custody.received-by'), 'Obi');
    fireEvent.click(screen.getByLabelText(t('ui.exhibits.custody.seal-no')));
    fireEvent.click(screen.getByRole('button', { name: t('ui.exhibits.custody.record-submit') }));
    expect(custody.entries()).toEqual([]);
    expect(screen.getByText(sentence(t('custody.new-seal-required')))).toBeTruthy();
    type(t('ui.exhibits.custody.new-seal'), 'S-200');
    fireEvent.click(screen.getByRole('button', { name: t('ui.exhibits.custody.record-submit') }));
    expect(custody.entries()).toMatchObject([{ sealIntact: false, newSealNumber: 'S-200' }]);
  });

  it('corrects an entry with a new one pointing at it; the corrected entry stays in the log', () => {
    const { exhibits, custody } = setup();
    const wrong = custody.record('22222222-2222-4222-8222-222222222222', { exhibitId: EX, releasedBy: 'Insp. Ade', receivedBy: 'Obj', at: fromLocalInput('2026-12-01T09:30')!, place: 'Apapa', purpose: '', sealIntact: true, newSealNumber: '', condition: '', corrects: null }, w, () => true);
    render(<CustodyEntryDialog custody={custody} exhibits={exhibits} writer={w} exhibit={exhibits.get(EX)!} reference="EX-001" corrects={wrong} onClose={() => undefined} />);
    expect(field(t('ui.exhibits.custody.at')).value).toBe(toLocalInput(wrong.at));
    type(t('ui.exhibits.custody.received-by'), 'Obi');
    fireEvent.click(screen.getByRole('button', { name: t('ui.exhibits.custody.correct-submit') }));
    const all = custody.entries();
    expect(all).toHaveLength(2);
    expect(all[0]).toEqual(wrong);
    expect(all[1]).toMatchObject({ receivedBy: 'Obi', place: 'Apapa', corrects: wrong.id });
    const chain = custody.chain(EX, exhibits.get(EX)!.currentHolder);
    expect(chain.links).toHaveLength(1);
    expect(chain.links[0]!.replaces.map((e) => e.id)).toEqual([wrong.id]);
  });
});

describe('local time input', () => {
  it('round-trips minutes and refuses impossible dates', () => {
    const ms = fromLocalInput('2026-03-14T08:05')!;
    expect(toLocalInput(ms)).toBe('2026-03-14T08:05');
    expect(fromLocalInput('2026-02-30T10:00')).toBeNull();
    expect(fromLocalInput('yesterday')).toBeNull();
  });
});

describe('CustodyEntryDialog holder', () => {
  it('does not offer to change the holder when correcting an entry that a later hand-over followed', () => {
    const { exhibits, custody } = setup();
    const first = custody.record('33333333-3333-4333-8333-333333333333', { exhibitId: EX, releasedBy: 'Insp. Ade', receivedBy: 'Obj', at: 1_780_000_000_000, place: '', purpose: '', sealIntact: true, newSealNumber: '', condition: '', corrects: null }, w, () => true);
    exhibits.update(EX, { currentHolder: 'Lab' }, w);
    render(<CustodyEntryDialog custody={custody} exhibits={exhibits} writer={w} exhibit={exhibits.get(EX)!} reference="EX-001" corrects={first} correctsLast={false} onClose={() => undefined} />);
    expect(screen.queryByLabelText(t('ui.exhibits.custody.make-holder'))).toBeNull();
    type(t('ui.exhibits.custody.received-by'), 'Obi');
    fireEvent.click(screen.getByRole('button', { name: t('ui.exhibits.custody.correct-submit') }));
    expect(exhibits.get(EX)!.currentHolder).toBe('Lab');
  });

  it('refuses in the form a hand-over dated in the future or to the releaser, with the reason beside the field, and records nothing', () => {
    const { exhibits, custody } = setup();
    let closed = 0;
    const now = fromLocalInput('2026-12-01T09:30')!;
    render(<CustodyEntryDialog custody={custody} exhibits={exhibits} writer={w} exhibit={exhibits.get(EX)!} reference="EX-001" now={now} onClose={() => closed++} />);
    type(t('ui.exhibits.custody.received-by'), 'insp. ade');
    type(t('ui.exhibits.custody.at'), '2026-12-02T09:30');
    fireEvent.click(screen.getByRole('button', { name: t('ui.exhibits.custody.record-submit') }));
    expect(closed).toBe(0);
    expect(custody.entries()).toEqual([]);
    expect(screen.getByText(t('custody.future'))).toBeTruthy();
    expect(screen.getByText(t('custody.self-handover'))).toBeTruthy();
    type(t('ui.exhibits.custody.received-by'), 'Lab clerk Obi');
    type(t('ui.exhibits.custody.at'), '2026-12-01T09:33');
    fireEvent.click(screen.getByRole('button', { name: t('ui.exhibits.custody.record-submit') }));
    expect(closed).toBe(1);
    expect(custody.entries().map((e) => [e.receivedBy, e.at])).toEqual([['Lab clerk Obi', fromLocalInput('2026-12-01T09:33')]]);
  });
});
