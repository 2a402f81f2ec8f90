/**
 * The tabs that still read the replica (timeline, entities, link chart, exhibits) say how many of
 * the case's seizures they list (issue 11 item 4): with 30 seizures in the case doc and 45 in a
 * volume doc, the case's count from the projection (`cases.get`, as the case screen reads it)
 * makes the notice say "30 of the case's 75 seizures"; a case whose seizures all sit in the case
 * doc shows no notice, and the singular is written as such. An exhibit linked to a seizure held in
 * the volume names it (through `seizures.get`) instead of calling it gone.
 */
// @vitest-environment happy-dom
import { randomUUID } from 'node:crypto';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { volumeDocName } from '../../../shared/docs/names';
import { listVolumesIn, VolumeDoc } from '../../../shared/docs/volume-doc';
import { newSeizureFields } from '../../../shared/domain/seizure';
import { ReplicaSeizuresNotice } from '../../../renderer/src/case/replica-seizures-notice';
import { useLiveQuery } from '../../../renderer/src/data/use-live-query';
import { ExhibitDetail } from '../../../renderer/src/exhibits/exhibit-detail';
import { newExhibitFields } from '../../../shared/domain/exhibit';
import { caseFixture, withClient, type CaseFixture } from '../data/render-with-client';

let fx: CaseFixture;
let volumeSeizureId = '';
const writer = { memberId: 'ada' };
const rows = (n: number): { id: string; fields: ReturnType<typeof newSeizureFields> }[] => Array.from({ length: n }, (_v, i) => ({ id: randomUUID(), fields: { ...newSeizureFields('2026-01-01'), country: 'SG', commodity: `c${i}` } }));

beforeAll(async () => {
  fx = await caseFixture();
  const ws = fx.h.service.workspace(fx.workspaceId);
  ws.host.with(fx.docName, (doc) => {
    new CaseDoc(doc).addSeizures(rows(30), writer);
    listVolumesIn(doc, [1], writer);
  });
  const vol = rows(45);
  volumeSeizureId = vol[7]!.id;
  ws.host.with(volumeDocName(fx.workspaceId, fx.caseId, 1), (doc) => new VolumeDoc(doc).insertSeizures(vol, writer));
}, 60_000);
afterAll(() => fx.h.close());
afterEach(cleanup);

/** As the case screen: the tab's replica count beside the case's count from `cases.get`. */
function Tab(props: { shown: number }): ReactNode {
  const q = useLiveQuery('cases.get', { workspaceId: fx.workspaceId, caseId: fx.caseId });
  return <ReplicaSeizuresNotice shown={props.shown} total={q.data?.seizureCount ?? null} />;
}

describe('replica seizures notice', () => {
  it('says how many of the case’s seizures a replica tab lists, from the projection’s count', async () => {
    const Wrapper = withClient(fx.admin, fx.identity);
    render(
      <Wrapper>
        <Tab shown={30} />
      </Wrapper>,
    );
    const notice = await screen.findByTestId('replica-seizures-notice');
    expect(notice.textContent).toContain('This tab lists 30 of the case’s 75 seizures: those kept in the case file itself.');
  });

  it('shows nothing when the tab lists them all or the total is not known, and writes one seizure as such', () => {
    const { container, rerender } = render(<ReplicaSeizuresNotice shown={75} total={75} />);
    expect(container.textContent).toBe('');
    rerender(<ReplicaSeizuresNotice shown={0} total={null} />);
    expect(container.textContent).toBe('');
    rerender(<ReplicaSeizuresNotice shown={0} total={1} />);
    expect(container.textContent).toContain('lists 0 of the case’s 1 seizure:');
  });

  it('names an exhibit’s seizure held in a volume (read through seizures.get), not “no longer in this case”', async () => {
    const Wrapper = withClient(fx.admin, fx.identity);
    const exhibit = { ...newExhibitFields(), description: 'Tusk', seizureId: volumeSeizureId, id: randomUUID(), number: 1, createdBy: 'ada', createdAt: 0, updatedBy: 'ada', updatedAt: 0 };
    render(
      <Wrapper>
        <ExhibitDetail exhibit={exhibit} caseRef={{ workspaceId: fx.workspaceId, caseId: fx.caseId }} seizures={[]} files={[]} />
      </Wrapper>,
    );
    expect(await screen.findByText(/^c7\b/)).toBeTruthy();
    expect(screen.queryByText('A seizure that is no longer in this case')).toBeNull();
  });
});
