/**
 * The case list's filters over RPC (`cases.list`): TLP and lead agency (issue 12) beside status,
 * sector, severity, assignee, tag and text, each narrowing to exactly the matching cases.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { newCaseFields } from '../../../shared/domain/case';
import { startService, type Harness } from '../../helpers/service';

let h: Harness | null = null;
afterEach(() => {
  h?.close();
  h = null;
});

describe('cases.list filters', () => {
  it('filters by TLP and by lead agency (case-insensitive, whole name), combined with the others', async () => {
    h = startService();
    const c = h.client();
    await c.call('identity.create', { name: 'Ada', agency: 'KWS', role: 'admin' });
    const ws = await c.call('workspaces.create', { name: 'W', casePrefix: 'NEST', reportingCurrency: 'USD' });
    const mk = (title: string, extra: Partial<ReturnType<typeof newCaseFields>>) => c.call('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-01-01'), title, ...extra } });
    const a = await mk('Ivory via Mombasa', { tlp: 'RED', leadAgency: 'Kenya Wildlife Service', severity: 4, tags: ['ivory'] });
    const b = await mk('Pangolin scales', { tlp: 'AMBER', leadAgency: 'Singapore Customs', severity: 3 });
    const d = await mk('Rosewood', { tlp: 'RED', leadAgency: 'Singapore Customs', severity: 2 });
    const ids = async (q: Record<string, unknown>) => (await c.call('cases.list', { workspaceId: ws.id, ...q })).map((x) => x.id).sort();
    expect(await ids({ tlp: 'RED' })).toEqual([a.id, d.id].sort());
    expect(await ids({ agency: 'singapore customs' })).toEqual([b.id, d.id].sort());
    expect(await ids({ agency: 'Singapore' })).toEqual([]);
    expect(await ids({ tlp: 'RED', agency: 'Singapore Customs' })).toEqual([d.id]);
    expect(await ids({ tlp: 'RED', severity: 4, tag: 'ivory' })).toEqual([a.id]);
    expect(await ids({ tlp: 'GREEN' })).toEqual([]);
    await expect(c.call('cases.list', { workspaceId: ws.id, tlp: 'PURPLE' as 'RED' })).rejects.toThrow();
  });
});
