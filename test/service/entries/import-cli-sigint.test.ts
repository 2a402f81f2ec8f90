/**
 * Ctrl-C in `npm run import` (issue 11 "Cancel really cancels"): a real child process sent SIGINT
 * while it writes stops at the next volume transaction, prints what was written and the command
 * that undoes it, and exits 130 by itself; the written seizures are a batch in state 'cancelled'
 * that `--undo` removes. Sent while it reads a new case's file, nothing is written and no case is
 * left behind.
 *
 * Run as the README says, `npm run import -- …`, and interrupted as a terminal's Ctrl-C does: SIGINT
 * to the whole process group (npm, the shell, node). Through the `tsx` wrapper the import was
 * SIGKILLed 30 ms after the signal while inside a volume transaction (tester finding): nothing
 * printed, an empty case and a volume no batch listed.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DataService } from '../../../service/data-service';
import { PassphraseKeyStore } from '../../../service/keys/passphrase-key-store';
import { CaseImports } from '../../../shared/docs/case-import-batches';
import { newCaseFields } from '../../../shared/domain/case';
import { INLINE_SEIZURES, VOLUME_SIZE } from '../../../shared/docs/volume-doc';
import { tempDir } from '../../helpers/temp-dir';
import { P3_HEADER, seizureRows } from '../../../bench/p3-csv';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const PASSPHRASE = 'import cli sigint passphrase';
const env = { ...process.env, NEST_LOG_LEVEL: 'silent', NEST_PASSPHRASE: PASSPHRASE };
/** `npm run import -- <args>` as the README writes it (npm's own banner silenced). */
const cli = (args: string[], dataDir: string) => ['run', '--silent', 'import', '--', ...args, '--data-dir', dataDir];

function open(dataDir: string): Promise<DataService> {
  return new PassphraseKeyStore(dataDir, () => Promise.resolve(PASSPHRASE), { N: 2 ** 14, r: 8, p: 1 }).load().then((dataKey) => DataService.open({ dataDir, mode: 'browser', dataKey }));
}

async function prepare(rows: number): Promise<{ dataDir: string; workspaceId: string; caseId: string; number: string; docName: string; file: string }> {
  const dataDir = tempDir();
  const s = await open(dataDir);
  await s.invoke('identity.create', { name: 'Field Analyst', agency: 'Customs', role: 'investigator' });
  const ws = await s.invoke('workspaces.create', { name: 'Task Force Alpha', casePrefix: 'NEST', reportingCurrency: 'USD' });
  const c = await s.invoke('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-12-07'), title: 'Register' } });
  s.close();
  const file = path.join(tempDir(), 'national.csv');
  fs.writeFileSync(file, `${P3_HEADER}\n${seizureRows(rows)}`);
  return { dataDir, workspaceId: ws.id, caseId: c.id, number: c.number, docName: c.docName, file };
}

/**
 * The exit status a shell shows ($?): the code, or 128 + the signal's number. npm waits for the
 * import to finish, then re-raises the SIGINT it received itself: 130 either way.
 */
const shellStatus = (r: { code: number | null; signal: string | null }): number => r.code ?? 128 + os.constants.signals[r.signal as NodeJS.Signals];

/**
 * Runs `npm <args>` in its own process group, sends SIGINT to the whole group (a terminal's
 * Ctrl-C) once its stdout matches `when`, and resolves with its exit.
 */
function interrupt(args: string[], when: RegExp): Promise<{ code: number | null; signal: string | null; out: string; err: string; sent: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', args, { cwd: root, env, detached: true });
    let out = '';
    let err = '';
    let sent = false;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!sent && when.test(out)) {
        sent = true;
        process.kill(-child.pid!, 'SIGINT');
      }
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal, out, err, sent }));
  });
}

