/**
 * Files in the data service: a file added from a path is stored under the workspace folder with
 * the hash `sha256sum` gives and a record whose media type comes from its bytes; "verify files"
 * reports a corrupted and a vanished stored file and nothing else.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addFileFromPath, readCaseFileSlice, verifyCaseFiles, workspaceBlobStore } from '../../../service/blobs/case-files-service';
import { CaseFiles } from '../../../shared/docs/case-files';
import { NestError } from '../../../shared/errors';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nest-files-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 5000 }, (_, i) => i % 251)]);

function setup(): { doc: Y.Doc; run: <T>(fn: (d: Y.Doc) => T) => T; blobs: ReturnType<typeof workspaceBlobStore> } {
  const doc = new Y.Doc();
  return { doc, run: (fn) => fn(doc), blobs: workspaceBlobStore(path.join(dir, 'ws', 'workspace.sqlite')) };
}

describe('addFileFromPath', () => {
  it('stores the bytes under the workspace folder and records hash, size, sniffed type, name and author', async () => {
    const { doc, run, blobs } = setup();
    const src = path.join(dir, 'seal-photo.dat');
    fs.writeFileSync(src, PNG);
    const progress: [number, number][] = [];
    const f = await addFileFromPath(blobs, run, src, { memberId: 'm1' }, { onProgress: (d, t) => progress.push([d, t]) });
    const expected = execFileSync('sha256sum', [src], { encoding: 'utf8' }).split(' ')[0];
    expect(f).toMatchObject({ hash: expected, size: PNG.length, mediaType: 'image/png', name: 'seal-photo.dat', addedBy: 'm1', deleted: false });
    expect(progress.at(-1)).toEqual([PNG.length, PNG.length]);
    expect(fs.existsSync(path.join(dir, 'ws', 'blobs', 'sha256', expected!.slice(0, 2), expected!.slice(2)))).toBe(true);
    expect(new CaseFiles(doc).list().map((x) => x.hash)).toEqual([expected]);
  });

  it('refuses a folder or a missing path and records nothing', async () => {
    const { doc, run, blobs } = setup();
    await expect(addFileFromPath(blobs, run, dir, { memberId: 'm1' })).rejects.toBeInstanceOf(NestError);
    await expect(addFileFromPath(blobs, run, path.join(dir, 'nope'), { memberId: 'm1' })).rejects.toMatchObject({ code: 'validation' });
    expect(new CaseFiles(doc).all()).toEqual([]);
  });
});

describe('verifyCaseFiles', () => {
  it('reports a corrupted and a missing file, counts the rest, with progress', async () => {
    const { doc, run, blobs } = setup();
    const names = ['a.bin', 'b.bin', 'c.bin'];
    for (const [i, n] of names.entries()) fs.writeFileSync(path.join(dir, n), Buffer.from(`exhibit bytes ${i}`.repeat(100)));
    const added = [];
    for (const n of names) added.push(await addFileFromPath(blobs, run, path.join(dir, n), { memberId: 'm1' }));
    const clean = await verifyCaseFiles(blobs, new CaseFiles(doc).list());
    expect(clean).toEqual({ ok: 3, changed: [], missing: [] });
    const stored = blobs.pathOf(added[0]!.hash);
    fs.chmodSync(stored, 0o600);
    fs.appendFileSync(stored, 'x');
    fs.rmSync(blobs.pathOf(added[2]!.hash));
    const progress: number[] = [];
    const r = await verifyCaseFiles(blobs, new CaseFiles(doc).list(), (d, t) => progress.push(d * 10 + t));
    expect(r.ok).toBe(1);
    expect(r.changed.map((f) => f.name)).toEqual(['a.bin']);
    expect(r.missing.map((f) => f.name)).toEqual(['c.bin']);
    expect(progress.sort()).toEqual([13, 23, 33]);
  });
});

describe('readCaseFileSlice', () => {
  it('reads slices of a file the case lists and refuses a hash it does not list', async () => {
    const { doc, run, blobs } = setup();
    const src = path.join(dir, 'photo.png');
    fs.writeFileSync(src, PNG);
    const f = await addFileFromPath(blobs, run, src, { memberId: 'm1' });
    const files = new CaseFiles(doc).all();
    const first = await readCaseFileSlice(blobs, files, f.hash, 0, 1000);
    expect(first.size).toBe(PNG.length);
    expect(Buffer.from(first.bytes).equals(PNG.subarray(0, 1000))).toBe(true);
    const last = await readCaseFileSlice(blobs, files, f.hash, PNG.length - 10, 1000);
    expect(Buffer.from(last.bytes).equals(PNG.subarray(PNG.length - 10))).toBe(true);
    expect((await readCaseFileSlice(blobs, files, f.hash, PNG.length, 10)).bytes.length).toBe(0);
    await expect(readCaseFileSlice(blobs, [], f.hash, 0, 10)).rejects.toMatchObject({ code: 'not-found' });
  });
});
