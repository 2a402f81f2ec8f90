/**
 * The importer's commodity check against the workspace's catalogue: a CSV whose commodities are a
 * curated alias, a workspace commodity's alias (added through the real workspace doc view) and an
 * unknown name imports all three as written and names only the unknown one, with its row count.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { parseImportFile } from '../../../service/import';
import { UNLISTED_NAMED, unlistedCommodityWarning } from '../../../service/import/commodity-check';
import { WorkspaceCommodities } from '../../../shared/docs/workspace-commodities';
import { CURATED_CATALOGUE } from '../../../shared/domain/commodities';
import { newWorkspaceCommodityFields } from '../../../shared/domain/workspace-commodity';
import { utf8 } from './fixtures';

const CSV = 'date,country,commodity,quantity,unit\n2024-03-01,VN,Sea horses,12,kg\n2024-03-02,VN,tusks,40,kg\n2024-03-03,VN,dried geckos,3,kg\n2024-03-04,VN,DRIED  geckos,1,kg\n2024-03-05,VN,hippocampus dried,2,kg\n';

function workspaceWithSeahorses(): WorkspaceCommodities {
  const wc = new WorkspaceCommodities(new Y.Doc());
  wc.add('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f0001', { ...newWorkspaceCommodityFields(), name: 'Dried seahorses', sector: 'wildlife', aliases: ['sea horses', 'hippocampus dried'] }, { memberId: 'admin-1' });
  return wc;
}

describe('import: commodities against the workspace catalogue', () => {
  it('recognises a workspace alias, keeps every cell as written, and names only the unknown commodity', () => {
    const wc = workspaceWithSeahorses();
    const parsed = parseImportFile({ fileName: 'geckos.csv', bytes: utf8(CSV), defaults: { sector: 'wildlife' }, commodities: wc.catalogue().workspace });
    expect(parsed.seizures.map((s) => s.fields.commodity)).toEqual(['Sea horses', 'tusks', 'dried geckos', 'DRIED  geckos', 'hippocampus dried']);
    expect(parsed.report.rejected).toEqual([]);
    expect(parsed.report.warnings).toEqual([
      '2 rows name a commodity not in the commodity list, kept as written: “dried geckos” (2 rows). An admin can add recurring names to the workspace’s list (Commodities).',
    ]);
  });

  it('without the workspace’s list, its aliases are unknown too', () => {
    const parsed = parseImportFile({ fileName: 'geckos.csv', bytes: utf8(CSV), defaults: { sector: 'wildlife' } });
    expect(parsed.report.warnings).toEqual([
      '4 rows name a commodity not in the commodity list, kept as written: “dried geckos” (2 rows), “hippocampus dried” (1 row), “Sea horses” (1 row). An admin can add recurring names to the workspace’s list (Commodities).',
    ]);
  });

  it('names the most frequent first and counts the rest', () => {
    const rows = Array.from({ length: UNLISTED_NAMED + 3 }, (_, i) => ({ fields: { commodity: `thing ${String.fromCharCode(97 + i)}` } }));
    rows.push({ fields: { commodity: 'Thing K' } }, { fields: { commodity: 'rhino horn' } });
    const w = unlistedCommodityWarning(rows, CURATED_CATALOGUE)!;
    expect(w.startsWith('12 rows name a commodity not in the commodity list, kept as written: “thing k” (2 rows), “thing a” (1 row),')).toBe(true);
    expect(w).toContain('“thing g” (1 row) and 3 more.');
    expect(unlistedCommodityWarning([{ fields: { commodity: 'Rhino horn' } }], CURATED_CATALOGUE)).toBeNull();
  });
});
