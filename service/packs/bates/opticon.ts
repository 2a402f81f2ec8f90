/**
 * The Opticon image load file (`.opt`) of a production: one line per page,
 * `ImageKey,VolumeLabel,ImagePath,DocumentBreak,FolderBreak,BoxBreak,PageCount`, where ImageKey is
 * the page's Bates label, ImagePath the document's path in the pack with backslashes (as Windows
 * review tools expect), DocumentBreak `Y` on a document's first page with PageCount its number of
 * pages, both empty on the other pages. Lines end with CR LF; the text is ASCII (Bates labels and
 * production paths are ASCII by construction), hence also valid UTF-8 and Windows-1252.
 * Documented in docs/case-packs.md. Pure.
 */
import type { BatesOptions, BatesRange } from './bates-numbers';
import { batesLabel } from './bates-numbers';

/** One page line of an Opticon file. */
export interface OpticonLine {
  imageKey: string;
  volume: string;
  imagePath: string;
  documentBreak: boolean;
  /** Pages of the document on its first line; null on the others. */
  pageCount: number | null;
}

/** The volume label written in every line. */
export const OPTICON_VOLUME = 'VOL001';

/** The `.opt` text for `docs` (numbered by {@link assignBates} with `o`). */
export function opticonText(docs: readonly BatesRange[], o: BatesOptions): string {
  const lines: string[] = [];
  for (const d of docs) {
    const imagePath = d.path.replace(/\//g, '\\');
    for (let n = d.firstNumber; n < d.firstNumber + d.pages; n++) {
      const first = n === d.firstNumber;
      lines.push([batesLabel(n, o), OPTICON_VOLUME, imagePath, first ? 'Y' : '', '', '', first ? String(d.pages) : ''].join(','));
    }
  }
  return lines.map((l) => `${l}\r\n`).join('');
}

/**
 * Reads an Opticon file back (CR LF or LF lines, empty lines skipped).
 * @throws Error naming the line when a line has not 7 fields.
 */
export function parseOpticon(text: string): OpticonLine[] {
  return text
    .split(/\r?\n/)
    .filter((l) => l.length > 0)
    .map((l, i) => {
      const f = l.split(',');
      if (f.length !== 7) throw new Error(`Opticon line ${i + 1}: ${f.length} fields instead of 7`);
      return { imageKey: f[0]!, volume: f[1]!, imagePath: f[2]!, documentBreak: f[3] === 'Y', pageCount: f[6] ? Number(f[6]) : null };
    });
}
