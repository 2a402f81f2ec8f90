/**
 * The production part of a case pack: `report.pdf` (the report printed by a {@link PdfPrinter}),
 * a Bates-stamped copy of every PDF attached to an exhibit under `production/<BEGBATES>.pdf`
 * (the originals stay untouched under exhibits/: their hashes are evidence), and the load files
 * `production.opt` (Opticon) and `production.dat` (Concordance) at the pack's root, so the paths
 * in them resolve from where they are. Numbers are continuous: the report first, then the
 * exhibits' PDFs in exhibit order (each file once, by hash). Exhibit PDFs are read twice from the
 * blob store — once to count pages before numbering, once to stamp when the ZIP writer reaches
 * them — so only one PDF is in memory at a time. Documented in docs/case-packs.md.
 */
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import type { Member } from '../../../shared/domain/member';
import { createLogger } from '../../../node/log';
import { t } from '../../../shared/messages/format';
import type { PackSource } from '../../../node/packs/pack-writer';
import { workspaceBlobStore } from '../../blobs/case-files-service';
import type { WorkspaceRuntime } from '../../workspace/workspace-runtime';
import type { PdfPrinter } from '../pdf/pdf-printer';
import { reportHeaderText, reportHtml } from '../report/report-html';
import { readReportModel, type CaseRead } from '../report/report-model';
import { landFeatures } from '../report/basemap';
import { mappedSeizures, reportSeizureMapPaced } from '../report/seizures';
import type { ExportRun } from '../export-progress';
import { assignBates, type BatesOptions, type BatesRange } from './bates-numbers';
import { concordanceText } from './concordance';
import { opticonText } from './opticon';
import { pdfPageCount, stampPdf } from './stamp-pdf';
import { byteChunks } from '../pack-text';

const log = createLogger('pack-production');

/** Paths of the production's files in the pack. */
export const PRODUCTION_PATHS = { report: 'report.pdf', folder: 'production', opticon: 'production.opt', concordance: 'production.dat', notes: 'production-notes.txt' } as const;

/** The Concordance fields, in order. */
export const DAT_FIELDS = ['BEGBATES', 'ENDBATES', 'PAGECOUNT', 'DOCTYPE', 'EXHIBIT', 'DESCRIPTION', 'FILENAME', 'ORIGINALSHA256', 'PRODPATH', 'TLP'] as const;

/** What the production needs. */
export interface ProductionOptions {
  printer: PdfPrinter;
  /** Bates prefix and width (default `NEST-`, 7 digits, from 1). */
  bates?: BatesOptions;
}

/** The production's pack sources and what was numbered. */
export interface Production {
  sources: PackSource[];
  documents: BatesRange[];
  /** Attached PDFs that could not be stamped (damaged or encrypted): they are only under exhibits/. */
  notStamped: NotStampedFile[];
}

/** An attached PDF left out of the production, with why (also in production-notes.txt and the report). */
export interface NotStampedFile {
  /** The name it had when it was added. */
  name: string;
  /** SHA-256 (lowercase hex): the file is `exhibits/<hash>` in the pack. */
  hash: string;
  /** References of every exhibit citing it, in exhibit order. */
  exhibits: string[];
  /** Why: always `unreadable-pdf` (pdf-lib could not read it: damaged, truncated or encrypted). */
  reason: 'unreadable-pdf';
}

interface ExhibitPdf {
  hash: string;
  name: string;
  /** Every exhibit citing the file, in exhibit order. */
  references: string[];
  descriptions: string[];
  pages: number;
}

const bytesSource = (path: string, mediaType: string, bytes: () => Promise<Uint8Array> | Uint8Array, compress = true): PackSource => ({
  path,
  mediaType,
  compress,
  open: async () => Readable.from(byteChunks(await bytes())),
});

/**
 * The text of production-notes.txt (UTF-8, CR LF): one paragraph per attached PDF left out of the
 * production — name, SHA-256, citing exhibits and why — so a reviewer loading the production
 * knows an exhibit document is missing from it and where the original is.
 */
export function productionNotes(files: readonly NotStampedFile[], marking: string): string {
  const lines = [t('pack.production.notes-heading', { marking, count: files.length }), ''];
  for (const f of files) {
    lines.push(t('pack.production.not-stamped', { name: f.name, exhibits: f.exhibits.join('; '), path: `exhibits/${f.hash}` }));
  }
  return lines.map((l) => `${l}\r\n`).join('');
}

/** A pack export's read of the case and its progress (export-pack.ts), for {@link buildProduction}. */
export interface ProductionPace {
  read: CaseRead;
  run: ExportRun;
}

/**
 * Prints the report of `caseId` and builds the production's sources. With `pace`, from the
 * export's read of the case, drawing the map (phase `map`) and printing (phase `report`, pages
 * known once printed) as phases of `pace.run`.
 * @throws NestError('export-failed') when printing fails (report.print.*); NestError('validation')
 *   for a bad Bates prefix or numbers past the width; NestError('not-found') for an unknown case;
 *   NestError('cancelled') when the export was cancelled.
 */
