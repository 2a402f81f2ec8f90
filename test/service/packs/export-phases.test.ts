/**
 * A case pack export reports every phase (docs/case-packs.md "Progress") and keeps the data
 * service answering while it runs, over the real RPC with the real report printer: a case of 7,000
 * seizures, 1,000 in its case doc and the rest in two volume docs (bench/p8-workload.ts).
 * - The phases arrive complete and in order (read, provenance, tables, map, report, write, sign,
 *   complete), `done` never exceeds a known `total`, the totals are the case's (3 docs; rows of
 *   every table; mapped seizures; the pack's files), the last event is `complete`; the pack verifies.
 * - A `cases.list` sent when the read, tables, map or report phase starts is answered before that
 *   phase ends: the export yields while it parses the volumes, every few hundred rows while it
 *   builds the tables, every chunk of dots while it draws the map, and while Chromium prints; one
 *   sent when at most 500 rows of the tables are left (the STIX bundle's last seizures being
 *   written, object by object) is answered before the tables end (with the bundle built in one
 *   step, before branch stix, it came after them: run by hand)
 *   (asserted by the order of what the client receives over a transport that delivers on later
 *   turns of the event loop, not by timing; with YIELD_EVERY set past the rows the tables' answer
 *   came only after the tables were done, and with the map drawn in one step (before branch
 *   packblock) the map's answer came after the map: checked by hand).
 * - `packs.cancel` stops an export at its next step: it fails with `cancelled`, and nothing is left
 *   in pack-staging/; cancelling it again, or an unknown id, answers false.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCaseFields } from '../../../shared/domain/case';
import { PACK_PHASES, type PacksProgress } from '../../../shared/rpc/packs';
import { stagingDir } from '../../../service/packs/pack-staging';
import { fillCase } from '../../../bench/p8-workload';
import { DataClient } from '../../../renderer/src/data/client';
import { startService, type Harness } from '../../helpers/service';
import { transportPair } from '../../helpers/transport-pair';

const TOTAL = 7000;

let h: Harness;
let workspaceId = '';
let caseId = '';
beforeAll(async () => {
  h = startService();
  const c = h.client();
  const me = await c.call('identity.create', { name: 'Amina Mwangi', agency: 'Kenya Wildlife Service', role: 'admin' });
  const ws = await c.call('workspaces.create', { name: 'Task Force Alpha', casePrefix: 'NEST', reportingCurrency: 'USD' });
  const made = await c.call('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-01-01'), title: 'Register', tlp: 'GREEN' } });
  fillCase(h.service.workspace(ws.id), made.id, TOTAL, me.memberId, 7);
  workspaceId = ws.id;
  caseId = made.id;
}, 120_000);
afterAll(() => h?.close());

describe('pack export phases', () => {
  it('reports every phase in order within its totals, and answers a cases.list while it reads, builds the tables, draws the map and prints', async () => {
    // Frames arrive on a later turn of the event loop, as over the page's socket: an export that
    // only awaited resolved promises would not let them through.
    const [a, b] = transportPair({ macrotask: true });
    h.service.connect(a);
    const c = new DataClient(b);
    const exportId = randomUUID();
    type Answered = `cases.list answered in ${PacksProgress['phase'] | 'stix'}`;
    const log: (PacksProgress | Answered)[] = [];
    const asked = new Set<string>();
    const off = c.on('packs.progress', (p) => {
      if (p.exportId !== exportId) return;
      log.push(p);
      // Asked when the read, tables, map and report phases start: answered within the phase only
      // if the export yields while reading the volumes, building the tables, drawing the map, printing.
      if (!asked.has(p.phase) && (['read', 'tables', 'map', 'report'] as const).some((x) => x === p.phase)) {
        asked.add(p.phase);
        const phase = p.phase;
        void c.call('cases.list', { workspaceId }).then((list) => {
          expect(list.map((x) => x.id)).toContain(caseId);
          log.push(`cases.list answered in ${phase}`);
        });
      }
      // Asked at the first tables event of the STIX bundle's second pass (its last TOTAL rows: each
      // seizure's objects written). Built in one step after its last row was counted (before branch
      // stix), the whole bundle came after such an event, so the answer came after the tables' last
      // event. (The window is the whole pass, not its last 500 rows: progress events are paced,
      // and one may not fall in so short a window.)
      if (!asked.has('stix') && p.phase === 'tables' && p.total !== null && p.done >= p.total - TOTAL && p.done < p.total) {
        asked.add('stix');
        void c.call('cases.list', { workspaceId }).then(() => log.push('cases.list answered in stix'));
      }
    });
    const r = await c.call('packs.export', { workspaceId, caseId, exportId, handlingConfirmed: true });
    off();
    const events = log.filter((e): e is PacksProgress => typeof e !== 'string');

    // Complete and ordered: each phase once, in PACK_PHASES order.
    const phases = events.map((e) => e.phase).filter((p, i, a) => i === 0 || a[i - 1] !== p);
    expect(phases).toEqual([...PACK_PHASES]);
    for (const e of events) {
      expect(e).toMatchObject({ workspaceId, caseId, exportId });
      expect(e.done).toBeGreaterThanOrEqual(0);
      if (e.total !== null) expect(e.done).toBeLessThanOrEqual(e.total);
    }
    const lastOf = (phase: PacksProgress['phase']): PacksProgress => events.filter((e) => e.phase === phase).at(-1)!;
    expect(lastOf('read')).toMatchObject({ done: 3, total: 3 }); // the case doc and two volumes
    expect(lastOf('provenance').total).toBe(3); // never synced: nothing to check, no provenance.csv
    // case.json and seizures.csv list every seizure, seizures.geojson the mapped ones (all), STIX
    // every one twice (identified, then its objects written).
    expect(lastOf('tables')).toMatchObject({ done: 5 * TOTAL, total: 5 * TOTAL });
    expect(lastOf('map')).toMatchObject({ done: TOTAL, total: TOTAL });
    expect(lastOf('report').total).toBeGreaterThan(1);
    expect(lastOf('report').done).toBe(lastOf('report').total);
    expect(lastOf('write')).toMatchObject({ filesDone: r.counts.files, totalFiles: r.counts.files });
    expect(lastOf('write').done).toBe(lastOf('write').total);
    expect(events.at(-1)).toMatchObject({ phase: 'complete', done: 1, total: 1 });

    // Each answered while its phase was still running: before the phase's last event.
    for (const phase of ['read', 'tables', 'stix', 'map', 'report'] as const) {
      const answered = log.indexOf(`cases.list answered in ${phase}`);
      const lastOfPhase = log.reduce((at, e, i) => (typeof e !== 'string' && e.phase === (phase === 'stix' ? 'tables' : phase) ? i : at), -1);
      expect({ phase, answeredBeforeItsEnd: answered > 0 && answered < lastOfPhase }).toEqual({ phase, answeredBeforeItsEnd: true });
    }

    // The pack still verifies.
    expect(r.stagedId).not.toBeNull();
    const ok = await c.call('packs.verify', { workspaceId, stagedId: r.stagedId! });
    expect(ok).toMatchObject({ ok: true, problems: [] });
  }, 300_000);

  it('cancels a running export at its next step and leaves nothing in pack-staging', async () => {
    const c = h.client();
    const exportId = randomUUID();
    const before = fs.existsSync(stagingDir(h.dataDir)) ? fs.readdirSync(stagingDir(h.dataDir)) : [];
    const seen: PacksProgress['phase'][] = [];
    let cancelled: Promise<{ cancelled: boolean }> | null = null;
    const off = c.on('packs.progress', (p) => {
      if (p.exportId !== exportId) return;
      seen.push(p.phase);
      if (p.phase === 'tables' && !cancelled) cancelled = c.call('packs.cancel', { workspaceId, exportId });
    });
    await expect(c.call('packs.export', { workspaceId, caseId, exportId, handlingConfirmed: true })).rejects.toMatchObject({ code: 'cancelled', messageId: 'pack.export.cancelled' });
    off();
    expect(await cancelled).toEqual({ cancelled: true });
    expect(seen).not.toContain('write');
    expect(seen).not.toContain('complete');
    // Nothing new in the staging folder: no pack, no partial file, no owner record.
    expect(fs.readdirSync(stagingDir(h.dataDir)).filter((f) => !before.includes(f))).toEqual([]);
    expect(await c.call('packs.cancel', { workspaceId, exportId })).toEqual({ cancelled: false });
    expect(await c.call('packs.cancel', { workspaceId, exportId: randomUUID() })).toEqual({ cancelled: false });
  }, 300_000);

  it('stops writing when cancelled during the write phase and removes the partial file', async () => {
    const c = h.client();
    const exportId = randomUUID();
    const before = fs.readdirSync(stagingDir(h.dataDir));
    let cancelled: Promise<{ cancelled: boolean }> | null = null;
    const off = c.on('packs.progress', (p) => {
      if (p.exportId === exportId && p.phase === 'write' && !cancelled) cancelled = c.call('packs.cancel', { workspaceId, exportId });
    });
    await expect(c.call('packs.export', { workspaceId, caseId, exportId, handlingConfirmed: true })).rejects.toMatchObject({ code: 'cancelled' });
    off();
    expect(await cancelled).toEqual({ cancelled: true });
    expect(fs.readdirSync(stagingDir(h.dataDir)).filter((f) => !before.includes(f))).toEqual([]);
    expect(path.basename(stagingDir(h.dataDir))).toBe('pack-staging');
  }, 300_000);
});
