/**
 * Issue 10 item 4: the relay's SQLite storage encrypted at rest with `--key-file`, through the
 * real CLI. A relay first run clear is restarted with a key (its database is encrypted in place),
 * then takes more case text: a grep of every file in its data folder, while it runs and after it
 * stopped, finds no case text, member, workspace key or token; a restart with the key reads
 * everything back and the provenance log is whole; a start without the key or with another key is
 * refused with exit code 2 and one sentence, leaving the file byte for byte as it was.
 */
import { randomUUID } from 'node:crypto';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseDoc } from '../../shared/docs/case-doc';
import { caseDocName, workspaceDocName } from '../../shared/docs/names';
import { WorkspaceDoc } from '../../shared/docs/workspace-doc';
import { historyPageSchema, historyUrl } from '../../shared/protocol/relay';
import { isClearDatabaseFile } from '../../node/store/sqlite';
import { connect, httpGet, makeWorkspace, member, readBack, ROOT, runCli, setUpWorkspaceDoc, spawnRelay, tempDir, type RelayProcess, type TestWorkspace } from './helpers';

const SUMMARY = 'KESTREL-7731 informant says the pangolin scales leave Apapa on the MV Osprey';
const TITLE = 'Operation Heron Nightfall';
const lead = member('investigator', 'Nigeria Customs', 'Ngozi Okafor-Bellweather');

let ws: TestWorkspace;
let dataDir: string;
let keyFile: string;
let relay: RelayProcess | null = null;
let caseName: string;
let historyBefore: number;

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/** Which of `needles` (UTF-8 or UTF-16) any file under `dir` contains, as "needle in file". */
function grep(dir: string, needles: string[]): string[] {
  const found: string[] = [];
  for (const file of filesUnder(dir)) {
    const raw = fs.readFileSync(file);
    for (const n of needles) if (raw.includes(n) || raw.includes(Buffer.from(n, 'utf16le'))) found.push(`${n} in ${path.relative(dir, file)}`);
  }
  return found;
}

/** Runs `relay/cli.ts serve` expecting it to refuse; resolves with its exit code and stderr. */
function serveRefused(args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', path.join(ROOT, 'relay/cli.ts'), 'serve', '--port', '0', '--data-dir', dataDir, ...args], { cwd: ROOT, env: { ...process.env, NEST_LOG_LEVEL: 'silent', NEST_RELAY_KEY_FILE: '' }, timeout: 30_000 }, (err, _out, stderr) =>
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stderr }),
    );
  });
}

async function historyCount(r: RelayProcess, doc: string): Promise<number> {
  const res = await httpGet(r, historyUrl('', { doc, after: 0, limit: 500 }), await ws.token(ws.admin));
  expect(res.status).toBe(200);
  return historyPageSchema.parse(res.body).entries.length;
}

async function needles(): Promise<string[]> {
  const token = await ws.token(ws.admin);
  return [SUMMARY, 'KESTREL-7731', TITLE, lead.name, ws.admin.name, lead.id, ws.key.publicJwk.x, token, token.split('.')[2]!];
}

beforeAll(async () => {
  const base = tempDir();
  dataDir = path.join(base, 'relay-data');
  keyFile = path.join(base, 'secrets', 'relay.key');
  ws = await makeWorkspace();
  // An older relay, clear: the workspace doc and its members are written before any key exists.
  await runCli(['add-workspace', '--data-dir', dataDir, '--id', ws.id, '--public-key', JSON.stringify(ws.key.publicJwk)]);
  const clear = await spawnRelay({ dataDir });
  (await setUpWorkspaceDoc(clear.url, ws, [lead])).destroy();
  historyBefore = await historyCount(clear, workspaceDocName(ws.id));
  await clear.stop();
  expect(isClearDatabaseFile(path.join(dataDir, 'relay.sqlite'))).toBe(true);

  expect(await runCli(['keygen', keyFile])).toContain('storage key written');
  expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
  relay = await spawnRelay({ dataDir, args: ['--key-file', keyFile] });
  const caseId = randomUUID();
  caseName = caseDocName(ws.id, caseId);
  const token = await ws.token(lead);
  const c = connect(relay.url, caseName, token);
  await c.synced;
  const view = new CaseDoc(c.doc);
  view.init(caseId, 'NEST-2026-0099', { title: TITLE, status: 'open', sector: 'wildlife', tlp: 'RED', jurisdictions: ['NG'], leadAgency: 'NCS', openedOn: '2026-03-01' } as never, { memberId: lead.id });
  view.setSummary(SUMMARY, { memberId: lead.id });
  await readBack(relay.url, caseName, token, (d) => new CaseDoc(d).readSummary() === SUMMARY);
  c.destroy();
}, 120_000);

