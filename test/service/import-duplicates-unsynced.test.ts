/**
 * The import preview's duplicate check reads the case doc and every volume stored here; a volume
 * the case lists but that has not arrived on this computer cannot be searched, so the preview says
 * which ones were not checked instead of implying the file holds no duplicates.
 */
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { listVolumesIn } from '../../shared/docs/volume-doc';
import { registerCase, startService, type Harness } from '../helpers/service';
import { sharedPath } from '../helpers/shared-dir';

let h: Harness | null = null;
afterEach(() => {
  h?.close();
  h = null;
});

const file = () => ({ fileName: '01-semicolon-decimal-comma.csv', contentBase64: fs.readFileSync(sharedPath('cases/import', '01-semicolon-decimal-comma.csv')).toString('base64') });
const unchecked = (warnings: readonly string[]): string[] => warnings.filter((w) => w.includes('not looked for'));

describe('import preview of a case whose volumes are not all here', () => {
  it('names the volumes it could not search for matching rows', async () => {
    h = startService();
    const { c, ws, caseId, w } = await registerCase(h);
    const before = await c.call('import.preview', { workspaceId: ws.id, caseId, ...file() });
    expect(unchecked(before.report.warnings)).toEqual([]);

    // Volumes 2 and 3 listed by another desktop's import; their docs have not synced here.
    ws.host.with(ws.caseDocName(caseId), (doc) => listVolumesIn(doc, [2, 3], w));
    const after = await c.call('import.preview', { workspaceId: ws.id, caseId, ...file() });
    expect(unchecked(after.report.warnings)).toEqual([
      'Matching rows were not looked for in volumes 2, 3 of this case: they have not arrived on this computer yet. Sync, then preview again to check every seizure',
    ]);
    expect(after.report.imported).toBe(before.report.imported);
  });
});
