/** text-check.ts: random bytes are not text; text in UTF-8, UTF-16 or Windows-1252 is, even with one stray control character (each decoded as the import decodes it). */
import { randomBytes } from 'node:crypto';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { notText as notTextOf, NOT_TEXT_SHARE } from '../../../service/import/text-check';
import { decodeText } from '../../../service/import/decode';

/** The check on `bytes` decoded with the import's own encoding detection, as parseImportFile runs it. */
const notText = (bytes: Uint8Array) => notTextOf(decodeText(bytes).text);

const CSV = 'seizure_date,country,place,commodity,quantity,unit\n2019-07-21,SG,Pasir Panjang,ivory,8.8,t\n2020-01-02,DE,Köln–Bonn,pangolin scales,1.2,t\n';

describe('notText', () => {
  it('refuses 20 KB of random bytes, naming the share of control characters', () => {
    const found = notText(new Uint8Array(randomBytes(20_000)));
    expect(found).not.toBeNull();
    // About 31 of 256 byte values are controls: ~12%, far above the 1% threshold.
    expect(found!.share).toBeGreaterThan(0.05);
    expect(found!.chars).toBeGreaterThan(10_000);
  });

  it('refuses text padded with zero bytes', () => {
    const bytes = Buffer.concat([Buffer.from(CSV), Buffer.alloc(2000)]);
    expect(notText(new Uint8Array(bytes))!.share).toBeGreaterThan(NOT_TEXT_SHARE);
  });

  it('reads UTF-8, UTF-16 (with and without BOM), Windows-1252 and a stray control character as text', () => {
    expect(notText(new Uint8Array(Buffer.from(CSV)))).toBeNull();
    expect(notText(new Uint8Array(iconv.encode(CSV, 'utf-16le', { addBOM: true })))).toBeNull();
    expect(notText(new Uint8Array(iconv.encode(CSV, 'utf-16le')))).toBeNull();
    expect(notText(new Uint8Array(iconv.encode(CSV, 'windows-1252')))).toBeNull();
    expect(notText(new Uint8Array(Buffer.from(CSV.repeat(10) + '\u0007')))).toBeNull();
    expect(notText(new Uint8Array(0))).toBeNull();
  });
});
