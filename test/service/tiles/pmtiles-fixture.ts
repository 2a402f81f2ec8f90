/**
 * Writes a tiny, valid PMTiles v3 file for tests (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md):
 * the 127-byte header, an uncompressed root directory (varint-encoded entries) and the tiles'
 * bytes, one tile per (z, x, y) given, in tile-id order. No leaf directories; JSON metadata if given.
 */
import fs from 'node:fs';
import { zxyToTileId } from 'pmtiles';

function varints(values: number[]): number[] {
  const out: number[] = [];
  for (let v of values) {
    while (v >= 0x80) {
      out.push((v & 0x7f) | 0x80);
      v = Math.floor(v / 128);
    }
    out.push(v);
  }
  return out;
}

/** Writes `tiles` ([z, x, y, bytes]) as a raster PNG PMTiles file covering `bounds` [w, s, e, n], with `metadata` as its (uncompressed) JSON metadata. */
export function writePmtiles(file: string, tiles: [number, number, number, Buffer][], bounds: [number, number, number, number], metadata?: Record<string, unknown>): void {
  const sorted = tiles.map(([z, x, y, data]) => ({ id: zxyToTileId(z, x, y), z, data })).sort((a, b) => a.id - b.id);
  let offset = 0;
  const entries = sorted.map((t) => {
    const e = { id: t.id, offset, length: t.data.length };
    offset += t.data.length;
    return e;
  });
  const dir = Buffer.from(
    varints([
      entries.length,
      ...entries.map((e, i) => e.id - (i ? entries[i - 1]!.id : 0)),
      ...entries.map(() => 1),
      ...entries.map((e) => e.length),
      ...entries.map((e, i) => (i && e.offset === entries[i - 1]!.offset + entries[i - 1]!.length ? 0 : e.offset + 1)),
    ]),
  );
  const data = Buffer.concat(sorted.map((t) => t.data));
  const meta = Buffer.from(metadata ? JSON.stringify(metadata) : '');
  const h = Buffer.alloc(127);
  h.write('PMTiles', 0, 'latin1');
  h.writeUInt8(3, 7);
  const u64 = (at: number, v: number): void => void h.writeBigUInt64LE(BigInt(v), at);
  u64(8, 127); // root directory
  u64(16, dir.length);
  u64(24, 127 + dir.length); // JSON metadata
  u64(32, meta.length);
  u64(40, 0); // leaf directories (none)
  u64(48, 0);
  u64(56, 127 + dir.length + meta.length); // tile data
  u64(64, data.length);
  u64(72, entries.length);
  u64(80, entries.length);
  u64(88, entries.length);
  h.writeUInt8(1, 96); // clustered
  h.writeUInt8(1, 97); // internal compression: none
  h.writeUInt8(1, 98); // tile compression: none
  h.writeUInt8(2, 99); // tile type: png
  h.writeUInt8(Math.min(...sorted.map((t) => t.z)), 100);
  h.writeUInt8(Math.max(...sorted.map((t) => t.z)), 101);
  const e7 = (v: number): number => Math.round(v * 1e7);
  h.writeInt32LE(e7(bounds[0]), 102);
  h.writeInt32LE(e7(bounds[1]), 106);
  h.writeInt32LE(e7(bounds[2]), 110);
  h.writeInt32LE(e7(bounds[3]), 114);
  h.writeUInt8(0, 118);
  h.writeInt32LE(e7((bounds[0] + bounds[2]) / 2), 119);
  h.writeInt32LE(e7((bounds[1] + bounds[3]) / 2), 123);
  fs.writeFileSync(file, Buffer.concat([h, dir, meta, data]));
}
