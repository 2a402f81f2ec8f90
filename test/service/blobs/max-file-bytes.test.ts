/**
 * The installation's file-size limit (service/blobs/max-file-bytes.ts): 2 GiB unless
 * NEST_MAX_FILE_BYTES says otherwise; a nonsense value is refused, not silently defaulted; the
 * workspace's blob store takes it, so intake past it keeps nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { maxFileBytes, MAX_FILE_BYTES_ENV } from '../../../service/blobs/max-file-bytes';
import { workspaceBlobStore } from '../../../service/blobs/case-files-service';

const saved = process.env[MAX_FILE_BYTES_ENV];
afterEach(() => {
  if (saved === undefined) delete process.env[MAX_FILE_BYTES_ENV];
  else process.env[MAX_FILE_BYTES_ENV] = saved;
});

describe('maxFileBytes', () => {
  it('is 2 GiB by default and the variable’s value when set', () => {
    expect(maxFileBytes({})).toBe(2 * 1024 ** 3);
    expect(maxFileBytes({ [MAX_FILE_BYTES_ENV]: '' })).toBe(2 * 1024 ** 3);
    expect(maxFileBytes({ [MAX_FILE_BYTES_ENV]: ' 5368709120 ' })).toBe(5 * 1024 ** 3);
  });

  it('refuses a value that is not a whole number of bytes of at least 1 MiB', () => {
    for (const v of ['2GiB', '-5', '1.5e9', '1000', 'abc']) {
      expect(() => maxFileBytes({ [MAX_FILE_BYTES_ENV]: v })).toThrow(expect.objectContaining({ code: 'validation', messageRef: expect.objectContaining({ id: 'file.bad-max-size' }) }));
    }
  });

  it('is the limit of the workspace blob store', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nest-maxfile-'));
    try {
      process.env[MAX_FILE_BYTES_ENV] = String(1024 * 1024);
      const store = workspaceBlobStore(path.join(dir, 'workspace.sqlite'));
      await expect(store.intake(Readable.from([Buffer.alloc(1024 * 1024 + 1)]))).rejects.toMatchObject({ code: 'too-large' });
      expect((await store.intake(Readable.from([Buffer.alloc(1024 * 1024)]))).size).toBe(1024 * 1024);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
