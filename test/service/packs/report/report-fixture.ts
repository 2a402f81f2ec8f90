/**
 * A real case for the report tests, in a real data service: notes (a heading, bold text, a link
 * and a would-be script), a dated event, two entities and a link, three seizures with coordinates
 * in the Strait of Malacca, a valuation against a test price, an exhibit with an attached 2-page
 * PDF and a chain of custody with a gap and a correction. `title` sets the case title (Arabic,
 * French, Spanish in the tests).
 */
import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { newCaseFields } from '../../../../shared/domain/case';
import { newSeizureFields } from '../../../../shared/domain/seizure';
import { CaseDoc } from '../../../../shared/docs/case-doc';
import { CaseEvents } from '../../../../shared/docs/case-events';
import { CaseExhibits } from '../../../../shared/docs/case-exhibits';
import { CaseCustody } from '../../../../shared/docs/case-custody';
import { CaseValuations } from '../../../../shared/docs/case-valuations';
import { ReferenceLists } from '../../../../shared/docs/reference-lists';
import { workspaceDocName } from '../../../../shared/docs/names';
import type { Tlp } from '../../../../shared/domain/codes';
import type { Member } from '../../../../shared/domain/member';
import type { AttachedFile } from '../../../../shared/domain/attached-file';
import { createCase } from '../../../../service/cases/create-case';
import { addFileFromPath, workspaceBlobStore } from '../../../../service/blobs/case-files-service';
import { workspaceKey } from '../../../../service/relay-sync/workspace-key';
import type { WorkspaceRuntime } from '../../../../service/workspace/workspace-runtime';
import { startService, type Harness } from '../../../helpers/service';
import { tempDir } from '../../../helpers/temp-dir';

/** The export time of the fixtures (6 Dec 2026, 13:30 UTC). */
export const NOW = Date.UTC(2026, 11, 6, 13, 30);

/** What the tests get. */
export interface ReportCase {
  h: Harness;
  rt: WorkspaceRuntime;
  caseId: string;
  number: string;
  member: Member;
  /** The attached PDF exhibit. */
  pdfFile: AttachedFile;
  dir: string;
}

const id = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A 2-page PDF (what an exhibit scan looks like to the Bates stamper). */
export async function twoPagePdf(label: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= 2; i++) pdf.addPage([595, 842]).drawText(`${label} page ${i}`, { x: 72, y: 760, size: 18, font });
  return pdf.save({ useObjectStreams: false });
}

