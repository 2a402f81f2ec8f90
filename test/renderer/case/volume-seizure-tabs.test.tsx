/**
 * The timeline, entities/link chart and exhibits tabs show seizures held in volume docs (issue 11
 * item 4), rendered against a real data service: a case with 1,000 seizures in its case doc and
 * 600 in volume 1. The timeline counts all 1,600 per period and, when a period only the volume
 * holds is opened, lists its seizure; a link from an entity to a volume seizure is listed with the
 * seizure's commodity (the replica alone did not list it at all); an exhibit's volume seizure is
 * named in the exhibits' look-up, and an unknown id is called gone only once answered. The seizure
 * detail lists the entity linked to a volume seizure as it does for a case-doc seizure (it read the
 * replica only and listed nothing), and nothing for a volume seizure without links.
 */
// @vitest-environment happy-dom
import { randomUUID } from 'node:crypto';
import type { ReactNode } from 'react';
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { volumeDocName } from '../../../shared/docs/names';
import { listVolumesIn, VolumeDoc } from '../../../shared/docs/volume-doc';
import { newSeizureFields, type SeizureFields } from '../../../shared/domain/seizure';
import { newLinkFields } from '../../../shared/domain/entity-links';
import type { DocReplica } from '../../../renderer/src/data/client';
import { TimelineTab } from '../../../renderer/src/timeline/timeline-tab';
import { useCaseLinks } from '../../../renderer/src/entities/use-case-links';
import { useSeizureLookup } from '../../../renderer/src/case/use-seizure-lookup';
import { exhibitSeizureLabel } from '../../../renderer/src/exhibits/exhibit-labels';
import { SeizureDetail } from '../../../renderer/src/case/seizure-detail';
import { useConcurrentEdits } from '../../../renderer/src/case/use-concurrent-edits';
import { ToastProvider } from '../../../renderer/src/ui/toast';
import type { Seizure } from '../../../shared/domain/seizure';
import { caseFixture, withClient, type CaseFixture } from '../data/render-with-client';

let fx: CaseFixture;
const writer = { memberId: 'ada' };
const VESSEL = randomUUID();
/** Seizure ids: 0–999 in the case doc (2016), 1000–1599 in volume 1 (2019; 1599 alone in 2010-07). */
const ids = Array.from({ length: 1600 }, () => randomUUID());

function fields(i: number): SeizureFields {
  const base = { ...newSeizureFields('2026-01-01'), country: 'KE', commodity: i === 1599 ? 'rhino horn' : `c${i}` };
  if (i === 1599) return { ...base, seizureDate: '2010-07-14' };
  return { ...base, seizureDate: `${i < 1000 ? 2016 : 2019}-${String(1 + (i % 12)).padStart(2, '0')}-10` };
}

beforeAll(async () => {
  fx = await caseFixture();
  const ws = fx.h.service.workspace(fx.workspaceId);
  const rec = (from: number, to: number): { id: string; fields: SeizureFields }[] => Array.from({ length: to - from }, (_v, k) => ({ id: ids[from + k]!, fields: fields(from + k) }));
  ws.host.with(fx.docName, (doc) => {
    const cd = new CaseDoc(doc);
    cd.addSeizures(rec(0, 1000), writer);
    listVolumesIn(doc, [1], writer);
  });
  ws.host.with(volumeDocName(fx.workspaceId, fx.caseId, 1), (doc) => new VolumeDoc(doc).insertSeizures(rec(1000, 1600), writer));
  // A vessel linked to a case-doc seizure and to the volume's rhino horn (the service accepts volume ends).
  ws.host.with(fx.docName, (doc) => {
    const cd = new CaseDoc(doc);
    cd.addEntity(VESSEL, { kind: 'vessel', name: 'Kota Hapas', aliases: [], imo: '9074729', mmsi: '', flag: '', callSign: '', notes: '' }, writer);
    const ends = { held: (id: string) => id === ids[1599], live: (id: string) => id === ids[1599] };
    cd.addLink(randomUUID(), newLinkFields(VESSEL, ids[5]!, 'involved-in'), writer, ends);
    cd.addLink(randomUUID(), newLinkFields(VESSEL, ids[1599]!, 'involved-in'), writer, ends);
  });
}, 120_000);
afterAll(() => fx.h.close());
afterEach(cleanup);

/** The window's replica: the case doc as the service holds it now (never a volume). */
function replicaDoc(): Y.Doc {
  const local = new Y.Doc();
  Y.applyUpdate(local, fx.h.service.workspace(fx.workspaceId).host.with(fx.docName, (d) => Y.encodeStateAsUpdate(d)));
  return local;
}

