/**
 * Pack files held in memory, handed to the ZIP writer in chunks: a 100,000-seizure case's STIX
 * bundle is about 100 MiB of text, and as one Buffer it was encoded, measured, hashed and CRC'd in
 * single steps of seconds each (docs/case-packs.md "Event loop during an export"). Text is encoded
 * {@link TEXT_CHUNK} characters at a time with a pause between, and every buffer reaches the
 * writer in {@link BYTE_CHUNK}-byte views, so the writer's stream turns the event loop between them.
 */
import { Readable } from 'node:stream';
import type { PackSource } from '../../node/packs/pack-writer';

/** UTF-16 code units encoded between two pauses. */
export const TEXT_CHUNK = 1 << 20;

/** Bytes per chunk handed to the writer. */
export const BYTE_CHUNK = 1 << 16;

/** A file's text as UTF-8 buffers (never splitting a surrogate pair) and their total size in bytes. */
export interface EncodedText {
  chunks: Buffer[];
  bytes: number;
}

/**
 * `content` encoded as UTF-8 in chunks, `pause()` awaited after each; the chunks joined are
 * exactly `Buffer.from(content, 'utf8')`.
 */
export async function encodeTextPaced(content: string, pause: () => Promise<void>): Promise<EncodedText> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for (let i = 0; i < content.length; ) {
    let end = Math.min(content.length, i + TEXT_CHUNK);
    // A chunk that ended between the two halves of a surrogate pair would encode each as U+FFFD.
    const last = content.charCodeAt(end - 1);
    if (end < content.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    const chunk = Buffer.from(content.slice(i, end), 'utf8');
    chunks.push(chunk);
    bytes += chunk.length;
    i = end;
    await pause();
  }
  return { chunks, bytes };
}

/**
 * Collects text written piece by piece (e.g. the STIX bundle, service/stix/export-bundle.ts) as
 * UTF-8 buffers of about {@link TEXT_CHUNK} characters, so the file is never one string: each
 * piece must be whole (not end between the two halves of a surrogate pair); the writer pauses.
 */
export class TextChunks {
  private readonly encoded: EncodedText = { chunks: [], bytes: 0 };
  private pending: string[] = [];
  private length = 0;

  /** Adds `piece`; encodes what is pending once it reaches {@link TEXT_CHUNK} characters. */
  readonly write = (piece: string): void => {
    this.pending.push(piece);
    this.length += piece.length;
    if (this.length >= TEXT_CHUNK) this.flush();
  };

  /** Everything written, encoded: joined, exactly `Buffer.from(<all pieces>, 'utf8')`. */
  done(): EncodedText {
    this.flush();
    return this.encoded;
  }

  private flush(): void {
    if (!this.length) return;
    const chunk = Buffer.from(this.pending.join(''), 'utf8');
    this.encoded.chunks.push(chunk);
    this.encoded.bytes += chunk.length;
    this.pending = [];
    this.length = 0;
  }
}

/** `buf` as views of at most {@link BYTE_CHUNK} bytes (no copy). */
export function byteChunks(buf: Uint8Array): Buffer[] {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  const out: Buffer[] = [];
  for (let i = 0; i < b.length; i += BYTE_CHUNK) out.push(b.subarray(i, i + BYTE_CHUNK));
  return out;
}

/** A pack source of encoded text at `path`, read in {@link BYTE_CHUNK}-byte chunks. */
export function textSource(path: string, text: EncodedText, mediaType: string): PackSource {
  return { path, mediaType, open: () => Readable.from(text.chunks.flatMap(byteChunks)) };
}