describe('import CLI and Ctrl-C', () => {
  it('stops the writing at the next volume, says what was written and how to undo it, exits 130; --undo removes exactly that', async () => {
    const rows = 21_000;
    const { dataDir, workspaceId, caseId, number, docName, file } = await prepare(rows);
    const r = await interrupt(cli([file, '--workspace', 'Task Force Alpha', '--case', number], dataDir), /^Writing seizures: [1-9]/m);
    expect(r.sent).toBe(true);
    expect(shellStatus(r)).toBe(130);
    expect(r.err).toContain('Stopping at the next safe point');
    const m = /^Stopped: ([\d,]+) seizures of 21,000 from national\.csv were written and stay in the case, logged as stopped import ([0-9a-f-]{36})\. To undo them as one step: npm run import -- --undo \2 --workspace 'Task Force Alpha' --case (\S+) /m.exec(r.out);
    expect(m, r.out).not.toBeNull();
    const written = Number(m![1]!.replace(/,/g, ''));
    const batchId = m![2]!;
    expect(m![3]).toBe(number);
    // The case doc's inline run (the file's first rows) and whole volumes: no gap.
    expect((written - INLINE_SEIZURES) % VOLUME_SIZE).toBe(0);
    expect(written).toBeGreaterThan(INLINE_SEIZURES);
    expect(written).toBeLessThan(rows);
    // Every row up to the printed line, none after (header = line 1; row k has quantity k).
    expect(r.out).toContain(`Written: every good row of the file up to line ${(written + 1).toLocaleString('en')}, none after it. To import the rest, run the same command again with --allow-reimport: the rows already written match and are left out.`);
    // The report's first line says the import stopped, never "Imported N seizures" (tester finding F10).
    expect(r.out).toContain(`\nStopped after writing ${written.toLocaleString('en')} of 21,000 seizures from national.csv (csv). The counts below are of the rows written.\n`);
    expect(r.out).not.toMatch(/^Imported /m);

    const s = await open(dataDir);
    try {
      expect((await s.invoke('cases.list', { workspaceId })).find((c) => c.id === caseId)!.seizureCount).toBe(written);
      expect(s.workspace(workspaceId).host.with(docName, (doc) => new CaseImports(doc).list())).toEqual([expect.objectContaining({ id: batchId, state: 'cancelled', seizures: written, planned: rows })]);
      // The quantities written are exactly 1 … written (the tester saw 1,001 … 11,000: the first 1,000 rows dropped).
      const page = (sortDir: 'asc' | 'desc') => s.invoke('seizures.page', { workspaceId, caseId, sortBy: 'quantity', sortDir, offset: 0, limit: 1 });
      expect((await page('asc')).rows[0]!.quantity).toBe(1);
      expect((await page('desc')).rows[0]!.quantity).toBe(written);
    } finally {
      s.close();
    }

    // The printed command, as printed.
    const undo = spawnSync('npm', cli(['--undo', batchId, '--workspace', 'Task Force Alpha', '--case', number], dataDir), { cwd: root, env, encoding: 'utf8' });
    expect(undo.stderr).toBe('');
    expect(undo.status).toBe(0);
    expect(undo.stdout).toContain(`Undid import ${batchId}: ${written.toLocaleString('en')} seizures marked deleted.`);
    const after = await open(dataDir);
    try {
      expect((await after.invoke('cases.list', { workspaceId })).find((c) => c.id === caseId)!.seizureCount).toBe(0);
    } finally {
      after.close();
    }
  }, 240_000);

  it('stopped while reading a new case’s file: nothing written, no case created, exit 130', async () => {
    const { dataDir, workspaceId, file } = await prepare(40_000);
    const r = await interrupt(cli([file, '--workspace', 'Task Force Alpha', '--new-case', 'Never made'], dataDir), /^Checking rows: /m);
    expect(r.sent).toBe(true);
    expect(shellStatus(r)).toBe(130);
    expect(r.err).toContain('The import of national.csv was stopped before anything was written: the case is as it was');
    // A stop the user asked for is not reported as a failure (tester finding).
    expect(r.err).not.toContain('Import failed');
    expect(r.out).not.toContain('Created case');
    const s = await open(dataDir);
    try {
      expect((await s.invoke('cases.list', { workspaceId })).map((c) => c.title)).toEqual(['Register']);
    } finally {
      s.close();
    }
  }, 240_000);
});
