/**
 * The paced read of a case's seizures (readCompleteCaseSeizuresPaced, used by the pack export)
 * gives exactly what the one-step read gives — the same seizures in the same order, the same docs
 * and state vectors — for a case of 7,000 seizures in its case doc and two volume docs; it pauses
 * while parsing each volume (not only between docs), and leaves no volume loaded that was not
 * loaded before it. A volume that changes while it is parsed in place (between pauses) is read
 * again from a frozen copy of its new state: the result is still one state of each doc.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillCase } from '../../../bench/p8-workload';
import { readCompleteCaseSeizures, readCompleteCaseSeizuresPaced } from '../../../service/import/case-seizures-all';
import type { WorkspaceRuntime } from '../../../service/workspace/workspace-runtime';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { VolumeDoc } from '../../../shared/docs/volume-doc';
import { volumeDocName } from '../../../shared/docs/names';
import { registerCase, startService, type Harness } from '../../helpers/service';

let h: Harness;
let ws: WorkspaceRuntime;
let caseId = '';
let memberId = '';
beforeAll(async () => {
  h = startService();
  const r = await registerCase(h);
  ws = r.ws;
  caseId = r.caseId;
  memberId = r.w.memberId;
  fillCase(ws, caseId, 7000, r.w.memberId, 3);
  // As after a restart: no volume loaded.
  for (const n of [1, 2]) ws.host.unloadIdle(volumeDocName(ws.id, caseId, n));
}, 120_000);
afterAll(() => h?.close());

describe('readCompleteCaseSeizuresPaced', () => {
  it('reads what the one-step read reads, pausing within each volume, and unloads the volumes it loaded', async () => {
    const vols = [1, 2].map((n) => volumeDocName(ws.id, caseId, n));
    expect(ws.host.loadedNames().filter((n) => vols.includes(n))).toEqual([]);
    const caseDoc = ws.host.with(ws.caseDocName(caseId), (d) => new CaseDoc(d));
    let docs = 0;
    let eachDoc = 0;
    let pauses = 0;
    const paced = await readCompleteCaseSeizuresPaced(ws, caseId, caseDoc, async (n) => void (docs = n), async () => void eachDoc++, async () => void pauses++);
    expect(ws.host.loadedNames().filter((n) => vols.includes(n))).toEqual([]);
    const once = ws.host.with(ws.caseDocName(caseId), (d) => readCompleteCaseSeizures(ws, caseId, new CaseDoc(d)));

    expect(paced.live).toHaveLength(7000);
    expect(paced.live.map((s) => s.id)).toEqual(once.live.map((s) => s.id));
    expect(paced.live).toEqual(once.live);
    expect(paced.docs).toEqual(once.docs);
    expect(paced.missingVolumes).toEqual([]);
    expect(paced.volumes.held(once.live.at(-1)!.id)).toBe(once.volumes.held(once.live.at(-1)!.id));
    expect([docs, eachDoc]).toEqual([3, 3]);
    // Per volume: after loading it, after every 500 of its 5,000 + 1,000 seizures parsed (10 + 2);
    // then the sort of 7,000 (4 runs and their merges).
    expect(pauses).toBeGreaterThanOrEqual(2 + 12 + 4);
  }, 60_000);

  it('reads a volume again from a frozen copy when it changes while being parsed', async () => {
    const vol1 = volumeDocName(ws.id, caseId, 1);
    const caseDoc = ws.host.with(ws.caseDocName(caseId), (d) => new CaseDoc(d));
    // The first seizure the parse of volume 1 meets (map order), parsed before the change below.
    const first = ws.host.with(vol1, (d) => new VolumeDoc(d).listSeizures()[0]!.id);
    let pauses = 0;
    let deleted: string[] = [];
    const paced = await readCompleteCaseSeizuresPaced(ws, caseId, caseDoc, async () => undefined, async () => undefined, async () => {
      // Pause 1 follows volume 1's load, pause 2 its first 500 seizures parsed: then a member deletes one of those.
      if (++pauses === 2) deleted = ws.host.with(vol1, (d) => new VolumeDoc(d).markDeleted([first], { memberId }));
    });
    expect(deleted).toEqual([first]);
    const once = ws.host.with(ws.caseDocName(caseId), (d) => readCompleteCaseSeizures(ws, caseId, new CaseDoc(d)));
    // Read in place to the end, the deleted seizure (parsed before its deletion) would be in the result.
    expect(paced.live.some((s) => s.id === first)).toBe(false);
    expect(paced.live).toHaveLength(6999);
    expect(paced.live).toEqual(once.live);
    expect(paced.docs).toEqual(once.docs);
  }, 60_000);
});
