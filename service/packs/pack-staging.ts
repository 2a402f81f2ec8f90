/**
 * Browser mode's staging folder for case packs (`<dataDir>/pack-staging/<id>.zip`): an exported
 * pack waits there until the page downloads it from the browser host, and an uploaded pack until
 * the verifier reads it. Ids are 128 random bits (base64url), so a path is never built from what a
 * page typed; staged files older than an hour are removed whenever a new one is staged.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { stagedPackIdSchema } from '../../shared/rpc/packs';
import { NestError } from '../../shared/errors';

/** How long a staged pack is kept, in ms. */
const KEEP_MS = 60 * 60 * 1000;

/** The staging folder of a data folder. */
export function stagingDir(dataDir: string): string {
  return path.join(dataDir, 'pack-staging');
}

/** A new staged file's id and path (the folder is created; stale files are removed). */
export function newStagedPack(dataDir: string, now = Date.now()): { id: string; file: string } {
  const dir = stagingDir(dataDir);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const name of fs.readdirSync(dir)) {
    const f = path.join(dir, name);
    const st = fs.statSync(f, { throwIfNoEntry: false });
    if (st && now - st.mtimeMs > KEEP_MS) fs.rmSync(f, { force: true });
  }
  const id = randomBytes(16).toString('base64url');
  return { id, file: path.join(dir, `${id}.zip`) };
}

/**
 * The path of staged pack `id`.
 * @throws NestError('not-found', pack.staged-unknown) for a malformed id or one not staged (any more).
 */
export function stagedPack(dataDir: string, id: string): string {
  if (!stagedPackIdSchema.safeParse(id).success) throw new NestError('not-found', { id: 'pack.staged-unknown' });
  const file = path.join(stagingDir(dataDir), `${id}.zip`);
  if (!fs.existsSync(file)) throw new NestError('not-found', { id: 'pack.staged-unknown' });
  return file;
}
