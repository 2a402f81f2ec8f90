/** Media types come from the bytes first: a renamed file is not believed, text falls back to its extension. */
import { describe, expect, it } from 'vitest';
import { isViewable, sniffMediaType } from '../../../shared/domain/media-type';

const b = (...x: number[]): Uint8Array => Uint8Array.from([...x, ...new Array(16).fill(0)].slice(0, Math.max(x.length, 16)));

describe('sniffMediaType', () => {
  it('recognises signatures whatever the name says', () => {
    expect(sniffMediaType(b(0x25, 0x50, 0x44, 0x46, 0x2d, 0x31), 'report.txt')).toBe('application/pdf');
    expect(sniffMediaType(b(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), 'x')).toBe('image/png');
    expect(sniffMediaType(b(0xff, 0xd8, 0xff, 0xe0), 'photo.pdf')).toBe('image/jpeg');
    expect(sniffMediaType(b(0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50), 'a')).toBe('image/webp');
    expect(sniffMediaType(b(0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70), 'clip')).toBe('video/mp4');
  });
  it('does not believe a .pdf name on other bytes, and needs the whole signature', () => {
    expect(sniffMediaType(b(0x25, 0x50, 0x44, 0x46, 0x20), 'fake.pdf')).toBe('application/octet-stream');
    expect(sniffMediaType(Uint8Array.from([0x89, 0x50, 0x4e]), 'short.png')).toBe('application/octet-stream');
    expect(sniffMediaType(b(0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x41, 0x56, 0x45), 'a.wav')).toBe('application/octet-stream');
  });
  it('falls back to the extension for formats without a signature', () => {
    expect(sniffMediaType(Uint8Array.from([0x61, 0x2c, 0x62]), 'LIST.CSV')).toBe('text/csv');
    expect(sniffMediaType(Uint8Array.from([0x61]), 'notes.txt')).toBe('text/plain');
    expect(sniffMediaType(Uint8Array.from([0x61]), 'noextension')).toBe('application/octet-stream');
  });
  it('views PDFs and common images only', () => {
    expect(isViewable('application/pdf')).toBe(true);
    expect(isViewable('image/jpeg')).toBe(true);
    expect(isViewable('image/tiff')).toBe(false);
    expect(isViewable('text/html')).toBe(false);
  });
});
