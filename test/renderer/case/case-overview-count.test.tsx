/**
 * The overview's key figures for a case larger than its case doc (issue 11 item 4, tester finding
 * G-IMP-1: "1,000 seizures" shown for a 30,000-seizure case). 1,000 seizures in the case doc and
 * 2,000 in a volume doc the window never loads: the Seizures tile says 3,000 (from `cases.stats`),
 * the countries tile counts a country only the volume has, and a seizure added to the volume later
 * raises the figure live (the projection's change event refetches it).
 */
// @vitest-environment happy-dom
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { volumeDocName } from '../../../shared/docs/names';
import { listVolumesIn, VolumeDoc } from '../../../shared/docs/volume-doc';
import { newSeizureFields, type SeizureFields } from '../../../shared/domain/seizure';
import { CaseOverview } from '../../../renderer/src/case/case-overview';
import { ToastProvider } from '../../../renderer/src/ui/toast';
import { caseFixture, withClient, type CaseFixture } from '../data/render-with-client';

let fx: CaseFixture;
let cd: CaseDoc;
const writer = { memberId: 'ada' };
const seizure = (i: number, country: string): { id: string; fields: SeizureFields } => ({ id: randomUUID(), fields: { ...newSeizureFields('2026-01-01'), seizureDate: '2025-03-01', country, commodity: `c${i}`, ...(i % 2 ? { latitude: 1.3, longitude: 103.8 } : {}) } });

beforeAll(async () => {
  fx = await caseFixture();
  const ws = fx.h.service.workspace(fx.workspaceId);
  ws.host.with(fx.docName, (doc) => {
    new CaseDoc(doc).addSeizures(Array.from({ length: 1000 }, (_v, i) => seizure(i, 'SG')), writer);
    listVolumesIn(doc, [1], writer);
  });
  ws.host.with(volumeDocName(fx.workspaceId, fx.caseId, 1), (doc) => new VolumeDoc(doc).insertSeizures(Array.from({ length: 2000 }, (_v, i) => seizure(1000 + i, 'VN')), writer));
  const local = new Y.Doc();
  Y.applyUpdate(local, ws.host.with(fx.docName, (d) => Y.encodeStateAsUpdate(d)));
  cd = new CaseDoc(local);
}, 120_000);
afterAll(() => fx.h.close());

describe('case overview of a case with volume docs', () => {
  it('counts every seizure of the case, not the replica’s 1,000, and follows changes', async () => {
    expect(cd.seizureCount()).toBe(1000);
    const Wrapper = withClient(fx.admin, fx.identity);
    render(
      <Wrapper>
        <ToastProvider>
          <CaseOverview caseDoc={cd} meta={cd.readMeta()!} writer={writer} readOnly={false} summaryVersion={0} activityVersion={0} workspaceId={fx.workspaceId} />
        </ToastProvider>
      </Wrapper>,
    );
    const tile = await screen.findByTestId('stat-seizures');
    expect(tile.textContent).toBe('3,000');
    expect(screen.getByText('1,500 on the map')).toBeTruthy();
    // SG from the case doc, VN only from the volume.
    expect(screen.getByText('Seizing countries').nextElementSibling?.textContent).toBe('2');
    const ws = fx.h.service.workspace(fx.workspaceId);
    ws.host.with(volumeDocName(fx.workspaceId, fx.caseId, 1), (doc) => new VolumeDoc(doc).insertSeizures([seizure(3000, 'KE')], writer));
    await waitFor(() => expect(screen.getByTestId('stat-seizures').textContent).toBe('3,001'), { timeout: 5000 });
    expect(screen.getByText('Seizing countries').nextElementSibling?.textContent).toBe('3');
    // The fixture's workspace has no relay: its edits are saved here, not shared (tester finding).
    expect(await screen.findByText('Changes are saved on this computer (no relay)')).toBeTruthy();
    expect(screen.queryByText(/saved and shared/)).toBeNull();
  }, 60_000);
});
