/**
 * Small real PNGs for end-to-end tests, made here (no binary in the repository): solid basemap
 * tiles, and a 480×320 RGB image of a sealed evidence bag — a tan bag on a grey bench with a red seal strip and a label —
 * encoded with zlib and CRC-32 as the PNG specification (ISO/IEC 15948) describes.
 */
import zlib from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** The colour of pixel (x, y) of the evidence-bag picture. */
function pixel(x: number, y: number, w: number, h: number): [number, number, number] {
  const bag = x > w * 0.2 && x < w * 0.8 && y > h * 0.12 && y < h * 0.9;
  if (!bag) {
    const shade = 150 + Math.round(20 * Math.sin(x / 9) * Math.cos(y / 13));
    return [shade, shade, shade + 6];
  }
  if (y > h * 0.2 && y < h * 0.27) return [178, 34, 34]; // seal strip
  if (x > w * 0.3 && x < w * 0.7 && y > h * 0.55 && y < h * 0.75) return (x + y) % 12 < 2 ? [40, 40, 40] : [245, 245, 235]; // label with lines
  const g = 190 - Math.round((y / h) * 30);
  return [g + 20, g, g - 50];
}

/** The PNG bytes of a `w`×`h` picture of a sealed evidence bag. */
export function evidencePng(w = 480, h = 320): Buffer {
  return encodeRgb(w, h, (x, y) => pixel(x, y, w, h));
}

/** The PNG bytes of a `size`×`size` tile of one colour with a 4-pixel dark frame (a test basemap tile whose pixels a screenshot can find). */
export function solidTilePng(rgb: [number, number, number], size = 256): Buffer {
  return encodeRgb(size, size, (x, y) => (x < 4 || y < 4 || x >= size - 4 || y >= size - 4 ? [60, 60, 60] : rgb));
}

/** A `w`×`h` RGB PNG whose pixel (x, y) is `at(x, y)`. */
function encodeRgb(w: number, h: number, at: (x: number, y: number) => [number, number, number]): Buffer {
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) {
    raw[y * (w * 3 + 1)] = 0; // filter: none
    for (let x = 0; x < w; x++) {
      const [r, g, b] = at(x, y);
      const o = y * (w * 3 + 1) + 1 + x * 3;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** A decoded 8-bit RGB or RGBA PNG (what Chromium's screenshots are): its size and each pixel's RGB. */
export interface DecodedPng {
  width: number;
  height: number;
  rgb(x: number, y: number): [number, number, number];
}

/**
 * Decodes an 8-bit, non-interlaced RGB or RGBA PNG (filters None, Sub, Up, Average, Paeth).
 * @throws Error for any other kind of PNG.
 */
export function decodePng(buf: Buffer): DecodedPng {
  const width = buf.readUInt32BE(16);
  const height = buf.readUInt32BE(20);
  const [depth, colour, , , interlace] = [buf[24], buf[25], buf[26], buf[27], buf[28]];
  if (depth !== 8 || (colour !== 2 && colour !== 6) || interlace !== 0) throw new Error(`unsupported PNG (depth ${depth}, colour type ${colour}, interlace ${interlace})`);
  const bpp = colour === 6 ? 4 : 3;
  const idat: Buffer[] = [];
  for (let at = 8; at < buf.length; ) {
    const len = buf.readUInt32BE(at);
    if (buf.toString('ascii', at + 4, at + 8) === 'IDAT') idat.push(buf.subarray(at + 8, at + 8 + len));
    at += 12 + len;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let i = 0; i < stride; i++) {
      const v = raw[y * (stride + 1) + 1 + i]!;
      const a = i >= bpp ? out[y * stride + i - bpp]! : 0;
      const b = y > 0 ? out[(y - 1) * stride + i]! : 0;
      const c = i >= bpp && y > 0 ? out[(y - 1) * stride + i - bpp]! : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      out[y * stride + i] = (v + [0, a, b, (a + b) >> 1, paeth][filter]!) & 0xff;
    }
  }
  return { width, height, rgb: (x, y) => [out[y * stride + x * bpp]!, out[y * stride + x * bpp + 1]!, out[y * stride + x * bpp + 2]!] };
}
