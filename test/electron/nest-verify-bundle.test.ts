/**
 * The packaged verifier (dist/electron/nest-verify.cjs from scripts/build-electron.mjs), copied
 * alone into a folder outside the repository, run with plain Node as a court's reviewer would:
 * no tsx, no node_modules, no app. It verifies a real signed pack (exit 0), names a changed file
 * (exit 1), reports an intact pack without a trusted key (exit 3), and explains bad usage (exit 2).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBundles, type BuiltBundles } from './helpers/build';
import { packKeys, packOf, readZip, writeZip } from '../node/packs/pack-support';

let built: BuiltBundles;
let dir: string;

beforeAll(() => {
  built = buildBundles();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nest-verify-bundle-'));
}, 120_000);

afterAll(() => {
  built?.remove();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('nest-verify.cjs (standalone)', () => {
  it('runs with plain Node from a folder of its own and gives the verifier’s verdicts and exit codes', async () => {
    const verifier = path.join(dir, 'nest-verify.cjs');
    fs.copyFileSync(built.nestVerify, verifier);
    expect(fs.readFileSync(verifier, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    const run = (args: string[]) => spawnSync(process.execPath, [verifier, ...args], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });

    const keys = await packKeys();
    const { file } = await packOf(dir, keys, { 'data/case.json': '{"title":"Ivory"}', 'data/seizures.csv': 'a,b\r\n1,2\r\n' });
    const keyFile = path.join(dir, 'workspace.pub.jwk');
    fs.writeFileSync(keyFile, JSON.stringify(keys.workspace.publicJwk));

    const ok = run([file, '--workspace-key', keyFile]);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain(`VERIFIED: pack.zip is complete and unaltered (4 files in the pack (${fs.statSync(file).size.toLocaleString('en-GB')} bytes); 2 files (27 bytes uncompressed) covered by the signed manifest)`);

    expect(run([file]).status).toBe(3);

    const tampered = path.join(dir, 'tampered.zip');
    await writeZip(tampered, (await readZip(file)).map(([n, b]) => [n, n === 'data/case.json' ? Buffer.from('{"title":"Ivorx"}') : b]));
    const bad = run([tampered, '--workspace-key', keyFile]);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('- data/case.json: changed');

    const usage = run([]);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/Usage|usage/);
  });
});