describe('tabs that show seizures held in volume docs', () => {
  it('the timeline counts every seizure per period and lists a volume seizure when its period is opened', async () => {
    const Wrapper = withClient(fx.admin, fx.identity);
    const replica = { doc: replicaDoc() } as unknown as DocReplica;
    render(
      <Wrapper>
        <TimelineTab workspaceId={fx.workspaceId} caseId={fx.caseId} replica={replica} writer={writer} readOnly version={0} />
      </Wrapper>,
    );
    expect((await screen.findByTestId('timeline-count')).textContent).toBe('1,600 entries');
    // 2010-07 is held by the volume alone; it comes first. Closed: counted, not listed.
    const first = document.querySelector('.timeline-period')!;
    expect(first.getAttribute('data-period')).toBe('2010-07');
    expect(first.textContent).toContain('1 seizure');
    expect(first.querySelector('.timeline-entry')).toBeNull();
    const periods = [...document.querySelectorAll('.timeline-period')].map((el) => el.getAttribute('data-period'));
    expect(periods).toHaveLength(25); // 2010-07, 12 months of 2016, 12 of 2019
    fireEvent.click(within(first as HTMLElement).getByRole('button', { name: 'Show the seizure' }));
    await waitFor(() => expect(first.querySelector(`[data-record-id="${ids[1599]}"]`)?.textContent).toContain('rhino horn'));
    // A month of 2019 (volume only): 50 seizures, read 100 at a time, all shown once opened.
    const march = document.querySelector('[data-period="2019-03"]') as HTMLElement;
    expect(march.textContent).toContain('50 seizures');
    fireEvent.click(within(march).getByRole('button', { name: 'Show the 50 seizures' }));
    await waitFor(() => expect(march.querySelectorAll('.timeline-entry')).toHaveLength(50));
    expect([...march.querySelectorAll('.timeline-entry')].every((li) => li.textContent!.includes('2019-03-10'))).toBe(true);
  });

  it('lists a link to a volume seizure with its commodity (the replica alone drops it)', async () => {
    const doc = replicaDoc();
    expect(new CaseDoc(doc).listLinks().map((l) => l.to)).toEqual([ids[5]]);
    function Links(): ReactNode {
      const cl = useCaseLinks(fx.workspaceId, fx.caseId, new CaseDoc(doc), 0, true);
      if (cl.pending) return <p>pending</p>;
      return (
        <ul>
          {cl.links.map((l) => (
            <li key={l.id}>{cl.seizures.get(l.to)?.commodity ?? 'unnamed'}</li>
          ))}
        </ul>
      );
    }
    const Wrapper = withClient(fx.admin, fx.identity);
    render(
      <Wrapper>
        <Links />
      </Wrapper>,
    );
    await waitFor(() => expect(screen.queryAllByRole('listitem').map((li) => li.textContent)).toEqual(['c5', 'rhino horn']));
  });

  it('names an exhibit’s volume seizure, and calls an unknown one gone only once the service answered', async () => {
    const unknown = randomUUID();
    const seen: string[][] = [];
    function Labels(): ReactNode {
      const lookup = useSeizureLookup(fx.workspaceId, fx.caseId, [ids[1200]!, unknown]);
      const labels = [exhibitSeizureLabel(ids[1200]!, lookup), exhibitSeizureLabel(unknown, lookup), exhibitSeizureLabel(null, lookup)];
      seen.push(labels);
      return <p data-testid="labels">{labels.join(' | ')}</p>;
    }
    const Wrapper = withClient(fx.admin, fx.identity);
    render(
      <Wrapper>
        <Labels />
      </Wrapper>,
    );
    await waitFor(() => expect(screen.getByTestId('labels').textContent).toBe('c1200 · — · 10 Jan 2019 · Kenya | A seizure that is no longer in this case | Not linked to a seizure'));
    expect(seen[0]).toEqual(['Looking the seizure up…', 'Looking the seizure up…', 'Not linked to a seizure']);
  });

  it('the seizure detail lists the entity linked to a volume seizure, as for a case-doc seizure', async () => {
    const cd = new CaseDoc(replicaDoc());
    const read = async (id: string): Promise<Seizure> => (await fx.admin.call('seizures.get', { workspaceId: fx.workspaceId, caseId: fx.caseId, seizureId: id }))!;
    function Detail(props: { seizure: Seizure }): ReactNode {
      const edits = useConcurrentEdits(cd, writer);
      return <SeizureDetail seizure={props.seizure} caseDoc={cd} writer={writer} readOnly edits={edits} memberName={() => 'Ada'} onClose={() => undefined} onEdit={null} onDelete={null} workspaceId={fx.workspaceId} caseId={fx.caseId} linkVersion={0} />;
    }
    const Wrapper = withClient(fx.admin, fx.identity);
    const show = async (id: string): Promise<void> => {
      cleanup();
      const seizure = await read(id);
      render(
        <Wrapper>
          <ToastProvider>
            <Detail seizure={seizure} />
          </ToastProvider>
        </Wrapper>,
      );
      await screen.findByRole('heading', { name: seizure.commodity });
    };
    // In volume 1 (not on the replica): listed once the service has answered.
    expect(cd.getSeizureEvenDeleted(ids[1599]!)).toBeNull();
    await show(ids[1599]!);
    const linked = await screen.findByTestId('seizure-linked-entities');
    await waitFor(() => expect([...linked.querySelectorAll('.entity-link')].map((li) => li.textContent)).toEqual(['Kota HapasVessel · involved in']));
    expect(screen.queryByTestId('linked-entities-looking-up')).toBeNull();
    // In the case doc: the same list.
    await show(ids[5]!);
    expect([...(await screen.findByTestId('seizure-linked-entities')).querySelectorAll('.entity-link')].map((li) => li.textContent)).toEqual(['Kota HapasVessel · involved in']);
    // A volume seizure nobody linked: no section, nothing "looking up".
    await show(ids[1200]!);
    expect(screen.queryByTestId('seizure-linked-entities')).toBeNull();
  });
});