afterAll(async () => {
  await relay?.stop();
});

describe('relay storage encrypted at rest (--key-file)', () => {
  it('encrypts a clear database in place at the first start with a key, keeping every provenance row', async () => {
    expect(isClearDatabaseFile(path.join(dataDir, 'relay.sqlite'))).toBe(false);
    expect(fs.readdirSync(dataDir).filter((f) => f.includes('.encrypting'))).toEqual([]);
    expect(await historyCount(relay!, workspaceDocName(ws.id))).toBe(historyBefore);
    expect(historyBefore).toBeGreaterThan(0);
    const health = await httpGet(relay!, '/health');
    expect(health.body).toMatchObject({ status: 'ok', storageEncrypted: true });
    expect(JSON.stringify(health.body)).not.toContain(fs.readFileSync(keyFile, 'utf8').trim());
  });

  it('a grep of every file in the data folder finds no case text, member, key or token, running and stopped', async () => {
    const words = await needles();
    expect(filesUnder(dataDir).length).toBeGreaterThan(0);
    expect(grep(dataDir, words)).toEqual([]);
    await relay!.stop();
    relay = null;
    expect(grep(dataDir, words)).toEqual([]);
  });

  it('restarted with the key, it reads every doc back', async () => {
    relay = await spawnRelay({ dataDir, env: { NEST_RELAY_KEY_FILE: keyFile } });
    const token = await ws.token(ws.admin);
    await readBack(relay.url, caseName, token, (d) => new CaseDoc(d).readSummary() === SUMMARY);
    await readBack(relay.url, workspaceDocName(ws.id), token, (d) => new WorkspaceDoc(d).getMember(lead.id)?.name === lead.name);
    expect(await historyCount(relay, caseName)).toBeGreaterThan(0);
    await relay.stop();
    relay = null;
  }, 60_000);

  it('without the key, or with another key, serve is refused with a clear error and changes nothing', async () => {
    const file = path.join(dataDir, 'relay.sqlite');
    const before = fs.readFileSync(file);
    const listing = fs.readdirSync(dataDir).sort();
    const none = await serveRefused([]);
    expect(none.code).toBe(2);
    expect(none.stderr.trim()).toBe(`error: the relay database ${file} is encrypted: start the relay with its key file, --key-file (or NEST_RELAY_KEY_FILE). Nothing was changed`);
    const other = path.join(path.dirname(keyFile), 'other.key');
    await runCli(['keygen', other]);
    const wrong = await serveRefused(['--key-file', other]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr.trim().split('\n')).toHaveLength(1);
    expect(wrong.stderr).toContain(`the relay database ${file} cannot be opened with the key in --key-file`);
    fs.chmodSync(keyFile, 0o640);
    const open = await serveRefused(['--key-file', keyFile]);
    expect(open.code).toBe(2);
    expect(open.stderr).toContain(`run "chmod 600 ${keyFile}"`);
    fs.chmodSync(keyFile, 0o600);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(dataDir).sort()).toEqual(listing);
    expect(listing.filter((f) => f.startsWith('relay.sqlite'))).toEqual(['relay.sqlite']);
  }, 90_000);
});
