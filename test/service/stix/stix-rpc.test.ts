/**
 * The STIX RPC through a real data service: `cases.exportStix` gives the case's bundle (valid, TLP
 * in the file name), `cases.importStix` creates a case from it and reports nothing rejected, and
 * refuses a malformed file with import-failed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { newCaseFields } from '../../../shared/domain/case';
import { startService, type Harness } from '../../helpers/service';
import { stixValidator } from './stix-validator';

let h: Harness | null = null;
afterEach(() => {
  h?.close();
  h = null;
});

describe('cases.exportStix / cases.importStix', () => {
  it('exports a case as a valid bundle and imports it back as a new case', async () => {
    h = startService({ clock: { now: () => Date.UTC(2026, 11, 6, 13, 30), today: () => '2026-12-06' } });
    const c = h.client();
    await c.call('identity.create', { name: 'Ada Lim', agency: 'NEST Secretariat', role: 'admin' });
    const ws = await c.call('workspaces.create', { name: 'NEST Singapore 2026', casePrefix: 'SGNEST', reportingCurrency: 'USD' });
    const created = await c.call('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-12-01'), title: 'Rosewood via Tamatave', tlp: 'AMBER+STRICT', leadAgency: 'Madagascar Customs' } });
    const out = await c.call('cases.exportStix', { workspaceId: ws.id, caseId: created.id });
    expect(out.fileName).toBe(`${created.number}-stix-TLP-AMBER-STRICT.json`);
    const bundle = JSON.parse(out.content) as { objects: { type: string; name?: string }[] };
    expect(stixValidator().validate(bundle)).toEqual([]);
    expect(bundle.objects.find((o) => o.type === 'grouping')?.name).toBe(`${created.number} Rosewood via Tamatave`);
    const report = await c.call('cases.importStix', { workspaceId: ws.id, fileName: out.fileName, content: out.content });
    expect(report).toMatchObject({ seizures: 0, entities: 0, links: 0, rejected: [] });
    expect(report.number).not.toBe(created.number);
    const again = await c.call('cases.get', { workspaceId: ws.id, caseId: report.caseId });
    expect(again).toMatchObject({ title: 'Rosewood via Tamatave', tlp: 'AMBER+STRICT', leadAgency: 'Madagascar Customs' });
    await expect(c.call('cases.importStix', { workspaceId: ws.id, fileName: 'x.json', content: '{' })).rejects.toMatchObject({ code: 'import-failed' });
  });

  it('every case of the demo workspace exports a valid bundle that imports with nothing rejected', async () => {
    h = startService({ clock: { now: () => Date.UTC(2026, 11, 6, 13, 30), today: () => '2026-12-06' } });
    const c = h.client();
    await c.call('identity.create', { name: 'Bo Tan', agency: 'National Parks Board', role: 'investigator' });
    const demo = await c.call('workspaces.openDemo', {});
    const cases = await c.call('cases.list', { workspaceId: demo.id });
    expect(cases.length).toBeGreaterThan(0);
    const validator = stixValidator();
    for (const k of cases) {
      const out = await c.call('cases.exportStix', { workspaceId: demo.id, caseId: k.id });
      expect(validator.validate(JSON.parse(out.content)), k.number).toEqual([]);
      const report = await c.call('cases.importStix', { workspaceId: demo.id, fileName: out.fileName, content: out.content });
      expect(report.rejected, k.number).toEqual([]);
      expect(report.seizures, k.number).toBe(k.seizureCount);
    }
  });
});
