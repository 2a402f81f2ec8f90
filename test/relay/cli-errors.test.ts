/**
 * The relay CLI facing an operator's mistakes: each is one "error: …" line naming the path, what
 * is wrong and what to do (never a stack trace), and the read-only commands never create an
 * empty database in a mistyped folder.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { prepareDataDir } from '../../relay/data-dir';
import { ROOT, runCli, tempDir } from './helpers';

const CLI = path.join(ROOT, 'relay/cli.ts');

/** Runs the CLI; resolves with its exit code and output (never rejects). */
function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT, env: { ...process.env, NEST_LOG_LEVEL: 'silent' }, timeout: 30_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
    });
  });
}

function expectOneLine(r: { stderr: string }, ...parts: string[]): void {
  const text = r.stderr.trim();
  expect(text.split('\n')).toHaveLength(1);
  expect(text.startsWith('error: ')).toBe(true);
  for (const p of parts) expect(text).toContain(p);
  expect(text).not.toMatch(/\n\s+at /);
}

describe('relay CLI errors', () => {
  it('list-workspaces, remove-key and backup on a mistyped data folder fail and create nothing', async () => {
    const base = tempDir();
    const typo = path.join(base, 'relay-dta');
    const list = await cli(['list-workspaces', '--data-dir', typo]);
    expect(list.code).toBe(1);
    expectOneLine(list, typo, 'does not exist', '--data-dir');
    const backup = await cli(['backup', '--data-dir', typo, '--out', path.join(base, 'copy.sqlite')]);
    expect(backup.code).toBe(1);
    expectOneLine(backup, typo);
    expect(backup.stdout).not.toContain('backup written');
    const remove = await cli(['remove-key', '--data-dir', typo, '--id', randomUUID(), '--kid', 'k']);
    expect(remove.code).toBe(1);
    expect(fs.existsSync(typo)).toBe(false);
    expect(fs.existsSync(path.join(base, 'copy.sqlite'))).toBe(false);
    // An existing folder without a database is a mistake too.
    const empty = await cli(['list-workspaces', '--data-dir', base]);
    expectOneLine(empty, 'no relay database', base);
    expect(fs.existsSync(path.join(base, 'relay.sqlite'))).toBe(false);
  });

  it('serve on a data folder that is a file, or holds a file that is not a database, says so', async () => {
    const base = tempDir();
    const file = path.join(base, 'not-a-folder');
    fs.writeFileSync(file, 'x');
    const r = await cli(['serve', '--port', '0', '--data-dir', file]);
    expect(r.code).toBe(2);
    expectOneLine(r, file, 'is a file, not a folder');
    const garbage = path.join(base, 'garbage');
    fs.mkdirSync(garbage);
    fs.writeFileSync(path.join(garbage, 'relay.sqlite'), 'not sqlite at all, just text that is long enough to be a header');
    const g = await cli(['serve', '--port', '0', '--data-dir', garbage]);
    expect(g.code).toBe(1);
    expectOneLine(g, path.join(garbage, 'relay.sqlite'), 'not a database');
  });

  it('a missing key file, an existing key file and a missing backup folder are named', async () => {
    const base = tempDir();
    const data = path.join(base, 'data');
    const missing = path.join(base, 'ws.pub.jwk');
    const add = await cli(['add-workspace', '--data-dir', data, '--id', randomUUID(), '--public-key', missing]);
    expect(add.code).toBe(2);
    expectOneLine(add, '--public-key', missing, 'no file');
    const key = path.join(base, 'ws.jwk');
    await runCli(['generate-key', '--out', key]);
    const again = await cli(['generate-key', '--out', key]);
    expect(again.code).toBe(2);
    expectOneLine(again, key, 'never overwritten');
    const invite = await cli(['invite', '--key', path.join(base, 'nope.jwk'), '--workspace', randomUUID(), '--member', 'm', '--name', 'N', '--agency', 'A', '--role', 'observer']);
    expect(invite.code).toBe(2);
    expectOneLine(invite, '--key', 'nope.jwk');
    await runCli(['add-workspace', '--data-dir', data, '--id', randomUUID(), '--public-key', (await runCli(['generate-key', '--out', path.join(base, 'k2.jwk')])).trim()]);
    const out = path.join(base, 'no-such-folder', 'copy.sqlite');
    const backup = await cli(['backup', '--data-dir', data, '--out', out]);
    expect(backup.code).toBe(2);
    expectOneLine(backup, path.dirname(out), 'does not exist');
  }, 90_000); // seven CLI processes, each starting tsx: ~3 s apiece on a loaded 2-core machine
});

describe('relay file modes', () => {
  it('the CLI creates the data folder 0700 and every database file 0600, backups too', async () => {
    const base = tempDir();
    const dataDir = path.join(base, 'relay-data');
    const key = await cli(['generate-key', '--out', path.join(base, 'ws.key')]);
    expect(key.code).toBe(0);
    expect(fs.statSync(path.join(base, 'ws.key')).mode & 0o777).toBe(0o600);
    const add = await cli(['add-workspace', '--data-dir', dataDir, '--id', randomUUID(), '--public-key', key.stdout.trim()]);
    expect(add.code).toBe(0);
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
    const files = fs.readdirSync(dataDir);
    expect(files).toContain('relay.sqlite');
    for (const f of files) expect([f, fs.statSync(path.join(dataDir, f)).mode & 0o777]).toEqual([f, 0o600]);
    const out = path.join(base, 'copy.sqlite');
    expect((await cli(['backup', '--data-dir', dataDir, '--out', out])).code).toBe(0);
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
  });
});

describe('prepareDataDir', () => {
  it('creates a missing folder for serve and add-workspace', () => {
    const dir = path.join(tempDir(), 'a', 'b');
    expect(prepareDataDir(dir, 'create')).toBe(path.join(dir, 'relay.sqlite'));
    expect(fs.statSync(dir).isDirectory()).toBe(true);
  });

  it('makes the folder owner-only (0700) and tightens a folder and database an older relay left 0755/0644', () => {
    const dir = path.join(tempDir(), 'fresh');
    prepareDataDir(dir, 'create');
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    const old = tempDir();
    fs.chmodSync(old, 0o755);
    for (const f of ['relay.sqlite', 'relay.sqlite-wal', 'relay.sqlite-shm']) fs.writeFileSync(path.join(old, f), '', { mode: 0o644 });
    fs.writeFileSync(path.join(old, 'notes.txt'), '', { mode: 0o644 });
    prepareDataDir(old, 'existing');
    expect(fs.statSync(old).mode & 0o777).toBe(0o700);
    for (const f of ['relay.sqlite', 'relay.sqlite-wal', 'relay.sqlite-shm']) expect(fs.statSync(path.join(old, f)).mode & 0o777).toBe(0o600);
    // Not the relay's: left as it was.
    expect(fs.statSync(path.join(old, 'notes.txt')).mode & 0o777).toBe(0o644);
  });

  it('refuses a missing database for the commands that only read or copy it', () => {
    const dir = tempDir();
    expect(() => prepareDataDir(dir, 'existing')).toThrow(/no relay database/);
    fs.writeFileSync(path.join(dir, 'relay.sqlite'), '');
    expect(prepareDataDir(dir, 'existing')).toBe(path.join(dir, 'relay.sqlite'));
  });
});
