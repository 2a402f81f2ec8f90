/**
 * A browser-mode host serving a generated large case, for test/e2e/large-case.spec.ts (run with
 * tsx: Playwright's loader cannot import the service's JSON data). Writes LARGE_CASE_SEIZURES
 * (default 12,000) seizures into one case — 1,000 in its case doc, the rest in volume docs
 * (bench/p8-workload.ts; LARGE_CASE_AT_ONE_PLACE of them at one quay) — on a temporary data folder, starts the host and prints
 * `NEST Desk is running at <url> route=<hash route of the case's seizure tab> volumeSeizure=<id of
 * a seizure held in volume 1> pickSeizure=<id of the seizure markPickable renamed>`; stops and
 * removes the folder on SIGTERM.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataService } from '../../service/data-service';
import { startBrowserHost } from '../../service/entries/browser-host';
import { DataClient } from '../../renderer/src/data/client';
import { createLogger } from '../../node/log';
import { appPath } from '../../node/store/app-root';
import { newCaseFields } from '../../shared/domain/case';
import { fillCase, ONE_PLACE } from '../../bench/p8-workload';
import { volumeDocName } from '../../shared/docs/names';
import { listVolumes, VolumeDoc } from '../../shared/docs/volume-doc';
import { CaseDoc } from '../../shared/docs/case-doc';
import { randomUUID } from 'node:crypto';
import { timelinePeriod } from '../../shared/timeline/timeline';
import { transportPair } from '../helpers/transport-pair';

/**
 * For the seizure-picker spec (large-case-pickers.spec.ts): gives the first seizure of the LAST
 * volume that is not at the quay (bench/p8-workload.ts `ONE_PLACE`) words no other seizure has
 * (commodity "Helmeted hornbill casques", place "Kilindini harbour"; through CaseDoc.updateSeizure
 * with the volume as its home, as the app writes) and adds one organisation to the case doc to
 * link from. Counts and values stay as generated. Not a quay seizure: renaming one would put a
 * second place at the quay (map-place-pages.spec.ts lists its 1,200 seizures as at one place).
 * @returns the id of that volume seizure ('' when the case has no volume or it holds only quay seizures).
 */
function markPickable(service: DataService, wsId: string, caseId: string, memberId: string): string {
  const rt = service.workspace(wsId);
  const w = { memberId };
  const last = rt.host.with(rt.caseDocName(caseId), (doc) => Math.max(0, ...listVolumes(doc)));
  rt.host.with(rt.caseDocName(caseId), (doc) => new CaseDoc(doc).addEntity(randomUUID(), { kind: 'organisation', name: 'Kilindini Freight Ltd', aliases: [], registrationNumber: '', jurisdiction: 'KE', notes: '' }, w));
  if (!last) return '';
  return rt.host.with(rt.caseDocName(caseId), (caseDoc) =>
    rt.host.with(volumeDocName(wsId, caseId, last), (doc) => {
      const volume = new VolumeDoc(doc);
      const id = volume.listSeizures().find((s) => s.place !== ONE_PLACE.place)?.id;
      if (!id) return '';
      new CaseDoc(caseDoc).updateSeizure(id, { commodity: 'Helmeted hornbill casques', place: 'Kilindini harbour' }, w, volume.home());
      return id;
    }),
  );
}

async function main(): Promise<void> {
  const total = Number(process.env.LARGE_CASE_SEIZURES ?? 12_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nest-large-case-'));
  const logger = createLogger('e2e', 'error');
  const service = DataService.open({ dataDir, mode: 'browser', logger });
  const [a, b] = transportPair();
  service.connect(a);
  const client = new DataClient(b);
  const me = await client.call('identity.create', { name: 'Amina Mwangi', agency: 'Kenya Wildlife Service', role: 'admin' });
  const ws = await client.call('workspaces.create', { name: 'Task Force Alpha', casePrefix: 'NEST', reportingCurrency: 'USD' });
  const c = await client.call('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-01-01'), title: 'National seizure register 2015–2024', jurisdictions: ['KE'] } });
  fillCase(service.workspace(ws.id), c.id, total, me.memberId, 7, Number(process.env.LARGE_CASE_AT_ONE_PLACE ?? 0));
  // One seizure held in volume 1, for the spec that edits a volume seizure from the window.
  const first = service.workspace(ws.id).host.with(volumeDocName(ws.id, c.id, 1), (doc) => new VolumeDoc(doc).listSeizures()[0]);
  const inVolume = first?.id ?? '';
  // Its timeline period, for the spec that finds it on the timeline.
  const volumePeriod = first ? timelinePeriod(first.seizureDate, first.datePrecision) : '';
  const pick = markPickable(service, ws.id, c.id, me.memberId);
  const host = await startBrowserHost({ service, rendererDir: appPath('dist', 'renderer'), logger });
  process.stdout.write(`NEST Desk is running at ${host.url} route=#/w/${ws.id}/c/${c.id}/seizures volumeSeizure=${inVolume} volumePeriod=${volumePeriod} pickSeizure=${pick}\n`);
  const stop = async (): Promise<void> => {
    await host.close();
    service.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

void main();
