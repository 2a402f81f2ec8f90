/**
 * "Select all shown seizures" on a case of 100,000 seizures (tester finding F4, session 27: a
 * national case could not be bulk-deleted short of thousands of select-alls): one
 * `seizures.bulkDelete` with `matching` (every live seizure, one unticked) marks 99,999 deleted
 * across the case's 20 volume docs; the projection then holds the one left. Slow: the delete took
 * 246 s on the loaded 2-core machine (2026-12-07 22:55 UTC), one audit entry per seizure.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { volumeDocName } from '../../../shared/docs/names';
import { listVolumesIn, VOLUME_SIZE, VolumeDoc } from '../../../shared/docs/volume-doc';
import { newCaseFields } from '../../../shared/domain/case';
import { newSeizureFields, type SeizureFields } from '../../../shared/domain/seizure';
import { startService, type Harness } from '../../helpers/service';

let h: Harness | null = null;
// Closing compacts the case doc and its 20 volumes after 99,999 deletions: minutes on a loaded 2-core machine.
afterEach(() => {
  h?.close();
  h = null;
}, 600_000);

const base: SeizureFields = { ...newSeizureFields('2019-04-08'), country: 'KE', place: 'Mombasa', sector: 'wildlife', unit: 'kg', quantity: 1, commodity: 'pangolin scales' };
const TOTAL = 100_000;

describe('select all shown on a 100,000-seizure case', () => {
  it('deletes 99,999 of 100,000 in one bulk call, the unticked one left', { timeout: 900_000 }, async () => {
    h = startService();
    const c = h.client();
    const me = await c.call('identity.create', { name: 'Amina Mwangi', agency: 'KWS', role: 'admin' });
    const ws = await c.call('workspaces.create', { name: 'W', casePrefix: 'NEST', reportingCurrency: 'USD' });
    const k = await c.call('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-12-07'), title: 'National register' } });
    const rt = h.service.workspace(ws.id);
    const w = { memberId: me.memberId };
    const volumes = TOTAL / VOLUME_SIZE;
    rt.host.with(k.docName, (doc) => listVolumesIn(doc, Array.from({ length: volumes }, (_, i) => i + 1), w));
    let keep = '';
    for (let n = 1; n <= volumes; n++) {
      const items = Array.from({ length: VOLUME_SIZE }, (_, i) => ({ id: randomUUID(), fields: { ...base, quantity: i + 1 } }));
      if (n === 7) keep = items[123]!.id;
      rt.host.with(volumeDocName(ws.id, k.id, n), (doc) => new VolumeDoc(doc).insertSeizures(items, w));
    }
    expect((await c.call('seizures.page', { workspaceId: ws.id, caseId: k.id, limit: 1 })).total).toBe(TOTAL);
    const r = await c.call('seizures.bulkDelete', { workspaceId: ws.id, caseId: k.id, matching: { text: '', flagged: false, except: [keep], count: TOTAL - 1 } });
    expect(r).toEqual({ deleted: TOTAL - 1 });
    const left = await c.call('seizures.page', { workspaceId: ws.id, caseId: k.id, limit: 10 });
    expect(left.total).toBe(1);
    expect(left.rows.map((x) => x.id)).toEqual([keep]);
    const audit = rt.host.with(k.docName, (doc) => new CaseDoc(doc).readAudit().filter((e) => e.action === 'seizure.delete').length);
    expect(audit).toBe(TOTAL - 1);
  });
});
