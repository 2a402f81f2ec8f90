/**
 * A fast look at a KML's property names before the XML is parsed. xmldom and togeojson take
 * seconds over a large KML (20,000 placemarks: several seconds on a loaded machine), so a file whose
 * placemarks each bring their own ExtendedData name (`<Data name="p1">`, `<SimpleData name="p1">`)
 * used to be read whole before geo-reader.ts could count its names and refuse it. This scan counts
 * the distinct names in one pass over the text and lets the reader refuse such a file at once.
 *
 * It never refuses a file the full reading would take: every name counted here becomes a property
 * of some feature (names are decoded and their white space normalised as an XML parser does), so the
 * count is at most the number of columns the reader would see. Counted too, though the reader would
 * not make them columns: names inside a comment or CDATA, and `Data` of the Document's own
 * ExtendedData; a file with more than 500 of those is contrived, and is refused with the same clear message.
 */

/** The XML attribute value as a parser gives it: character references decoded, tabs and line breaks as spaces. */
function decodeAttribute(raw: string): string {
  return raw
    .replace(/[\t\r\n]/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_m, ref: string) => {
      const r = ref.toLowerCase();
      if (r === 'amp') return '&';
      if (r === 'lt') return '<';
      if (r === 'gt') return '>';
      if (r === 'quot') return '"';
      if (r === 'apos') return "'";
      const code = r.startsWith('#x') ? parseInt(r.slice(2), 16) : parseInt(r.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : '';
    });
}

const DATA_NAME = /<(?:Data|SimpleData)\s[^>]*?\bname\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * How many distinct ExtendedData names (`Data` and `SimpleData`, unprefixed as togeojson reads them) `text` uses,
 * leaving out `ignored` ones (togeojson's styling keys), counting no further than `stopAfter`.
 * Time: one regular-expression pass over the text.
 */
export function countKmlDataNames(text: string, ignored: ReadonlySet<string>, stopAfter: number): number {
  const names = new Set<string>();
  for (const m of text.matchAll(DATA_NAME)) {
    const name = decodeAttribute(m[1] ?? m[2] ?? '');
    if (ignored.has(name)) continue;
    names.add(name);
    if (names.size > stopAfter) break;
  }
  return names.size;
}
