/**
 * The seizure tab of a large case (issue 11 item 4): 1,200 seizures in the case doc's replica
 * would be the old way; here 30 live in the case doc and 1,500 in a volume doc the renderer never
 * loads. The tab counts all 1,530 from the projection, renders only the rows in view (the table
 * says how many there are in all: `aria-rowcount`), fetches later pages when scrolled there,
 * sorts on the service (by commodity, saying "Sorting…" until the new order arrives), and opens a volume seizure's detail, editable and deletable
 * through the service (G-TAB-1).
 */
// @vitest-environment happy-dom
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import type { ReactNode } from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { volumeDocName } from '../../../shared/docs/names';
import { listVolumesIn, VolumeDoc } from '../../../shared/docs/volume-doc';
import { newSeizureFields } from '../../../shared/domain/seizure';
import { SeizurePanel } from '../../../renderer/src/case/seizure-panel';
import { ToastProvider } from '../../../renderer/src/ui/toast';
import { caseFixture, withClient, type CaseFixture } from '../data/render-with-client';

let fx: CaseFixture;
let cd: CaseDoc;
const writer = { memberId: 'ada' };
const VOLUME = 1500;
const INLINE = 30;

beforeAll(async () => {
  fx = await caseFixture();
  const ws = fx.h.service.workspace(fx.workspaceId);
  ws.host.with(fx.docName, (doc) => {
    new CaseDoc(doc).addSeizures(Array.from({ length: INLINE }, (_v, i) => ({ id: randomUUID(), fields: { ...newSeizureFields('2026-01-01'), seizureDate: '2026-01-01', country: 'SG', commodity: `inline ${String(i).padStart(4, '0')}` } })), writer);
    listVolumesIn(doc, [1], writer);
  });
  ws.host.with(volumeDocName(fx.workspaceId, fx.caseId, 1), (doc) =>
    new VolumeDoc(doc).insertSeizures(
      Array.from({ length: VOLUME }, (_v, i) => ({ id: randomUUID(), fields: { ...newSeizureFields('2025-01-01'), seizureDate: `2025-${String(1 + (i % 12)).padStart(2, '0')}-01`, country: 'VN', commodity: `volume ${String(i).padStart(4, '0')}`, transportMode: 'sea' as const } })),
      writer,
    ),
  );
  const local = new Y.Doc();
  Y.applyUpdate(local, ws.host.with(fx.docName, (d) => Y.encodeStateAsUpdate(d)));
  cd = new CaseDoc(local);
}, 120_000);
afterAll(() => fx.h.close());

function Panel(props: { selected: string | null; onSelect: (id: string | null) => void }): ReactNode {
  return (
    <SeizurePanel caseDoc={cd} seizures={cd.listSeizures()} seizureCount={INLINE + VOLUME} writer={writer} readOnly={false} selected={props.selected} onSelect={props.onSelect} onAdd={() => undefined} onEdit={() => undefined} onImport={() => undefined} workspaceId={fx.workspaceId} linkVersion={0} />
  );
}

describe('seizure tab of a large case', () => {
  it('renders only the rows in view, fetches the rows scrolled to, sorts on the service and edits a volume seizure through it', async () => {
    const Wrapper = withClient(fx.admin, fx.identity);
    let selected: string | null = null;
    const view = (): ReactNode => (
      <Wrapper>
        <ToastProvider>
          <Panel selected={selected} onSelect={(id) => (selected = id)} />
        </ToastProvider>
      </Wrapper>
    );
    const { rerender } = render(view());
    const table = await screen.findByRole('table', { name: /seizures/i });
    expect(table.getAttribute('aria-rowcount')).toBe(String(INLINE + VOLUME + 1));
    expect(screen.getByText('1,530 seizures')).toBeTruthy();
    const rendered = (): HTMLElement[] => [...table.querySelectorAll<HTMLElement>('tbody tr[data-seizure-id]')];
    // Newest first: the case doc's 2026 seizures, then the volume's; far fewer rows than the case holds.
    expect(rendered().length).toBeGreaterThan(10);
    expect(rendered().length).toBeLessThan(100);
    expect(rendered()[0]!.textContent).toContain('inline');
    // Scrolled far down: the rows there come from a later page, at their place in the order.
    const scroller = table.closest('.table-scroll') as HTMLDivElement;
    scroller.scrollTop = 44 * 1200;
    fireEvent.scroll(scroller);
    await waitFor(() => expect(Number(rendered()[0]?.getAttribute('aria-rowindex'))).toBeGreaterThan(1100));
    expect(rendered().every((r) => r.textContent!.includes('volume'))).toBe(true);
    // Sorted by commodity on the service, A→Z: "inline 0000" first, whatever was loaded before.
    fireEvent.click(screen.getByRole('button', { name: /Commodity/ }));
    // Until the service answers, the rows on screen are in the old order, and the tab says it is sorting (tester4).
    const count = screen.getByTestId('seizure-count');
    expect(count.textContent).toBe('Sorting…');
    expect(count.getAttribute('aria-busy')).toBe('true');
    await waitFor(() => expect(rendered()[0]?.textContent).toContain('inline 0000'));
    expect(count.textContent).toBe('1,530 seizures');
    expect(count.getAttribute('aria-busy')).toBeNull();
    // A volume seizure: edited and deleted like a case-doc one (G-TAB-1), its detail read from the service.
    fireEvent.click(screen.getByRole('button', { name: /Commodity/ }));
    await waitFor(() => expect(rendered()[0]?.textContent).toContain('volume 1499'));
    const row = rendered()[0]!;
    const id = row.getAttribute('data-seizure-id')!;
    expect(row.querySelector('button[aria-label^="Edit"]')).not.toBeNull();
    fireEvent.click(row.querySelector('.link-button')!);
    rerender(view());
    await waitFor(() => expect(screen.getByRole('complementary', { hidden: true }).textContent).toContain('volume 1499'));
    expect(screen.getAllByRole('button', { name: /^Edit/, hidden: true }).length).toBeGreaterThan(0);
    // Delete from the detail: a tombstone in the volume, the audit entry in the case doc.
    fireEvent.click(screen.getByRole('button', { name: 'Delete this seizure', hidden: true }));
    fireEvent.click(await screen.findByRole('button', { name: 'Delete seizure', hidden: true }));
    const ws = fx.h.service.workspace(fx.workspaceId);
    await waitFor(() => expect(ws.host.with(volumeDocName(fx.workspaceId, fx.caseId, 1), (doc) => (doc.getMap('seizures').get(id) as Y.Map<unknown>).get('deleted'))).toBe(true));
    expect(ws.host.with(fx.docName, (doc) => new CaseDoc(doc).readAudit().at(-1))).toMatchObject({ action: 'seizure.delete', target: id, summary: { commodity: 'volume 1499' } });
  }, 60_000);
});
