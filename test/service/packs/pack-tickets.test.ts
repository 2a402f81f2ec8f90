/**
 * Single-use download tickets (service/packs/pack-tickets.ts) over a real staging folder: a ticket
 * redeems once; a used, expired, wrong or malformed one does not; a newer ticket replaces the
 * older; only the member (in the workspace) who staged the pack gets a ticket, never for an
 * uploaded pack or one no longer staged; of several redemptions of one ticket exactly one wins (consumed by an atomic rename); and the
 * ticket itself is never stored, only its SHA-256.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACK_TICKET_TTL_MS } from '../../../shared/rpc/packs';
import { newStagedPack, recordStagedOwner, stagingDir } from '../../../service/packs/pack-staging';
import { mintTicket, redeemTicket } from '../../../service/packs/pack-tickets';
import { tempDir } from '../../helpers/temp-dir';

const ada = { workspaceId: '00000000-0000-4000-8000-0000000000a1', memberId: 'member-ada' };

function staged(owner: typeof ada | null = ada) {
  const dataDir = tempDir('nest-tickets-');
  const { id, file } = newStagedPack(dataDir);
  fs.writeFileSync(file, 'PK pack bytes');
  if (owner) recordStagedOwner(dataDir, id, { ...owner, fileName: 'NEST-2026-0001-pack-TLP-RED.zip' });
  return { dataDir, id, file };
}

describe('pack download tickets', () => {
  it('redeem once, before they expire, and only the ticket given', () => {
    const s = staged();
    const now = 1_800_000_000_000;
    const a = mintTicket(s.dataDir, s.id, ada, now);
    expect(a.ticket).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.expiresAt).toBe(now + PACK_TICKET_TTL_MS);
    expect(redeemTicket(s.dataDir, s.id, a.ticket, now + 1000)).toEqual({ file: s.file, owner: { ...ada, fileName: 'NEST-2026-0001-pack-TLP-RED.zip' } });
    expect(redeemTicket(s.dataDir, s.id, a.ticket, now + 1000)).toBeNull(); // used

    const late = mintTicket(s.dataDir, s.id, ada, now);
    expect(redeemTicket(s.dataDir, s.id, late.ticket, now + PACK_TICKET_TTL_MS + 1)).toBeNull(); // expired
    expect(redeemTicket(s.dataDir, s.id, late.ticket, now)).toBeNull(); // and consumed by the failed try

    const old = mintTicket(s.dataDir, s.id, ada, now);
    const newer = mintTicket(s.dataDir, s.id, ada, now);
    expect(redeemTicket(s.dataDir, s.id, old.ticket, now)).toBeNull(); // replaced (and the try burns the newer)
    expect(redeemTicket(s.dataDir, s.id, newer.ticket, now)).toBeNull();

    const fresh = mintTicket(s.dataDir, s.id, ada, now);
    expect(redeemTicket(s.dataDir, s.id, 'short', now)).toBeNull(); // malformed: refused without consuming
    expect(redeemTicket(s.dataDir, s.id, fresh.ticket, now)).not.toBeNull();
  });

  it('are minted only for the member who staged the pack', () => {
    const s = staged();
    expect(() => mintTicket(s.dataDir, s.id, { ...ada, memberId: 'member-bo' }, 0)).toThrow(expect.objectContaining({ code: 'forbidden', messageRef: { id: 'pack.download.not-yours' } }));
    expect(() => mintTicket(s.dataDir, s.id, { ...ada, workspaceId: '00000000-0000-4000-8000-0000000000b2' }, 0)).toThrow(expect.objectContaining({ code: 'forbidden' }));
    const upload = staged(null);
    expect(() => mintTicket(upload.dataDir, upload.id, ada, 0)).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(() => mintTicket(s.dataDir, 'A'.repeat(22), ada, 0)).toThrow(expect.objectContaining({ code: 'not-found', messageRef: { id: 'pack.staged-unknown' } }));
    const t = mintTicket(s.dataDir, s.id, ada, 0);
    fs.rmSync(s.file);
    expect(redeemTicket(s.dataDir, s.id, t.ticket, 0)).toBeNull(); // the pack is gone
  });

  it('let exactly one of several redemptions of one ticket through, and store only a hash', async () => {
    const s = staged();
    const t = mintTicket(s.dataDir, s.id, ada, 0);
    const stored = fs.readdirSync(stagingDir(s.dataDir)).map((n) => fs.readFileSync(path.join(stagingDir(s.dataDir), n), 'utf8'));
    expect(stored.join('\n')).not.toContain(t.ticket);
    const results = await Promise.all([0, 1, 2, 3].map(() => Promise.resolve().then(() => redeemTicket(s.dataDir, s.id, t.ticket, 0))));
    expect(results.filter((r) => r !== null)).toHaveLength(1);
  });
});
