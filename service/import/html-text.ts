/**
 * Plain text from the HTML that KML descriptions often hold (Google Earth and My Maps write
 * `<description><![CDATA[<b>Seized</b><br>12 t …]]></description>`; togeojson hands it over as
 * `{ "@type": "html", value }`). Line breaks (`<br>`, ends of `<p>`, `<div>`, `<li>`, `<tr>`,
 * `<table>`) become newlines, the cells of a table row are separated by " | " ("Agent | X Ltd",
 * never "AgentX Ltd"), other tags go, entities are decoded, and blank lines and empty cells are
 * dropped, so the notes keep what the officer wrote — never the JSON text of the object.
 */

/** Marks the end of a table cell until lines are cleaned (a control character no HTML text holds). */
const CELL_END = '\u001f';

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', copy: '©', reg: '®' };

/** Decodes the named entities above and numeric ones (&#233; &#xE9;); unknown entities stay as written. */
function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[body.toLowerCase()] ?? whole;
  });
}

/** The text of an HTML fragment (see the module comment); trimmed. */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?(p|div|li|tr|table|h[1-6])\b[^>]*>/gi, '\n')
    .replace(/<\/?(td|th)\b[^>]*>/gi, CELL_END)
    .replace(/<[^>]*>/g, '');
  return decodeEntities(text)
    .split('\n')
    .map((l) =>
      l
        .split(CELL_END)
        .map((cell) => cell.replace(/[ \t]+/g, ' ').trim())
        .filter((cell) => cell !== '')
        .join(' | '),
    )
    .join('\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

/** True when `v` is togeojson's wrapper of an HTML description: `{ "@type": "html", value: string }`. */
export function isHtmlValue(v: unknown): v is { '@type': 'html'; value: string } {
  return typeof v === 'object' && v !== null && (v as Record<string, unknown>)['@type'] === 'html' && typeof (v as Record<string, unknown>).value === 'string';
}
