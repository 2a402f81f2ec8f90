/**
 * The staging folder for case packs (`<dataDir>/pack-staging/<id>.zip`): an exported pack waits
 * there until the page's browser downloads it (with a single-use ticket, pack-tickets.ts), and an
 * uploaded pack until the verifier reads it. An exported pack records who staged it
 * (`<id>.owner.json`: workspace, member, file name), so only that member may download it. Ids are
 * 128 random bits (base64url), so a path is never built from what a page typed; staged files
 * older than an hour are removed whenever a new one is staged.
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

/** Who staged an exported pack, and the name it is downloaded under. */
export interface StagedOwner {
  workspaceId: string;
  memberId: string;
  fileName: string;
}

function ownerFile(dataDir: string, id: string): string {
  return path.join(stagingDir(dataDir), `${id}.owner.json`);
}

/** Records who staged pack `id` (written once the pack is complete). */
export function recordStagedOwner(dataDir: string, id: string, owner: StagedOwner): void {
  fs.writeFileSync(ownerFile(dataDir, id), JSON.stringify(owner), { mode: 0o600 });
}

/** Who staged pack `id`, or null (an uploaded pack, or none). */
export function stagedOwner(dataDir: string, id: string): StagedOwner | null {
  if (!stagedPackIdSchema.safeParse(id).success) return null;
  try {
    return JSON.parse(fs.readFileSync(ownerFile(dataDir, id), 'utf8')) as StagedOwner;
  } catch {
    return null;
  }
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
