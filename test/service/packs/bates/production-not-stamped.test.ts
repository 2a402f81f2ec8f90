/**
 * A production with an attached "PDF" pdf-lib cannot read (issue 14, F-PACK-3) and a PDF cited by
 * two exhibits (F-PACK-2, F-PACK-4), through the real data service and a real Chromium: the broken
 * file is named in the export result, in production-notes.txt and in report.pdf's exhibit list
 * ("not produced: could not be read as PDF"); the report counts distinct files ("2 exhibits citing
 * 2 attached files"); production.dat lists both exhibits citing the good PDF.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { publicJwkOf } from '../../../../shared/auth/keys';
import { CaseExhibits } from '../../../../shared/docs/case-exhibits';
import { exportCasePack } from '../../../../service/packs/export-pack';
import { chromiumPrinter } from '../../../../service/packs/pdf/chromium-printer';
import { addFileFromPath, workspaceBlobStore } from '../../../../service/blobs/case-files-service';
import { parseConcordance } from '../../../../service/packs/bates/concordance';
import { parseOpticon } from '../../../../service/packs/bates/opticon';
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

describe('a production with an unreadable PDF exhibit', () => {
  it('names the PDF it could not stamp in the result, production-notes.txt and report.pdf, and lists every citing exhibit', async () => {
    rc = await reportCase('Broken scan', 'AMBER');
    const r = rc;
    const docName = r.rt.caseDocName(r.caseId);
    const run = <T>(fn: (doc: Y.Doc) => T): T => r.rt.host.with(docName, fn);
    const memberId = r.member.id;
    const brokenPath = path.join(r.dir, 'broken.pdf');
    fs.writeFileSync(brokenPath, '%PDF-1.4\nthis is not a pdf\n');
    const broken = await addFileFromPath(workspaceBlobStore(r.rt.store.file), run, brokenPath, { memberId });
    expect(broken.mediaType).toBe('application/pdf');
    run((doc) => {
      const ex = new CaseExhibits(doc);
      const first = ex.list()[0]!;
      ex.update(first.id, { fileIds: [r.pdfFile.id, broken.id] }, { memberId });
      ex.add('00000000-0000-4000-8000-000000000099', { description: 'Lab copy', type: 'document', seizureId: null, fileIds: [r.pdfFile.id, broken.id], sealNumber: '', storageLocation: '', currentHolder: '', status: 'in-custody' }, { memberId });
    });
    const out = path.join(r.dir, 'pack.zip');
    const written = await exportCasePack(r.rt, { caseId: r.caseId, outFile: out, appVersion: '0.1.0', now: NOW, production: { printer: chromiumPrinter() } });
    const refs = [`${r.number}/EX-001`, `${r.number}/EX-002`];
    expect(written.notStamped).toEqual([{ name: 'broken.pdf', hash: broken.hash, exhibits: refs, reason: 'unreadable-pdf' }]);
    expect((await verifyPack(out, publicJwkOf(await workspaceKey(r.rt)))).problems).toEqual([]);

    const files = new Map(await readZip(out));
    const notes = files.get('production-notes.txt')!.toString('utf8');
    expect(notes).toContain('TLP:AMBER');
    expect(notes).toContain(`NOT PRODUCED: broken.pdf (cited by ${refs.join('; ')}) could not be read as PDF`);
    expect(notes).toContain(`exhibits/${broken.hash}`);

    const reportFile = path.join(r.dir, 'report.pdf');
    fs.writeFileSync(reportFile, files.get('report.pdf')!);
    const text = pdfPages(reportFile).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('2 exhibits citing 2 attached files');
    // Once per exhibit citing it.
    expect(text.split('not produced: could not be read as PDF').length - 1).toBe(2);

    // The good PDF is produced once, under both exhibits; the broken one is not in the load files.
    const dat = parseConcordance(files.get('production.dat')!.toString('utf8'));
    expect(dat.rows).toHaveLength(2);
    expect(dat.rows[1]![4]).toBe(refs.join('; '));
    expect(dat.rows[1]![5]).toBe('Seizure record signed at Pasir Panjang; Lab copy');
    expect(dat.rows.flat()).not.toContain('broken.pdf');
    expect(parseOpticon(files.get('production.opt')!.toString('utf8')).filter((l) => l.documentBreak)).toHaveLength(2);
  }, 240_000);
});
