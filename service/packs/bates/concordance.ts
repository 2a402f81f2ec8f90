/**
 * The Concordance metadata load file (`.dat`) of a production: a header line of field names, then
 * one line per document. Each value is wrapped in the quote þ (U+00FE) and values are separated by
 * the delimiter ¶ (U+00B6), Concordance's defaults; a line break inside a value is written ®
 * (U+00AE), Concordance's newline stand-in. Encoding: UTF-8 with a byte-order mark (case titles
 * and file names may be Arabic, which the classic Windows-1252 codepage cannot hold; Relativity,
 * Concordance 10+ and Nuix read UTF-8 with a BOM), lines end with CR LF. Documented in
 * docs/case-packs.md. Pure.
 */

/** The quote character þ. */
export const DAT_QUOTE = '\u00fe';
/** The field delimiter ¶. */
export const DAT_DELIMITER = '\u00b6';
/** The stand-in for a line break inside a value: ®. */
export const DAT_NEWLINE = '\u00ae';
/** The UTF-8 byte-order mark the file starts with. */
export const DAT_BOM = '\ufeff';

/** A table: field names and rows of values (same length). */
export interface DatTable {
  fields: string[];
  rows: string[][];
}

function cell(v: string): string {
  // The quote cannot appear inside a value (no escape exists in the format): it is dropped.
  return `${DAT_QUOTE}${v.replace(/\r\n|\r|\n/g, DAT_NEWLINE).split(DAT_QUOTE).join('')}${DAT_QUOTE}`;
}

/**
 * The `.dat` text (BOM included) of `table`.
 * @throws Error when a row's length differs from the field list's.
 */
export function concordanceText(table: DatTable): string {
  const lines = [table.fields, ...table.rows].map((r, i) => {
    if (r.length !== table.fields.length) throw new Error(`Concordance row ${i}: ${r.length} values for ${table.fields.length} fields`);
    return r.map(cell).join(DAT_DELIMITER);
  });
  return DAT_BOM + lines.map((l) => `${l}\r\n`).join('');
}

/** The values of one line: þvalueþ¶þvalueþ… (a ¶ inside þ…þ is part of the value). */
function parseLine(line: string, lineNo: number): string[] {
  const out: string[] = [];
  let pos = 0;
  for (;;) {
    if (line[pos] !== DAT_QUOTE) throw new Error(`Concordance line ${lineNo}: a value is not quoted with þ`);
    const end = line.indexOf(DAT_QUOTE, pos + 1);
    if (end < 0) throw new Error(`Concordance line ${lineNo}: a value is not closed with þ`);
    out.push(line.slice(pos + 1, end).split(DAT_NEWLINE).join('\n'));
    pos = end + 1;
    if (pos === line.length) return out;
    if (line[pos] !== DAT_DELIMITER) throw new Error(`Concordance line ${lineNo}: values are not separated by ¶`);
    pos++;
  }
}

/**
 * Reads a `.dat` text back (BOM optional; ® becomes a line break again).
 * @throws Error naming the line when a value is not quoted with þ or a row has the wrong length.
 */
export function parseConcordance(text: string): DatTable {
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/).filter((l) => l.length > 0);
  const parsed = lines.map((l, i) => parseLine(l, i + 1));
  const [fields = [], ...rows] = parsed;
  rows.forEach((r, i) => {
    if (r.length !== fields.length) throw new Error(`Concordance line ${i + 2}: ${r.length} values for ${fields.length} fields`);
  });
  return { fields, rows };
}
