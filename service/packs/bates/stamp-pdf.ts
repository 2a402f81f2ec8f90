/**
 * Stamps Bates numbers on a PDF with pdf-lib: each page gets its label (and, when given, the
 * handling marking such as `TLP:AMBER`) in the bottom-right corner, in Helvetica on a white box
 * so it stays legible over a scanned page. Writes a new PDF; the input bytes are not changed (the
 * pack keeps original exhibits untouched under exhibits/, their hashes are evidence). Page
 * rotation is honoured so the label reads upright as the page is shown.
 */
import { degrees, PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import { NestError } from '../../../shared/errors';
import { batesLabel, type BatesOptions } from './bates-numbers';

/** What {@link stampPdf} needs besides the PDF. */
export interface StampOptions extends BatesOptions {
  /** Number of the first page. */
  firstNumber: number;
  /** Written before the label, e.g. `TLP:AMBER`. */
  marking?: string;
  /** The document's name in errors. */
  name: string;
}

/** How many pages the PDF has. @throws NestError('export-failed', report.bates.unreadable-pdf). */
export async function pdfPageCount(pdf: Uint8Array, name: string): Promise<number> {
  return (await load(pdf, name)).getPageCount();
}

async function load(pdf: Uint8Array, name: string): Promise<PDFDocument> {
  try {
    // An encrypted PDF cannot be re-saved faithfully by pdf-lib: refuse it rather than damage it.
    return await PDFDocument.load(pdf, { updateMetadata: false });
  } catch (err) {
    throw new NestError('export-failed', { id: 'report.bates.unreadable-pdf', values: { name, reason: err instanceof Error ? err.message.split('\n')[0]! : String(err) } });
  }
}

/**
 * A copy of `pdf` with every page stamped `<marking>  <prefix><number>` (numbers from
 * `o.firstNumber`, continuous).
 * @returns the stamped PDF and its page count.
 * @throws NestError('export-failed', report.bates.unreadable-pdf) for a PDF pdf-lib cannot read
 *   (damaged or encrypted); NestError('validation') for a bad prefix or overflow.
 */
export async function stampPdf(pdf: Uint8Array, o: StampOptions): Promise<{ bytes: Uint8Array; pages: number }> {
  const doc = await load(pdf, o.name);
  const font = await doc.embedFont(StandardFonts.HelveticaBold);
  const size = 9;
  const pages = doc.getPages();
  pages.forEach((page, i) => {
    const text = [o.marking, batesLabel(o.firstNumber + i, o)].filter(Boolean).join('   ');
    const w = font.widthOfTextAtSize(text, size);
    const box = page.getCropBox();
    const rot = ((page.getRotation().angle % 360) + 360) % 360;
    // The corner that is bottom-right as the page is displayed, and the text turned with the page.
    // 16 mm from the side (the report's text margin), 8 mm from the bottom edge, as displayed.
    const side = 45;
    const foot = 22;
    const [x, y] =
      rot === 90
        ? [box.x + box.width - foot, box.y + box.height - side - w]
        : rot === 180
          ? [box.x + side + w, box.y + box.height - foot]
          : rot === 270
            ? [box.x + foot, box.y + side + w]
            : [box.x + box.width - side - w, box.y + foot];
    // The white box starts 3 pt before and below the text, in the text's own (rotated) frame.
    const c = Math.cos((rot * Math.PI) / 180);
    const s = Math.sin((rot * Math.PI) / 180);
    page.drawRectangle({ x: x - 3 * c + 3 * s, y: y - 3 * s - 3 * c, width: w + 6, height: size + 5, color: rgb(1, 1, 1), rotate: degrees(rot), opacity: 0.9 });
    page.drawText(text, { x, y, size, font, color: rgb(0, 0, 0), rotate: degrees(rot) });
  });
  return { bytes: await doc.save({ useObjectStreams: false }), pages: pages.length };
}