/** Opens a service with an admin member and one rich case titled `title`. */
export async function reportCase(title: string, tlp: Tlp = 'AMBER'): Promise<ReportCase> {
  const h = startService({ clock: { now: () => NOW, today: () => '2026-12-06' } });
  const c = h.client();
  await c.call('identity.create', { name: 'Ada Lim', agency: 'NEST Secretariat', role: 'admin' });
  const ws = await c.call('workspaces.create', { name: 'NEST Singapore 2026', casePrefix: 'SGNEST', reportingCurrency: 'USD' });
  const rt = h.service.workspace(ws.id);
  await workspaceKey(rt);
  const member = rt.workspaceDoc().getMember(rt.local().memberId)!;
  const w = { memberId: member.id };
  const meta = createCase(rt, { ...newCaseFields('2026-12-01'), title, tlp, leadAgency: 'Singapore Customs', jurisdictions: ['SG', 'MY'] });
  const docName = rt.caseDocName(meta.id);
  const run = <T>(fn: (doc: Y.Doc) => T): T => rt.host.with(docName, fn);
  const priceId = id(900);
  rt.host.with(workspaceDocName(ws.id), (doc) =>
    new ReferenceLists(doc).addPriceReference(
      priceId,
      { commodity: 'elephant ivory', taxon: '', low: 300, high: 600, currency: 'USD', unit: 'kg', marketLevel: 'wholesale', place: 'Singapore', country: 'SG', date: '2026-01-01', citationTitle: 'TEST PRICE for the report test: not a published figure', citationUrl: '', notes: '' },
      w,
    ),
  );
  run((doc) => {
    const cd = new CaseDoc(doc);
    const base = { ...newSeizureFields('2026-12-06'), country: 'SG', commodity: 'elephant ivory', unit: 'kg' as const };
    cd.addSeizure(id(1), { ...base, seizureDate: '2026-11-30', place: 'Pasir Panjang', latitude: 1.274, longitude: 103.764, quantity: 8800, taxon: 'Loxodonta africana' }, w);
    cd.addSeizure(id(2), { ...base, seizureDate: '2026-10-02', place: 'Port Klang', country: 'MY', latitude: 3.0, longitude: 101.39, quantity: 120, commodity: 'pangolin scales', taxon: 'Manis spp.' }, w);
    cd.addSeizure(id(3), { ...base, seizureDate: '2026-09-14', place: 'Tanjung Pelepas', country: 'MY', latitude: 1.36, longitude: 103.55, quantity: 45 }, w);
    cd.addEntity(id(10), { kind: 'person', name: 'Jean-Baptiste Müller', aliases: [], birthDate: '', nationalities: ['FR'], idDocuments: [], notes: '' }, w);
    cd.addEntity(id(11), { kind: 'vessel', name: 'MV Señora del Mar', aliases: [], imo: '', mmsi: '', flag: 'PA', callSign: 'HO1234', notes: '' }, w);
    cd.addLink(id(12), { from: id(10), to: id(11), relationship: 'master-of', startDate: '2026-01-01', endDate: '', source: 'Port clearance record', note: '' }, w);
    cd.addLink(id(13), { from: id(11), to: id(1), relationship: 'involved-in', startDate: '', endDate: '', source: '', note: '' }, w);
    new CaseEvents(doc).add(id(20), { date: '2026-11-29', precision: 'day', text: 'Tip-off received from the port authority', source: 'MPA hotline log' }, w);
    new CaseValuations(doc).addValuation(id(30), { seizureId: id(1), priceReferenceId: priceId, factor: null, notes: '' }, w);
    const notes = doc.getXmlFragment('notes');
    const heading = new Y.XmlElement('heading');
    const p = new Y.XmlElement('paragraph');
    notes.insert(0, [heading, p]);
    heading.setAttribute('level', 1 as unknown as string);
    heading.insert(0, [new Y.XmlText('Background')]);
    const text = new Y.XmlText();
    p.insert(0, [text]);
    text.insert(0, 'Container MSKU 123 declared as ');
    text.insert(text.length, 'plastic scrap', { bold: true });
    text.insert(text.length, ' <script>alert(1)</script> see ', { bold: null });
    text.insert(text.length, 'the manifest', { bold: null, link: { href: 'https://example.org/m' } });
  });
  const dir = tempDir('nest-report-');
  const pdfPath = path.join(dir, 'seizure-record.pdf');
  fs.writeFileSync(pdfPath, await twoPagePdf('Seizure record'));
  const pdfFile = await addFileFromPath(workspaceBlobStore(rt.store.file), run, pdfPath, w);
  run((doc) => {
    const ex = new CaseExhibits(doc);
    ex.add(id(40), { description: 'Seizure record signed at Pasir Panjang', type: 'document', seizureId: id(1), fileIds: [pdfFile.id], sealNumber: 'SG-0001', storageLocation: 'Evidence room 2', currentHolder: 'Evidence officer Tan', status: 'in-custody' }, w);
    const cu = new CaseCustody(doc);
    const exists = (x: string): boolean => ex.get(x) !== null;
    const hand = { exhibitId: id(40), place: 'Pasir Panjang', purpose: 'Transfer to evidence room', sealIntact: true, newSealNumber: '', condition: 'Good', corrects: null };
    cu.record(id(41), { ...hand, releasedBy: 'Officer Lee', receivedBy: 'Sergeant Wong', at: Date.UTC(2026, 10, 30, 9) }, w, exists);
    // A gap: released by someone other than the last receiver.
    cu.record(id(42), { ...hand, releasedBy: 'Sergeant Ong', receivedBy: 'Evidence officer Tan', at: Date.UTC(2026, 10, 30, 15) }, w, exists);
    // A correction of the first hand-over's place.
    cu.record(id(43), { ...hand, releasedBy: 'Officer Lee', receivedBy: 'Sergeant Wong', at: Date.UTC(2026, 10, 30, 9), place: 'Pasir Panjang Terminal gate 3', corrects: id(41) }, w, exists);
  });
  return { h, rt, caseId: meta.id, number: meta.number, member, pdfFile, dir };
}
