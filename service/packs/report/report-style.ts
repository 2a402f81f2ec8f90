/**
 * The report's stylesheet, inline in the document: A4 pages, the shipped DejaVu Sans (Latin,
 * Greek, Cyrillic and Arabic glyphs; Bitstream Vera licence in resources/fonts/DejaVu-LICENSE.txt)
 * embedded as data: URLs so nothing is fetched, sober tables, and the TLP colours of FIRST TLP 2.0
 * (black background, coloured text). The font files are read once per process.
 */
import fs from 'node:fs';
import { appPath } from '../../../node/store/app-root';

/** The shipped font files (in `resources/fonts/`). */
export const REPORT_FONTS = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;

let fontFaces: string | null = null;

/** `@font-face` rules of the shipped fonts, as data: URLs. @throws Error when a font file is missing from the app. */
export function fontFaceCss(): string {
  if (fontFaces === null) {
    const face = (file: string, weight: number): string =>
      `@font-face{font-family:"NEST Report";font-weight:${weight};font-style:normal;src:url(data:font/ttf;base64,${fs.readFileSync(appPath('resources', 'fonts', file)).toString('base64')}) format("truetype");}`;
    fontFaces = face(REPORT_FONTS.regular, 400) + face(REPORT_FONTS.bold, 700);
  }
  return fontFaces;
}

/** The stylesheet (without the font faces). */
export const REPORT_CSS = `
@page { size: A4; margin: 22mm 16mm 20mm 16mm; }
* { box-sizing: border-box; }
html { font-family: "NEST Report", "Noto Sans CJK SC", "Noto Color Emoji", sans-serif; font-size: 9.5pt; line-height: 1.4; color: #1b1b1b; }
body { margin: 0; }
h1, h2, h3, h4 { font-weight: 700; line-height: 1.2; break-after: avoid; }
h2 { font-size: 14pt; border-bottom: 1.5pt solid #1b1b1b; padding-bottom: 3pt; margin: 0 0 8pt; }
h3 { font-size: 11pt; margin: 12pt 0 4pt; }
h4 { font-size: 10pt; margin: 8pt 0 3pt; }
section { margin-top: 16pt; }
section.cover { margin-top: 0; }
/* The cover stands alone; the sections then run on (a page per section left short sections on near-empty pages). */
section.cover + section { break-before: page; margin-top: 0; }
p { margin: 0 0 5pt; }
table { width: 100%; border-collapse: collapse; margin: 4pt 0 8pt; }
th, td { text-align: start; vertical-align: top; padding: 3pt 4pt; border-bottom: 0.5pt solid #b9bcc2; }
thead th { background: #eceef1; border-bottom: 1pt solid #1b1b1b; font-size: 8.5pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
code { font-family: "NEST Report", monospace; font-size: 8pt; }
code.hash { word-break: break-all; letter-spacing: 0.2pt; }
.nowrap { white-space: nowrap; }
/* File names wrap anywhere rather than run off the page (F-PACK-1); escapes of glyphs the font lacks follow them. */
.fname, code.codepoints { overflow-wrap: anywhere; }
code.codepoints { color: #5a5f66; }
.muted { color: #5a5f66; font-size: 8.5pt; }
.flag { color: #b3261e; font-weight: 700; }
.ok { color: #1e6b33; }
s.replaced, s { color: #7a7f86; }
ul.issues { margin: 2pt 0 8pt; padding-inline-start: 14pt; }
.href { color: #5a5f66; font-size: 8pt; word-break: break-all; }
.cover { padding-top: 10mm; }
.cover .kicker { text-transform: uppercase; letter-spacing: 1.5pt; font-size: 9pt; color: #5a5f66; margin-top: 16mm; }
.cover .case-number { font-size: 13pt; font-weight: 700; margin: 0 0 4pt; }
.cover .case-title { font-size: 24pt; margin: 0 0 6pt; }
.cover .workspace { font-size: 11pt; color: #3a3f46; margin-bottom: 12mm; }
.cover-fields th { width: 38%; color: #3a3f46; font-weight: 400; }
.cover-fields td { font-weight: 700; }
.cover-note { margin-top: 10mm; font-size: 8.5pt; color: #3a3f46; border-left: 2pt solid #1b1b1b; padding-inline-start: 6pt; }
.tlp-band { display: inline-block; background: #000; font-weight: 700; font-size: 12pt; padding: 4pt 10pt; letter-spacing: 0.5pt; }
.tlp-clear { color: #fff; } .tlp-green { color: #33ff00; } .tlp-amber, .tlp-amber-strict { color: #ffc000; } .tlp-red { color: #ff2b2b; }
figure.map { margin: 6pt 0 10pt; break-inside: avoid; }
figure.map svg { width: 100%; height: auto; }
figure.map figcaption { font-size: 8.5pt; color: #5a5f66; margin-top: 3pt; }
.statement-title { font-weight: 700; }
table.notes-table td { border: 0.5pt solid #b9bcc2; }
bdi { unicode-bidi: isolate; }
[dir="auto"] { unicode-bidi: plaintext; }
`;