export async function buildProduction(ws: WorkspaceRuntime, caseId: string, member: Member, now: number, o: ProductionOptions, pace?: ProductionPace): Promise<Production> {
  const bates: BatesOptions = o.bates ?? { prefix: 'NEST-' };
  const model = await readReportModel(ws, caseId, member, now, pace?.read);
  if (pace) {
    const mapped = mappedSeizures(model).length;
    await pace.run.begin('map', mapped);
    // A turn of the event loop after every chunk of dots drawn, not every 500 units: a chunk is already a few hundred ms on a loaded machine.
    model.seizureMap = await reportSeizureMapPaced(model, landFeatures(), async (dots) => {
      pace.run.advance(dots);
      await pace.run.pause();
    });
    await pace.run.begin('report', null);
  }
  const blobs = workspaceBlobStore(ws.store.file);
  const read = async (hash: string): Promise<Uint8Array> => new Uint8Array(await buffer(blobs.read(hash)));
  // Every exhibit citing a file, by hash: a document cited twice is listed under both (F-PACK-4).
  const citing = new Map<string, { name: string; references: string[]; descriptions: string[] }>();
  for (const x of model.exhibits) {
    for (const f of x.files) {
      if (f.deleted || f.mediaType !== 'application/pdf' || !blobs.has(f.hash)) continue;
      const c = citing.get(f.hash) ?? { name: f.name, references: [], descriptions: [] };
      if (!c.references.includes(x.reference)) {
        c.references.push(x.reference);
        c.descriptions.push(x.exhibit.description);
      }
      citing.set(f.hash, c);
    }
  }
  const pdfs: ExhibitPdf[] = [];
  const notStamped: NotStampedFile[] = [];
  for (const [hash, c] of citing) {
    try {
      pdfs.push({ hash, ...c, pages: await pdfPageCount(await read(hash), c.name) });
    } catch (err) {
      // Not silent: the report's exhibit list, production-notes.txt and the export result name it.
      log.warn({ file: hash, err: err instanceof Error ? err.message : String(err) }, 'attached PDF not stamped');
      notStamped.push({ name: c.name, hash, exhibits: c.references, reason: 'unreadable-pdf' });
    }
  }
  // Checked before printing, so the report itself says which exhibit PDFs are not produced.
  const printed = { ...model, notProduced: notStamped.map((n) => n.hash) };
  const report = await o.printer(reportHtml(printed), { headerText: reportHeaderText(model) });
  const reportPages = await pdfPageCount(report, PRODUCTION_PATHS.report);
  if (pace) {
    pace.run.setTotal(reportPages);
    pace.run.advance(reportPages);
    await pace.run.pause();
  }
  const numbered = assignBates([{ path: PRODUCTION_PATHS.report, pages: reportPages }, ...pdfs.map((p) => ({ path: p.hash, pages: p.pages }))], bates);
  const documents = numbered.map((d, i) => (i === 0 ? d : { ...d, path: `${PRODUCTION_PATHS.folder}/${d.first}.pdf` }));
  const tlp = model.meta.tlp;
  const marking = `TLP:${tlp}`;
  const stamp = async (bytes: Uint8Array, d: BatesRange, name: string): Promise<Uint8Array> => (await stampPdf(bytes, { ...bates, firstNumber: d.firstNumber, marking, name })).bytes;
  const sources: PackSource[] = [bytesSource(PRODUCTION_PATHS.report, 'application/pdf', () => stamp(report, documents[0]!, PRODUCTION_PATHS.report), false)];
  pdfs.forEach((p, i) => {
    const d = documents[i + 1]!;
    sources.push({ ...bytesSource(d.path, 'application/pdf', async () => stamp(await read(p.hash), d, p.name), false), originalName: p.name });
  });
  const rows = documents.map((d, i) => {
    const p = i === 0 ? null : pdfs[i - 1]!;
    return [d.first, d.last, String(d.pages), p ? 'exhibit' : 'report', p?.references.join('; ') ?? '', p ? p.descriptions.join('; ') : model.meta.title, p?.name ?? PRODUCTION_PATHS.report, p?.hash ?? '', d.path, marking];
  });
  sources.push(bytesSource(PRODUCTION_PATHS.opticon, 'text/plain; charset=us-ascii', () => new TextEncoder().encode(opticonText(documents, bates))));
  sources.push(bytesSource(PRODUCTION_PATHS.concordance, 'text/plain; charset=utf-8', () => new TextEncoder().encode(concordanceText({ fields: [...DAT_FIELDS], rows }))));
  if (notStamped.length) sources.push(bytesSource(PRODUCTION_PATHS.notes, 'text/plain; charset=utf-8', () => new TextEncoder().encode(productionNotes(notStamped, marking))));
  return { sources, documents, notStamped };
}
