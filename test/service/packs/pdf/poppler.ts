/**
 * Test helpers over Debian's poppler-utils: a PDF's text per page (`pdftotext`, pages split at
 * form feeds) and one page rendered to PNG (`pdftoppm -png -gray`), decoded with
 * node:zlib (PNG filters undone) so tests can count dark pixels in a region.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** The text of each page of the PDF at `file`, in reading order (pdftotext's default, logical order for RTL). */
export function pdfPages(file: string): string[] {
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return text.split('\f').slice(0, -1);
}

/** A decoded grey image: `data[y * width + x]` from 0 (black) to 255 (white). */
export interface GreyImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Bytes per pixel of the 8-bit PNG colour types: grey, RGB, grey+alpha, RGBA. */
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

/**
 * Decodes an 8-bit, non-interlaced PNG (grey or RGB, with or without alpha: what pdftoppm writes)
 * into grey levels (the mean of the colour channels; alpha ignored).
 * @throws Error for any other kind.
 */
export function decodeGreyPng(png: Buffer): GreyImage {
  let pos = 8;
  let width = 0;
  let height = 0;
  let bpp = 1;
  const idat: Buffer[] = [];
  while (pos < png.length) {
    const len = png.readUInt32BE(pos);
    const type = png.toString('latin1', pos + 4, pos + 8);
    const body = png.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const channels = CHANNELS[body[9]!];
      if (body[8] !== 8 || !channels || body[12] !== 0) throw new Error('not an 8-bit non-interlaced grey or RGB PNG');
      bpp = channels;
    } else if (type === 'IDAT') idat.push(body);
    pos += 12 + len;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  const px = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let i = 0; i < stride; i++) {
      const v = raw[y * (stride + 1) + 1 + i]!;
      const a = i >= bpp ? px[y * stride + i - bpp]! : 0;
      const b = y > 0 ? px[(y - 1) * stride + i]! : 0;
      const c = i >= bpp && y > 0 ? px[(y - 1) * stride + i - bpp]! : 0;
      let pred = 0;
      if (filter === 1) pred = a;
      else if (filter === 2) pred = b;
      else if (filter === 3) pred = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        pred = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      px[y * stride + i] = (v + pred) & 0xff;
    }
  }
  const colours = bpp === 1 || bpp === 2 ? 1 : 3;
  const data = new Uint8Array(width * height);
  for (let k = 0; k < width * height; k++) {
    let sum = 0;
    for (let ch = 0; ch < colours; ch++) sum += px[k * bpp + ch]!;
    data[k] = Math.round(sum / colours);
  }
  return { width, height, data };
}

/** Renders page `page` (1-based) of `file` at `dpi` to `<outPrefix>.png` (grey) and decodes it. */
export function renderPage(file: string, page: number, dpi: number, outPrefix: string): GreyImage {
  execFileSync('pdftoppm', ['-png', '-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file, outPrefix]);
  return decodeGreyPng(fs.readFileSync(`${outPrefix}.png`));
}

/** Share of pixels darker than 128 in the region (fractions of the page's width and height). */
export function darkShare(img: GreyImage, region: { x0: number; y0: number; x1: number; y1: number }): number {
  let dark = 0;
  let all = 0;
  for (let y = Math.floor(region.y0 * img.height); y < Math.floor(region.y1 * img.height); y++) {
    for (let x = Math.floor(region.x0 * img.width); x < Math.floor(region.x1 * img.width); x++) {
      all++;
      if (img.data[y * img.width + x]! < 128) dark++;
    }
  }
  return all ? dark / all : 0;
}

/** A path under `dir` for a rendered page. */
export const pagePath = (dir: string, name: string): string => path.join(dir, name);
