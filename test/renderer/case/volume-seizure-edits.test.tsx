/**
 * The single-seizure editors on a seizure held in a volume doc (tester finding G-TAB-1): a case of
 * 1,000 seizures in its case doc and three in volume 1. The window's replica is a copy of the
 * case doc only, so every edit of the volume seizure must go to the real data service
 * (case/seizure-writes.ts → `seizures.*`), be written in the volume, audited in the case doc,
 * and read back in the field history. Components are rendered as the app does, against a real
 * service; what the test reads is the service's docs.
 */
// @vitest-environment happy-dom
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { fieldHistory } from '../../../shared/docs/field-history';
import { volumeDocName } from '../../../shared/docs/names';
import { INLINE_SEIZURES, listVolumesIn, VolumeDoc } from '../../../shared/docs/volume-doc';
import { newSeizureFields, type Seizure } from '../../../shared/domain/seizure';
import { SeizureDetail } from '../../../renderer/src/case/seizure-detail';
import { SeizureFormDialog } from '../../../renderer/src/case/seizure-form-dialog';
import { useConcurrentEdits } from '../../../renderer/src/case/use-concurrent-edits';
import { ToastProvider } from '../../../renderer/src/ui/toast';
import { caseFixture, withClient, type CaseFixture } from '../data/render-with-client';

let fx: CaseFixture;
let writer: { memberId: string };
const vol = [randomUUID(), randomUUID(), randomUUID()];
const base = { ...newSeizureFields('2024-03-01'), country: 'VN', place: 'Hai Phong', quantity: 40, unit: 'kg' as const };

beforeAll(async () => {
  fx = await caseFixture();
  writer = { memberId: fx.identity.memberId };
  const ws = fx.h.service.workspace(fx.workspaceId);
  ws.host.with(fx.docName, (doc) => {
    new CaseDoc(doc).addSeizures(Array.from({ length: INLINE_SEIZURES }, (_v, i) => ({ id: randomUUID(), fields: { ...base, commodity: `inline ${i}` } })), writer);
    listVolumesIn(doc, [1], writer);
  });
  ws.host.with(volumeDocName(fx.workspaceId, fx.caseId, 1), (doc) =>
    new VolumeDoc(doc).insertSeizures(vol.map((id, i) => ({ id, fields: { ...base, commodity: ['pangolin scales', 'ivory', 'rosewood'][i]! } })), writer),
  );
}, 120_000);
afterAll(() => fx.h.close());
afterEach(cleanup);

const ws = () => fx.h.service.workspace(fx.workspaceId);
const inVolume = (id: string) => ws().host.with(volumeDocName(fx.workspaceId, fx.caseId, 1), (doc) => new VolumeDoc(doc).getSeizure(id));
const serviceAudit = () => ws().host.with(fx.docName, (doc) => new CaseDoc(doc).readAudit());
/** The window's replica: the case doc as the service holds it now (never a volume). */
function replica(): CaseDoc {
  const local = new Y.Doc();
  Y.applyUpdate(local, ws().host.with(fx.docName, (d) => Y.encodeStateAsUpdate(d)));
  return new CaseDoc(local);
}
const read = async (id: string): Promise<Seizure> => (await fx.admin.call('seizures.get', { workspaceId: fx.workspaceId, caseId: fx.caseId, seizureId: id }))!;

function Detail(props: { caseDoc: CaseDoc; seizure: Seizure }): ReactNode {
  const edits = useConcurrentEdits(props.caseDoc, writer);
  return <SeizureDetail seizure={props.seizure} caseDoc={props.caseDoc} writer={writer} readOnly={false} edits={edits} memberName={() => 'Ana Lima'} onClose={() => undefined} onEdit={null} onDelete={null} workspaceId={fx.workspaceId} caseId={fx.caseId} linkVersion={0} />;
}

/** Renders `ui` as the app does: the services (a real client of the service) and toasts. */
function inApp(ui: ReactNode): void {
  const Wrapper = withClient(fx.admin, fx.identity);
  render(
    <Wrapper>
      <ToastProvider>{ui}</ToastProvider>
    </Wrapper>,
  );
}

