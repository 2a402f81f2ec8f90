// @vitest-environment happy-dom
/**
 * The seizure picker against a real data service: a case with seizures in its case doc and in a
 * volume doc the window never loads. Typing searches the whole case on the service, the options
 * show commodity, quantity with unit, date, place and the case number, the keyboard moves through
 * them (ARIA combobox: aria-expanded, aria-activedescendant on the input) and Enter picks one held
 * in the volume without submitting anything; an id given from outside is named through
 * `seizures.get`, and one the service does not find is called gone.
 */
import { randomUUID } from 'node:crypto';
import { useState, type ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { volumeDocName } from '../../../shared/docs/names';
import { listVolumesIn, VolumeDoc } from '../../../shared/docs/volume-doc';
import { newSeizureFields, type SeizureFields } from '../../../shared/domain/seizure';
import { SeizurePicker } from '../../../renderer/src/case/seizure-picker';
import { caseFixture, withClient, type CaseFixture } from '../data/render-with-client';

let fx: CaseFixture;
const W = { memberId: 'ada' };
const HORNBILL = randomUUID();

function fields(commodity: string, place: string, date: string, quantity: number): SeizureFields {
  return { ...newSeizureFields(date), seizureDate: date, country: 'KE', place, commodity, quantity, unit: 'kg' };
}

beforeAll(async () => {
  fx = await caseFixture();
  const ws = fx.h.service.workspace(fx.workspaceId);
  ws.host.with(fx.docName, (doc) => {
    new CaseDoc(doc).addSeizures(Array.from({ length: 40 }, (_v, i) => ({ id: randomUUID(), fields: fields('Ivory', `Quay ${i}`, '2024-05-01', 10 + i) })), W);
    listVolumesIn(doc, [1], W);
  });
  ws.host.with(volumeDocName(fx.workspaceId, fx.caseId, 1), (doc) =>
    new VolumeDoc(doc).insertSeizures([{ id: HORNBILL, fields: fields('Helmeted hornbill casques', 'Kilindini harbour', '2021-03-03', 12.5) }, ...Array.from({ length: 60 }, (_v, i) => ({ id: randomUUID(), fields: fields('Rosewood logs', `Yard ${i}`, '2023-01-01', 100 + i) }))], W),
  );
}, 60_000);
afterEach(cleanup);
afterAll(() => fx.h.close());

function Picker(props: { initial: string | null; picks: (string | null)[] }): ReactNode {
  const [value, setValue] = useState(props.initial);
  return (
      <form onSubmit={() => props.picks.push('SUBMITTED')}>
        <label htmlFor="p">Linked seizure</label>
        <SeizurePicker
          control={{ id: 'p', 'aria-invalid': false, 'aria-describedby': undefined }}
          workspaceId={fx.workspaceId}
          caseId={fx.caseId}
          caseNumber="NEST-2026-0001"
          value={value}
          noneLabel="Not linked to a seizure"
          onChange={(id) => {
            props.picks.push(id);
            setValue(id);
          }}
        />
      </form>
  );
}

/** The picker in the app's services, with the real client. */
function Harness(props: { initial: string | null; picks: (string | null)[] }): ReactNode {
  const Wrapper = withClient(fx.admin, fx.identity);
  return (
    <Wrapper>
      <Picker {...props} />
    </Wrapper>
  );
}

describe('SeizurePicker', () => {
  it('searches the whole case and picks a seizure held in a volume with the keyboard', async () => {
    const picks: (string | null)[] = [];
    render(<Harness initial={null} picks={picks} />);
    const input = screen.getByRole('combobox', { name: 'Linked seizure' });
    expect(input.getAttribute('aria-expanded')).toBe('false');
    fireEvent.focus(input);
    expect(input.getAttribute('aria-expanded')).toBe('true');
    // Without words: the newest first, counted over the case doc and the volume.
    await waitFor(() => expect(screen.getByText('101 seizures of NEST-2026-0001 match')).toBeTruthy(), { timeout: 5000 });
    expect(screen.getByText('Showing the first 50: type more to narrow')).toBeTruthy();

    fireEvent.change(input, { target: { value: 'hornbill kilindini' } });
    await waitFor(() => expect(screen.getByText('1 seizure of NEST-2026-0001 matches')).toBeTruthy(), { timeout: 5000 });
    const listbox = screen.getByRole('listbox', { name: 'Seizures of case NEST-2026-0001' });
    expect(input.getAttribute('aria-controls')).toBe(listbox.id);
    const options = screen.getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['Not linked to a seizure', 'Helmeted hornbill casques12.5 kg · 3 Mar 2021 · Kilindini harbour, KenyaNEST-2026-0001']);
    // Words typed: the first seizure found is highlighted, not "none"; the arrows move.
    expect(input.getAttribute('aria-activedescendant')).toBe(options[1]!.id);
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    expect(input.getAttribute('aria-activedescendant')).toBe(options[0]!.id);
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(input.getAttribute('aria-activedescendant')).toBe(options[1]!.id);
    expect(options[1]!.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(picks).toEqual([HORNBILL]);
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect((input as HTMLInputElement).value).toBe('Helmeted hornbill casques · 12.5 kg · 3 Mar 2021 · Kilindini harbour, Kenya');

    // Escape closes the list only; the "none" option clears the choice.
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(input.getAttribute('aria-expanded')).toBe('true');
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(input.getAttribute('aria-expanded')).toBe('false');
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(picks).toEqual([HORNBILL, null]);
    expect((input as HTMLInputElement).value).toBe('Not linked to a seizure');
  }, 30_000);

  it('names a volume seizure it was given through seizures.get, and calls an unknown id gone', async () => {
    render(<Harness initial={HORNBILL} picks={[]} />);
    const input = screen.getByRole('combobox', { name: 'Linked seizure' }) as HTMLInputElement;
    expect(input.value).toBe('Looking the seizure up…');
    await waitFor(() => expect(input.value).toBe('Helmeted hornbill casques · 12.5 kg · 3 Mar 2021 · Kilindini harbour, Kenya'), { timeout: 5000 });
    cleanup();
    render(<Harness initial={randomUUID()} picks={[]} />);
    const other = screen.getByRole('combobox', { name: 'Linked seizure' }) as HTMLInputElement;
    await waitFor(() => expect(other.value).toBe('A seizure that is no longer in this case'), { timeout: 5000 });
  }, 30_000);
});
