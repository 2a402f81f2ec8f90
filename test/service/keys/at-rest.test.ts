/**
 * Issue 10 item 3, "Done when": a copy of the data folder without the key reveals no case
 * content, no key and no token, and cannot mint a token.
 * - The at-rest grep test: a workspace with a case whose title, a seizure note and an
 *   informant-style summary hold known strings, connected to a relay (so the workspace's Ed25519
 *   signing key and the admin's relay token are stored) and with an invitation minted; closed;
 *   then every byte of every file in the data folder is searched for those strings and for the
 *   keys' and tokens' text, hex and base64 forms: none is found.
 * - The stolen-folder test: a copy of the folder opens neither without the key nor with another
 *   passphrase, and the real mint path (`invitations.create`) fails on it; with the right
 *   passphrase the same copy mints, so the refusal is the encryption's doing.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DataService } from '../../../service/data-service';
import { PassphraseKeyStore } from '../../../service/keys/passphrase-key-store';
import { decodeInvitation } from '../../../service/relay-sync/invitation';
import { databaseOf } from '../../../service/workspace/workspace-store';
import { caseDocName } from '../../../shared/docs/names';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { newCaseFields } from '../../../shared/domain/case';
import { newSeizureFields } from '../../../shared/domain/seizure';
import { NestError } from '../../../shared/errors';
import { tempDir } from '../../helpers/temp-dir';

const PASSPHRASE = 'correct horse battery staple';
const CASE_TITLE = 'Operation GREENFINCH-4471';
const SEIZURE_NOTE = 'SEIZURE-NOTE-7C1F rosewood logs hidden under teak';
const INFORMANT = 'Informant KESTREL-93 meets the broker at the old ferry pier';

/** Key store with a lower scrypt cost than the default, so the several derivations stay quick. */
function keyStore(dataDir: string, passphrase = PASSPHRASE): PassphraseKeyStore {
  return new PassphraseKeyStore(dataDir, () => Promise.resolve(passphrase), { N: 2 ** 14, r: 8, p: 1 });
}

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/** The needles of a secret: its text, and for bytes their hex, base64 and base64url forms. */
function forms(text: string, bytes?: Buffer): string[] {
  const out = [text];
  if (bytes) out.push(bytes.toString('hex'), bytes.toString('base64'), bytes.toString('base64url'));
  return out;
}

const open: DataService[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

/** Builds the workspace of the test in a fresh data folder; returns what must not be found in it. */
async function buildWorkspace(): Promise<{ dataDir: string; workspaceId: string; secrets: Record<string, string[]> }> {
  const dataDir = tempDir();
  const dataKey = await keyStore(dataDir).load();
  const s = DataService.open({ dataDir, mode: 'browser', dataKey, syncTimings: { roundIntervalMs: 60_000 } });
  open.push(s);
  const me = await s.invoke('identity.create', { name: 'Ana Lima', agency: 'IBAMA', role: 'admin' });
  const ws = await s.invoke('workspaces.create', { name: 'Amazon timber', casePrefix: 'AMZ', reportingCurrency: 'USD' });
  const c = await s.invoke('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-11-29'), title: CASE_TITLE } });
  const rt = s.workspace(ws.id);
  const doc = new CaseDoc(rt.host.retain(caseDocName(ws.id, c.id)));
  doc.addSeizure(crypto.randomUUID(), { ...newSeizureFields('2026-11-20'), commodity: 'rosewood', quantity: 12, unit: 't', country: 'BR', notes: SEIZURE_NOTE }, { memberId: me.memberId });
  doc.setSummary(INFORMANT, { memberId: me.memberId });
  rt.host.release(caseDocName(ws.id, c.id));
  await s.invoke('sync.connect', { workspaceId: ws.id, relayUrl: 'ws://127.0.0.1:9' });
  const invitation = await s.invoke('invitations.create', { workspaceId: ws.id, name: 'Bo Tan', agency: 'Federal Police', role: 'investigator', validDays: 90 });
  // The case content reached the database and its search index (so the grep below is meaningful).
  expect((await s.invoke('search.query', { workspaceId: ws.id, text: 'KESTREL' })).length).toBeGreaterThan(0);
  const settings = databaseOf(rt.store);
  const signingKey = JSON.parse(settings.prepare("SELECT value FROM local_settings WHERE key = 'workspaceKey'").pluck().get() as string) as { d: string };
  const sync = JSON.parse(settings.prepare("SELECT value FROM local_settings WHERE key = 'sync'").pluck().get() as string) as { token: string };
  expect(signingKey.d.length).toBeGreaterThan(20);
  expect(sync.token.split('.')).toHaveLength(3);
  s.close();
  open.splice(0);
  const tokenSignature = (t: string): string => t.split('.')[2]!;
  return {
    dataDir,
    workspaceId: ws.id,
    secrets: {
      caseTitle: forms('GREENFINCH-4471'),
      seizureNote: forms('SEIZURE-NOTE-7C1F'),
      informant: forms('KESTREL-93'),
      signingKey: forms(signingKey.d, Buffer.from(signingKey.d, 'base64url')),
      relayToken: [sync.token, tokenSignature(sync.token)],
      invitation: [invitation.invitation, decodeInvitation(invitation.invitation).token, tokenSignature(decodeInvitation(invitation.invitation).token)],
      dataKey: forms(dataKey.toString('hex'), dataKey),
    },
  };
}

