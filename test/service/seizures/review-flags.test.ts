/**
 * Review flags stored with the seizure (branch outside, issue 11): a file with a point far outside
 * its seizing country is imported through the data service's RPC (the parse worker measures the
 * distance with the shipped country polygons) and the flag is written with the seizure — in the
 * case doc and, past the inline limit, in a volume doc — projected so the table can filter
 * "Flagged for review", carried by the exports, and cleared only by "Mark as reviewed", whose
 * audit entry and field history keep it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { volumeDocName } from '../../../shared/docs/names';
import { INLINE_SEIZURES, VolumeDoc } from '../../../shared/docs/volume-doc';
import { fieldHistory } from '../../../shared/docs/field-history';
import { newCaseFields } from '../../../shared/domain/case';
import { seizuresToCsv } from '../../../service/export/export-csv';
import { startService, type Harness } from '../../helpers/service';
import { seizureRows } from '../../../bench/p3-csv';

let h: Harness | null = null;
afterEach(() => {
  h?.close();
  h = null;
});

const HEADER = 'seizure_date,country,place,commodity,quantity,unit,sector,latitude,longitude';
/** Mombasa's port filed under Singapore: ~7,000 km outside SG. And a Singapore port that is in SG. */
const FLAGGED = '2021-03-11,SG,Kilindini,ivory,120,kg,wildlife,-4.05,39.667';
const GOOD = '2021-03-12,SG,Pasir Panjang,ivory,80,kg,wildlife,1.274,103.764';
const file = (text: string, fileName: string) => ({ fileName, contentBase64: Buffer.from(text).toString('base64') });

describe('review flags stored with the seizure', () => {
  it('an import writes the outside-country flag in the case doc and a volume doc; the table filters it; review clears it with an audit entry and history; exports carry it', async () => {
    h = startService();
    const c = h.client();
    const me = await c.call('identity.create', { name: 'Amina Mwangi', agency: 'KWS', role: 'investigator' });
    const ws = await c.call('workspaces.create', { name: 'W', casePrefix: 'NEST', reportingCurrency: 'USD' });
    const k = await c.call('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-12-07'), title: 'Flags' } });
    const rt = h.service.workspace(ws.id);

    // 1. Into the case doc.
    const first = await c.call('import.commit', { workspaceId: ws.id, caseId: k.id, ...file(`${HEADER}\n${FLAGGED}\n${GOOD}\n`, 'wrongcountry.csv') });
    expect(first.imported).toBe(2);
    expect(first.flagged).toHaveLength(1);
    const inline = rt.host.with(k.docName, (doc) => new CaseDoc(doc).listSeizures());
    const flaggedInline = inline.find((s) => s.place === 'Kilindini')!;
    expect(flaggedInline.reviewFlags).toHaveLength(1);
    const flag = flaggedInline.reviewFlags![0]!;
    expect(flag).toMatchObject({ kind: 'outside-country', country: 'SG', batch: first.batchId });
    if (flag.kind !== 'outside-country') throw new Error('expected an outside-country flag');
    // Measured to Singapore's outline: Mombasa is ~7,000 km away (great circle ~7,050 km).
    expect(flag.km).toBeGreaterThan(6_000);
    expect(flag.km).toBeLessThan(8_000);
    expect(flag.at).toBe(flaggedInline.createdAt);
    expect(inline.find((s) => s.place === 'Pasir Panjang')!.reviewFlags).toBeUndefined();

    // 2. Fill the case doc, then the next file goes to a volume doc.
    await c.call('import.commit', { workspaceId: ws.id, caseId: k.id, ...file(`seizure_date,country,place,commodity,quantity,unit,sector\n${seizureRows(INLINE_SEIZURES)}\n`, 'fill.csv') });
    const third = await c.call('import.commit', { workspaceId: ws.id, caseId: k.id, ...file(`${HEADER}\n${FLAGGED.replace(',120,', ',121,')}\n`, 'wrongcountry-2.csv') });
    const inVolume = rt.host.with(volumeDocName(ws.id, k.id, 1), (doc) => new VolumeDoc(doc).listSeizures()).filter((s) => s.place === 'Kilindini');
    expect(inVolume).toHaveLength(1);
    expect(inVolume[0]!.reviewFlags).toEqual([{ ...flag, batch: third.batchId, at: inVolume[0]!.createdAt }]);

    // 3. The table's query: "Flagged for review" answers exactly the two flagged seizures, with their flags.
    const page = await c.call('seizures.page', { workspaceId: ws.id, caseId: k.id, flagged: true });
    expect(page.total).toBe(2);
    expect(page.rows.map((r) => r.id).sort()).toEqual([flaggedInline.id, inVolume[0]!.id].sort());
    expect(page.rows.every((r) => r.reviewFlags?.[0]?.kind === 'outside-country')).toBe(true);
    expect((await c.call('seizures.page', { workspaceId: ws.id, caseId: k.id })).total).toBe(INLINE_SEIZURES + 3);

    // 4. Exports carry it: the CSV's review_flags cell is the flag's JSON; empty for the others.
    const csv = seizuresToCsv(inline);
    expect(csv.split('\r\n')[0]!.endsWith(',review_flags')).toBe(true);
    const kilindini = csv.split('\r\n').find((l) => l.includes('Kilindini'))!;
    expect(kilindini).toContain(`"${JSON.stringify([flag]).replace(/"/g, '""')}"`);
    expect(csv.split('\r\n').find((l) => l.includes('Pasir Panjang'))!.endsWith(',')).toBe(true);

    // 5. Review: attributed, audited, the flag kept in the history; a second review writes nothing.
    expect(await c.call('seizures.markReviewed', { workspaceId: ws.id, caseId: k.id, seizureId: flaggedInline.id })).toEqual({ changed: true });
    expect(await c.call('seizures.markReviewed', { workspaceId: ws.id, caseId: k.id, seizureId: flaggedInline.id })).toEqual({ changed: false });
    expect(await c.call('seizures.markReviewed', { workspaceId: ws.id, caseId: k.id, seizureId: inVolume[0]!.id })).toEqual({ changed: true });
    const after = rt.host.with(k.docName, (doc) => {
      const cd = new CaseDoc(doc);
      return { seizure: cd.listSeizures().find((s) => s.id === flaggedInline.id)!, audit: cd.readAudit() };
    });
    expect(after.seizure.reviewFlags).toBeUndefined();
    expect(after.seizure.updatedBy).toBe(me.memberId);
    const reviews = after.audit.filter((e) => e.action === 'seizure.review');
    expect(reviews.map((e) => e.target)).toEqual([flaggedInline.id, inVolume[0]!.id]);
    expect(reviews[0]).toMatchObject({ by: me.memberId, fields: ['reviewFlags'], changes: { reviewFlags: { from: [flag], to: [] } } });
    const history = fieldHistory(after.audit, flaggedInline.id, 'reviewFlags');
    expect(history.map((v) => [v.kind, v.value])).toEqual([['initial', [flag]], ['change', []]]);
    expect((await c.call('seizures.page', { workspaceId: ws.id, caseId: k.id, flagged: true })).total).toBe(0);
    expect(rt.host.with(volumeDocName(ws.id, k.id, 1), (doc) => new VolumeDoc(doc).listSeizures()).find((s) => s.id === inVolume[0]!.id)!.reviewFlags).toBeUndefined();
  }, 120_000);
});
