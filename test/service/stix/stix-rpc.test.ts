/**
 * The STIX RPC through a real data service: `cases.exportStix` gives the case's bundle (valid, TLP
 * in the file name), `cases.importStix` creates a case from it and reports nothing rejected, and
 * refuses a malformed file with import-failed; `cases.previewStix` tells what an import would
 * create and skip (with reasons) and writes nothing.
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

  it('previews an import: the case, its counts and each skipped object with its reason; nothing is written', async () => {
    h = startService({ clock: { now: () => Date.UTC(2026, 11, 6, 13, 30), today: () => '2026-12-06' } });
    const c = h.client();
    await c.call('identity.create', { name: 'Bo Tan', agency: 'National Parks Board', role: 'investigator' });
    const demo = await c.call('workspaces.openDemo', {});
    const cases = await c.call('cases.list', { workspaceId: demo.id });
    const k = cases.find((x) => x.seizureCount > 0)!;
    const out = await c.call('cases.exportStix', { workspaceId: demo.id, caseId: k.id });
    const bundle = JSON.parse(out.content) as { objects: Record<string, unknown>[] };
    const malware = { type: 'malware', spec_version: '2.1', id: 'malware--31b940d4-6f7f-459a-80ea-9c1f17b58abc', created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z', name: 'Ransom', is_family: false };
    bundle.objects.push(malware);
    const content = JSON.stringify(bundle);
    const preview = await c.call('cases.previewStix', { workspaceId: demo.id, fileName: 'partner.json', content });
    expect(preview).toMatchObject({ title: k.title, tlp: k.tlp, seizures: k.seizureCount });
    expect(preview.rejected).toEqual([{ id: malware.id, type: 'malware', reason: 'NEST Desk has no record for STIX objects of type malware' }]);
    expect(await c.call('cases.list', { workspaceId: demo.id })).toHaveLength(cases.length);
    // The import then does what the preview said.
    const report = await c.call('cases.importStix', { workspaceId: demo.id, fileName: 'partner.json', content });
    expect({ seizures: report.seizures, entities: report.entities, links: report.links, rejected: report.rejected }).toEqual({ seizures: preview.seizures, entities: preview.entities, links: preview.links, rejected: preview.rejected });
    await expect(c.call('cases.previewStix', { workspaceId: demo.id, fileName: 'x.json', content: '[]' })).rejects.toMatchObject({ code: 'import-failed' });
  });
});
