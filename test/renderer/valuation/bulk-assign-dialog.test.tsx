// @vitest-environment happy-dom
/**
 * The bulk-assign dialog ("Assign a price") against a real data service: the seizures it lists are
 * searched over the whole case on the service (`seizures.page`), so raw ivory held in a volume doc
 * is listed beside the case doc's; matches are grouped by commodity with their count, a seizure
 * whose unit the price cannot convert is shown but not selectable (with the reason), the submit
 * button counts the checked seizures with a plural, and the valuations are written to the case
 * doc replica — the volume seizure's too, which the replica alone would refuse.
 */
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { CaseValuations } from '../../../shared/docs/case-valuations';
import { volumeDocName } from '../../../shared/docs/names';
import { listVolumesIn, VolumeDoc } from '../../../shared/docs/volume-doc';
import { newSeizureFields, type SeizureFields } from '../../../shared/domain/seizure';
import { BulkAssignDialog } from '../../../renderer/src/valuation/bulk-assign-dialog';
import { caseFixture, withClient, type CaseFixture } from '../data/render-with-client';
import { CARVED, PANGOLIN, PRICE, RAW_1, RAW_2, W } from './case-fixture';

let fx: CaseFixture;

function fields(commodity: string, quantity: number, unit: 'kg' | 'pieces', date: string): SeizureFields {
  return { ...newSeizureFields(date), seizureDate: date, country: 'SG', place: 'Pasir Panjang', commodity, quantity, unit };
}

beforeAll(async () => {
  fx = await caseFixture();
  const ws = fx.h.service.workspace(fx.workspaceId);
  // RAW_2 lives in volume 1; the others in the case doc.
  ws.host.with(fx.docName, (doc) => {
    new CaseDoc(doc).addSeizures(
      [
        { id: RAW_1, fields: fields('elephant ivory (raw tusks)', 3500, 'kg', '2019-04-03') },
        { id: CARVED, fields: fields('elephant ivory (carved)', 40, 'pieces', '2018-02-11') },
        { id: PANGOLIN, fields: fields('pangolin scales', 12_900, 'kg', '2019-04-08') },
      ],
      W,
    );
    listVolumesIn(doc, [1], W);
  });
  ws.host.with(volumeDocName(fx.workspaceId, fx.caseId, 1), (doc) => new VolumeDoc(doc).insertSeizures([{ id: RAW_2, fields: fields('elephant ivory (raw tusks)', 8800, 'kg', '2019-07-21') }], W));
}, 60_000);
afterEach(cleanup);
afterAll(() => fx.h.close());

/** A replica of the case doc as a window holds it: the case doc's seizures only. */
function replica(): CaseValuations {
  const local = new Y.Doc();
  Y.applyUpdate(local, fx.h.service.workspace(fx.workspaceId).host.with(fx.docName, (d) => Y.encodeStateAsUpdate(d)));
  return new CaseValuations(local);
}

function renderDialog(cv: CaseValuations, onDone: (n: number, priceId: string) => void): HTMLElement {
  const Wrapper = withClient(fx.admin, fx.identity);
  render(
    <Wrapper>
      <BulkAssignDialog workspaceId={fx.workspaceId} caseId={fx.caseId} records={cv.listValuations()} prices={[PRICE]} cv={cv} writer={W} onClose={() => undefined} onDone={(n, p) => onDone(n, p.id)} />
    </Wrapper>,
  );
  return screen.getByRole('dialog', { name: 'Assign a price to seizures' });
}

describe('BulkAssignDialog', () => {
  it('lists matches from the whole case (a volume seizure too), keeps an unconvertible one out with its reason, and writes the valuations', async () => {
    const cv = replica();
    expect(new CaseDoc(cv.doc).getSeizure(RAW_2)).toBeNull(); // not on the replica
    const done: [number, string][] = [];
    const dialog = renderDialog(cv, (n, p) => done.push([n, p]));
    expect(within(dialog).getByRole('button', { name: 'Assign to 0 seizures' })).toHaveProperty('disabled', true);
    expect(within(dialog).getByText('Type part of a commodity or species name, or pick a sector, to list the seizures.')).toBeTruthy();

    fireEvent.change(within(dialog).getByLabelText('Price reference'), { target: { value: PRICE.id } });
    fireEvent.change(within(dialog).getByLabelText('Commodity or species contains'), { target: { value: 'ivory' } });
    const table = await within(dialog).findByRole('table', { name: 'Matching seizures' }, { timeout: 5000 });
    const groups = (): (string | null)[] => [...table.querySelectorAll('tr.group-row th[scope="rowgroup"]')].map((th) => th.textContent);
    await waitFor(() => expect(groups()).toEqual(['elephant ivory (carved) · 1', 'elephant ivory (raw tusks) · 2']), { timeout: 5000 });

    const carved = within(table).getByRole('checkbox', { name: 'elephant ivory (carved), 11 Feb 2018' });
    expect(carved).toHaveProperty('disabled', true);
    expect(carved.closest('tr')!.className).toBe('row-disabled');
    expect(within(table).getByText('Cannot be valued: priced per kg, seized in pieces')).toBeTruthy();
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Assign to 2 seizures' })).toHaveProperty('disabled', false));

    // Uncheck the case doc's: only the volume's seizure is valued.
    fireEvent.click(within(table).getByRole('checkbox', { name: 'elephant ivory (raw tusks), 3 Apr 2019' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Assign to 1 seizure' }));
    expect(done).toEqual([[1, PRICE.id]]);
    expect(cv.listValuations().map((v) => [v.seizureId, v.priceReferenceId, v.factor])).toEqual([[RAW_2, PRICE.id, null]]);
  }, 30_000);

  it('narrows by sector on the service and says when nothing matches', async () => {
    const cv = replica();
    const dialog = renderDialog(cv, () => undefined);
    fireEvent.change(within(dialog).getByLabelText('Commodity or species contains'), { target: { value: 'ivory' } });
    await within(dialog).findByRole('table', { name: 'Matching seizures' }, { timeout: 5000 });
    fireEvent.change(within(dialog).getByLabelText(/^Sector/), { target: { value: 'forestry' } });
    await waitFor(() => expect(within(dialog).getByText('No seizure of this case matches.')).toBeTruthy(), { timeout: 5000 });
  }, 30_000);

  it('asks for the factor’s low end when only a label is given, and writes nothing', async () => {
    const cv = replica();
    const dialog = renderDialog(cv, () => undefined);
    fireEvent.change(within(dialog).getByLabelText('Price reference'), { target: { value: PRICE.id } });
    fireEvent.change(within(dialog).getByLabelText('Commodity or species contains'), { target: { value: 'raw' } });
    fireEvent.change(within(dialog).getByLabelText('What it converts'), { target: { value: 'worked to raw' } });
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Assign to 2 seizures' })).toHaveProperty('disabled', false), { timeout: 5000 });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Assign to 2 seizures' }));
    expect(within(dialog).getByText('Is required when a factor is given')).toBeTruthy();
    expect(cv.listValuations()).toEqual([]);
  }, 30_000);
});
