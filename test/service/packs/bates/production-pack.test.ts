/**
 * A pack exported with its production (real data service, real Chromium): report.pdf, the
 * stamped copy of the exhibit PDF and the load files are in the manifest and the pack verifies;
 * Bates numbers run on from the report's last page into the exhibit's first; the load files list
 * both documents with those ranges; the original exhibit bytes are not changed (the stamped copy
 * differs from them, the blob store still holds the hash recorded at intake).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { publicJwkOf } from '../../../../shared/auth/keys';
import { exportCasePack } from '../../../../service/packs/export-pack';
import { chromiumPrinter } from '../../../../service/packs/pdf/chromium-printer';
import { workspaceBlobStore } from '../../../../service/blobs/case-files-service';
import { parseOpticon } from '../../../../service/packs/bates/opticon';
import { parseConcordance } from '../../../../service/packs/bates/concordance';
import { workspaceKey } from '../../../../service/relay-sync/workspace-key';
import { verifyPack } from '../../../../node/packs/pack-verifier';
import { readZip } from '../../../node/packs/pack-support';
import { NOW, reportCase, type ReportCase } from '../report/report-fixture';
import { pdfPages } from '../pdf/poppler';

let rc: ReportCase | null = null;
afterEach(() => {
  rc?.h.close();
  rc = null;
});

describe('exportCasePack with a production', () => {
  it('puts report.pdf, stamped exhibit copies and load files into a pack that verifies, numbered continuously', async () => {
    rc = await reportCase('Bois de rose saisi à Dakar', 'RED');
    const out = path.join(rc.dir, 'pack.zip');
    const written = await exportCasePack(rc.rt, { caseId: rc.caseId, outFile: out, appVersion: '0.1.0', now: NOW, handlingConfirmed: true, production: { printer: chromiumPrinter(), bates: { prefix: 'SGN-', digits: 6 } } });
    const paths = written.manifest.files.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['report.pdf', 'production.opt', 'production.dat']));
    const report = await verifyPack(out, publicJwkOf(await workspaceKey(rc.rt)));
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);

    const files = new Map(await readZip(out));
    const reportFile = path.join(rc.dir, 'report.pdf');
    fs.writeFileSync(reportFile, files.get('report.pdf')!);
    const reportPages = pdfPages(reportFile);
    const n = reportPages.length;
    reportPages.forEach((p, i) => {
      expect(p).toContain('TLP:RED');
      expect(p).toContain(`SGN-${String(i + 1).padStart(6, '0')}`);
    });
    const first = `SGN-${String(n + 1).padStart(6, '0')}`;
    const copyPath = `production/${first}.pdf`;
    expect(paths).toContain(copyPath);
    expect(written.manifest.files.find((f) => f.path === copyPath)).toMatchObject({ originalName: 'seizure-record.pdf', mediaType: 'application/pdf' });
    const copyFile = path.join(rc.dir, 'copy.pdf');
    fs.writeFileSync(copyFile, files.get(copyPath)!);
    const copyPages = pdfPages(copyFile);
    expect(copyPages).toHaveLength(2);
    expect(copyPages[0]).toMatch(new RegExp(`TLP:RED\\s+${first}`));
    expect(copyPages[1]).toContain(`SGN-${String(n + 2).padStart(6, '0')}`);
    expect(copyPages[1]).toContain('Seizure record page 2');
    // The original is untouched: the store still has the intake hash, and the copy is a different file.
    const blobs = workspaceBlobStore(rc.rt.store.file);
    const original = fs.readFileSync(blobs.pathOf(rc.pdfFile.hash));
    expect(createHash('sha256').update(original).digest('hex')).toBe(rc.pdfFile.hash);
    expect(createHash('sha256').update(files.get(copyPath)!).digest('hex')).not.toBe(rc.pdfFile.hash);

    const opt = parseOpticon(files.get('production.opt')!.toString('utf8'));
    expect(opt).toHaveLength(n + 2);
    expect(opt.filter((l) => l.documentBreak).map((l) => [l.imageKey, l.imagePath, l.pageCount])).toEqual([
      ['SGN-000001', 'report.pdf', n],
      [first, `production\\${first}.pdf`, 2],
    ]);
    const dat = parseConcordance(files.get('production.dat')!.toString('utf8'));
    expect(dat.fields.slice(0, 3)).toEqual(['BEGBATES', 'ENDBATES', 'PAGECOUNT']);
    expect(dat.rows.map((r) => r.slice(0, 5))).toEqual([
      ['SGN-000001', `SGN-${String(n).padStart(6, '0')}`, String(n), 'report', ''],
      [first, `SGN-${String(n + 2).padStart(6, '0')}`, '2', 'exhibit', `${rc.number}/EX-001`],
    ]);
    expect(dat.rows[1]).toContain(rc.pdfFile.hash);
    expect(dat.rows[0]).toContain('Bois de rose saisi à Dakar');
  }, 240_000);
});
