/**
 * Single-use download tickets for staged case packs (browser mode). The page cannot send its
 * session token with a plain navigation, and fetching the pack into the page would hold the whole
 * ZIP (up to gigabytes) in renderer memory; so `packs.downloadTicket` mints a ticket for the member
 * who staged the pack, and the page navigates a hidden `<a download>` to
 * `/packs/download/<id>?t=<ticket>`: the browser's own download manager streams the pack to disk.
 *
 * A ticket is 256 random bits, valid for {@link PACK_TICKET_TTL_MS} and for one request. Only its
 * SHA-256 is stored (`<id>.ticket` beside the staged pack, replaced by a newer ticket), and it is
 * consumed by an atomic rename before it is checked, so two requests racing with one ticket get one
 * download between them. Kept on disk rather than in memory because the RPC handler mints it and
 * the browser host's route redeems it, and the staging folder is what both already share.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { NestError } from '../../shared/errors';
import { PACK_TICKET_TTL_MS } from '../../shared/rpc/packs';
import { stagedOwner, stagedPack, stagingDir, type StagedOwner } from './pack-staging';

/** A ticket as the URL carries it: 43 base64url characters. */
export const TICKET_PATTERN = /^[A-Za-z0-9_-]{43}$/;

function ticketFile(dataDir: string, id: string): string {
  return path.join(stagingDir(dataDir), `${id}.ticket`);
}

const digest = (ticket: string): Buffer => createHash('sha256').update(ticket).digest();

/**
 * Mints a ticket for staged pack `id`, for the member who staged it.
 * @returns the ticket and when it expires (ms since the epoch).
 * @throws NestError('not-found', pack.staged-unknown) when no such pack is staged;
 *   NestError('forbidden', pack.download.not-yours) when another member (or an upload) staged it.
 */
export function mintTicket(dataDir: string, id: string, who: { workspaceId: string; memberId: string }, now: number): { ticket: string; expiresAt: number } {
  stagedPack(dataDir, id);
  const owner = stagedOwner(dataDir, id);
  if (!owner || owner.workspaceId !== who.workspaceId || owner.memberId !== who.memberId) throw new NestError('forbidden', { id: 'pack.download.not-yours' });
  const ticket = randomBytes(32).toString('base64url');
  const expiresAt = now + PACK_TICKET_TTL_MS;
  fs.writeFileSync(ticketFile(dataDir, id), JSON.stringify({ sha256: digest(ticket).toString('hex'), expiresAt }), { mode: 0o600 });
  return { ticket, expiresAt };
}

/**
 * Redeems `ticket` for staged pack `id`: it is consumed whether it matches or not.
 * @returns the pack's path and owner, or null when the ticket is wrong, used, expired or the pack is gone.
 */
export function redeemTicket(dataDir: string, id: string, ticket: string, now: number): { file: string; owner: StagedOwner } | null {
  if (!TICKET_PATTERN.test(ticket)) return null;
  const owner = stagedOwner(dataDir, id);
  if (!owner) return null;
  const taken = `${ticketFile(dataDir, id)}.${randomBytes(6).toString('hex')}.used`;
  try {
    fs.renameSync(ticketFile(dataDir, id), taken);
  } catch {
    return null; // no ticket, or another request took it first
  }
  let stored: { sha256: string; expiresAt: number };
  try {
    stored = JSON.parse(fs.readFileSync(taken, 'utf8')) as { sha256: string; expiresAt: number };
  } finally {
    fs.rmSync(taken, { force: true });
  }
  const expected = Buffer.from(stored.sha256, 'hex');
  const given = digest(ticket);
  if (expected.length !== given.length || !timingSafeEqual(expected, given) || now > stored.expiresAt) return null;
  try {
    return { file: stagedPack(dataDir, id), owner };
  } catch {
    return null;
  }
}
