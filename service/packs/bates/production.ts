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
import type { PackSource } from '../../../node/packs/pack-writer';
import { workspaceBlobStore } from '../../blobs/case-files-service';
import type { WorkspaceRuntime } from '../../workspace/workspace-runtime';
import type { PdfPrinter } from '../pdf/pdf-printer';
import { reportHeaderText, reportHtml } from '../report/report-html';
import { readReportModel } from '../report/report-model';
import { assignBates, type BatesOptions, type BatesRange } from './bates-numbers';
import { concordanceText } from './concordance';
import { opticonText } from './opticon';
import { pdfPageCount, stampPdf } from './stamp-pdf';

const log = createLogger('pack-production');

/** Paths of the production's files in the pack. */
export const PRODUCTION_PATHS = { report: 'report.pdf', folder: 'production', opticon: 'production.opt', concordance: 'production.dat' } as const;

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
  /** Attached PDFs that could not be stamped (damaged or encrypted), by file name: they are only under exhibits/. */
  notStamped: string[];
}

interface ExhibitPdf {
  hash: string;
  name: string;
  reference: string;
  description: string;
  pages: number;
}

const bytesSource = (path: string, mediaType: string, bytes: () => Promise<Uint8Array> | Uint8Array, compress = true): PackSource => ({
  path,
  mediaType,
  compress,
  open: async () => Readable.from([Buffer.from(await bytes())]),
});

/**
 * Prints the report of `caseId` and builds the production's sources.
 * @throws NestError('export-failed') when printing fails (report.print.*); NestError('validation')
 *   for a bad Bates prefix or numbers past the width; NestError('not-found') for an unknown case.
 */
export async function buildProduction(ws: WorkspaceRuntime, caseId: string, member: Member, now: number, o: ProductionOptions): Promise<Production> {
  const bates: BatesOptions = o.bates ?? { prefix: 'NEST-' };
  const model = await readReportModel(ws, caseId, member, now);
  const report = await o.printer(reportHtml(model), { headerText: reportHeaderText(model) });
  const blobs = workspaceBlobStore(ws.store.file);
  const read = async (hash: string): Promise<Uint8Array> => new Uint8Array(await buffer(blobs.read(hash)));
  const pdfs: ExhibitPdf[] = [];
  const notStamped: string[] = [];
  const seen = new Set<string>();
  for (const x of model.exhibits) {
    for (const f of x.files) {
      if (f.deleted || f.mediaType !== 'application/pdf' || seen.has(f.hash) || !blobs.has(f.hash)) continue;
      seen.add(f.hash);
      try {
        pdfs.push({ hash: f.hash, name: f.name, reference: x.reference, description: x.exhibit.description, pages: await pdfPageCount(await read(f.hash), f.name) });
      } catch (err) {
        log.warn({ file: f.id, err: err instanceof Error ? err.message : String(err) }, 'attached PDF not stamped');
        notStamped.push(f.name);
      }
    }
  }
  const reportPages = await pdfPageCount(report, PRODUCTION_PATHS.report);
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
    return [d.first, d.last, String(d.pages), p ? 'exhibit' : 'report', p?.reference ?? '', p ? p.description : model.meta.title, p?.name ?? PRODUCTION_PATHS.report, p?.hash ?? '', d.path, marking];
  });
  sources.push(bytesSource(PRODUCTION_PATHS.opticon, 'text/plain; charset=us-ascii', () => new TextEncoder().encode(opticonText(documents, bates))));
  sources.push(bytesSource(PRODUCTION_PATHS.concordance, 'text/plain; charset=utf-8', () => new TextEncoder().encode(concordanceText({ fields: [...DAT_FIELDS], rows }))));
  return { sources, documents, notStamped };
}