describe('a data folder at rest', () => {
  it('holds no case text, signing key, token or data key in any byte of any file', async () => {
    const { dataDir, secrets } = await buildWorkspace();
    const files = filesUnder(dataDir);
    expect(files.map((f) => path.relative(dataDir, f)).sort()).toEqual(expect.arrayContaining(['keys/passphrase.json', 'profile.json']));
    expect(files.some((f) => f.endsWith('workspace.sqlite'))).toBe(true);
    const found: string[] = [];
    for (const file of files) {
      const raw = fs.readFileSync(file);
      for (const [what, needles] of Object.entries(secrets)) {
        for (const needle of needles) if (raw.includes(needle) || raw.includes(Buffer.from(needle, 'utf16le'))) found.push(`${what} in ${path.relative(dataDir, file)}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('stolen: a copy opens neither without the key nor with another passphrase, and cannot mint a token', async () => {
    const { dataDir, workspaceId } = await buildWorkspace();
    const copy = tempDir();
    fs.cpSync(dataDir, copy, { recursive: true });
    const file = path.join(copy, 'workspaces', workspaceId, 'workspace.sqlite');

    // Plain SQLite sees no database at all.
    const raw = new Database(file, { readonly: true });
    expect(() => raw.prepare('SELECT * FROM local_settings').all()).toThrow(/file is not a database/);
    raw.close();

    // Another passphrase is refused by the verifier before any database is touched.
    const before = fs.readFileSync(file);
    await expect(keyStore(copy, 'a guess at the passphrase').load()).rejects.toThrow(`Wrong passphrase for the data folder ${copy}. Nothing was opened or changed.`);
    expect(fs.readFileSync(file).equals(before)).toBe(true);

    // The real mint path, without the key: the workspace cannot be opened.
    const thief = DataService.open({ dataDir: copy, mode: 'browser' });
    open.push(thief);
    const mint = thief.invoke('invitations.create', { workspaceId, name: 'Mallory', agency: 'None', role: 'admin', validDays: 729 });
    await expect(mint).rejects.toBeInstanceOf(NestError);
    await expect(mint).rejects.toMatchObject({ code: 'database-corrupt' });
    thief.close();
    open.splice(0);

    // With a key derived from another passphrase (a brute-force guess), still no database and no token.
    const guessDir = tempDir();
    const guessKey = await keyStore(guessDir, 'a guess at the passphrase').load();
    const guesser = DataService.open({ dataDir: copy, mode: 'browser', dataKey: guessKey });
    open.push(guesser);
    await expect(guesser.invoke('invitations.create', { workspaceId, name: 'Mallory', agency: 'None', role: 'admin', validDays: 729 })).rejects.toThrow(/cannot be opened with this key/);
    guesser.close();
    open.splice(0);
    expect(fs.readFileSync(file).equals(before)).toBe(true);

    // Control: the right passphrase opens the same copy and mints, so the refusals above are the encryption's.
    const owner = DataService.open({ dataDir: copy, mode: 'browser', dataKey: await keyStore(copy).load() });
    open.push(owner);
    const minted = await owner.invoke('invitations.create', { workspaceId, name: 'Bo Tan', agency: 'Federal Police', role: 'investigator', validDays: 30 });
    expect(minted.invitation.length).toBeGreaterThan(100);
    expect((await owner.invoke('cases.list', { workspaceId })).map((x) => x.title)).toEqual([CASE_TITLE]);
  });
});