describe('editing a seizure held in a volume doc from the window', () => {
  it('inline field: writes the volume through the service, audited in the case doc; a refused value shows its message and writes nothing', async () => {
    const id = vol[0]!;
    const cd = replica();
    expect(cd.getSeizureEvenDeleted(id)).toBeNull(); // not on the replica: the old code could not write it
    inApp(<Detail caseDoc={cd} seizure={await read(id)} />);
    const fields = screen.getByTestId('seizure-inline-fields');
    const commodity = within(fields).getByLabelText('Commodity') as HTMLInputElement;
    fireEvent.change(commodity, { target: { value: 'pangolin scales (white-bellied)' } });
    fireEvent.blur(commodity);
    await waitFor(() => expect(inVolume(id)?.commodity).toBe('pangolin scales (white-bellied)'));
    expect(inVolume(id)?.updatedBy).toBe(writer.memberId);
    expect(serviceAudit().at(-1)).toMatchObject({ action: 'seizure.update', target: id, by: writer.memberId, changes: { commodity: { from: 'pangolin scales', to: 'pangolin scales (white-bellied)' } } });
    // The record stays in its volume: nothing was copied into the case doc.
    expect(ws().host.with(fx.docName, (doc) => new CaseDoc(doc).getSeizureEvenDeleted(id))).toBeNull();

    // A quantity the schema refuses (not positive): the service says why, next to the field.
    const auditLength = serviceAudit().length;
    const quantity = within(fields).getByLabelText('Quantity') as HTMLInputElement;
    fireEvent.change(quantity, { target: { value: '-3' } });
    fireEvent.blur(quantity);
    await waitFor(() => expect(fields.textContent).toContain('Must be greater than zero'));
    expect(quantity.value).toBe('-3'); // kept for the member to correct
    expect(inVolume(id)?.quantity).toBe(40);
    expect(serviceAudit()).toHaveLength(auditLength);
  }, 60_000);

  it('field history: reads the volume seizure’s history from the case doc and restores an overwritten value through the service', async () => {
    const id = vol[1]!;
    await fx.admin.call('seizures.update', { workspaceId: fx.workspaceId, caseId: fx.caseId, seizureId: id, patch: { place: 'Da Nang' } });
    const cd = replica(); // the window has synced the audit entry
    inApp(<Detail caseDoc={cd} seizure={await read(id)} />);
    fireEvent.click(screen.getByRole('button', { name: /History of the place/i }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getAllByTestId('history-value').map((e) => e.textContent)).toEqual(['“Da Nang”', '“Hai Phong”']);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Restore “Hai Phong”' }));
    await waitFor(() => expect(inVolume(id)?.place).toBe('Hai Phong'));
    expect(serviceAudit().at(-1)).toMatchObject({ action: 'seizure.restore', target: id, changes: { place: { from: 'Da Nang', to: 'Hai Phong' } } });
    const history = fieldHistory(serviceAudit(), id, 'place');
    expect(history.map((v) => [v.kind, v.value])).toEqual([
      ['initial', 'Hai Phong'],
      ['change', 'Da Nang'],
      ['restore', 'Hai Phong'],
    ]);
  }, 60_000);

  it('seizure form: saves only the changed fields into the volume, with one audit entry; the record stays valid', async () => {
    const id = vol[2]!;
    const cd = replica();
    let saved: string | null = null;
    let closed = false;
    inApp(<SeizureFormDialog caseDoc={cd} writer={writer} workspaceId={fx.workspaceId} seizure={await read(id)} defaultSector="wildlife" defaultCountry="VN" onClose={() => (closed = true)} onSaved={(s) => (saved = s)} />);
    const place = document.querySelector<HTMLInputElement>('[data-field="place"] input')!;
    fireEvent.change(place, { target: { value: 'Cat Lai port' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(closed).toBe(true));
    expect(saved).toBe(id);
    expect(inVolume(id)).toMatchObject({ place: 'Cat Lai port', commodity: 'rosewood', quantity: 40 });
    const last = serviceAudit().at(-1);
    expect(last).toMatchObject({ action: 'seizure.update', target: id, fields: ['place'], changes: { place: { from: 'Hai Phong', to: 'Cat Lai port' } } });
    expect(cd.getSeizureEvenDeleted(id)).toBeNull();
  }, 60_000);
  it('the form’s Add on a case whose case doc is full: the new seizure lands in volume 1 through seizures.add, audited; the case doc keeps 1,000', async () => {
    const cd = replica();
    let closed = false;
    let saved: string | null = null;
    inApp(<SeizureFormDialog caseDoc={cd} writer={writer} workspaceId={fx.workspaceId} seizure={null} defaultSector="wildlife" defaultCountry="VN" onClose={() => (closed = true)} onSaved={(s) => (saved = s)} />);
    const set = (k: string, value: string) => fireEvent.change(document.querySelector<HTMLInputElement>(`[data-field="${k}"] input`)!, { target: { value } });
    set('commodity', 'helmeted hornbill casques');
    set('place', 'Noi Bai airport');
    fireEvent.click(screen.getByRole('button', { name: 'Add seizure' }));
    await waitFor(() => expect(closed).toBe(true));
    const id = saved!;
    expect(inVolume(id)).toMatchObject({ commodity: 'helmeted hornbill casques', place: 'Noi Bai airport', country: 'VN', createdBy: writer.memberId });
    expect(serviceAudit().at(-1)).toMatchObject({ action: 'seizure.add', target: id, by: writer.memberId });
    expect(ws().host.with(fx.docName, (doc) => new CaseDoc(doc).seizureRecordCount())).toBe(INLINE_SEIZURES);
    expect(cd.getSeizureEvenDeleted(id)).toBeNull();
  }, 60_000);
});
