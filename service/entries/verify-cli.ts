/**
 * `npm run verify -- <pack.zip> [--workspace-key <file|JWK>] [--json]` (and the packaged
 * `nest-verify`): checks a case pack with nothing but the pack and the trusted workspace public
 * key, prints the verdict and every difference, and exits 0 only when everything holds (1: a
 * difference; 2: usage; 3: intact but no trusted key given). See docs/case-packs.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parsePublicJwk, type PublicWorkspaceJwk } from '../../shared/auth/keys';
import { t } from '../../shared/messages/format';
import { verifyPack } from '../../node/packs/pack-verifier';
import { exitStatus, reportText } from '../../node/packs/pack-report-text';

/**
 * The key `arg` names: JSON text when it starts with `{`, otherwise a file path.
 * @throws Error with a catalogue sentence when the file does not exist or is a directory, or the
 *   key is not a valid public JWK.
 */
function readKey(arg: string): PublicWorkspaceJwk {
  if (arg.trimStart().startsWith('{')) return parsePublicJwk(arg);
  // A path that is not there is a missing file, not "not valid JSON" (F-VERIFY-2).
  if (!fs.existsSync(arg)) throw new Error(t('pack.cli.key-file-missing', { file: arg }));
  if (fs.statSync(arg).isDirectory()) throw new Error(t('pack.cli.is-directory', { file: arg }));
  return parsePublicJwk(fs.readFileSync(arg, 'utf8'));
}

async function main(argv: string[]): Promise<number> {
  let values: { 'workspace-key'?: string; json?: boolean; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { 'workspace-key': { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean' } } }));
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n\n${t('pack.cli.usage')}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${t('pack.cli.usage')}\n`);
    return 0;
  }
  const file = positionals[0];
  if (!file) {
    process.stderr.write(`${t('pack.cli.no-file')}\n\n${t('pack.cli.usage')}\n`);
    return 2;
  }
  if (positionals.length > 1) {
    process.stderr.write(`${t('pack.cli.one-pack', { count: positionals.length, files: positionals.join(', ') })}\n\n${t('pack.cli.usage')}\n`);
    return 2;
  }
  try {
    fs.accessSync(file, fs.constants.R_OK);
  } catch (err) {
    process.stderr.write(`${t('pack.cli.cannot-open', { file, reason: (err as NodeJS.ErrnoException).code ?? String(err) })}\n`);
    return 2;
  }
  if (fs.statSync(file).isDirectory()) {
    process.stderr.write(`${t('pack.cli.is-directory', { file })}\n`);
    return 2;
  }
  let key: PublicWorkspaceJwk | undefined;
  if (values['workspace-key'] !== undefined) {
    try {
      key = readKey(values['workspace-key']);
    } catch (err) {
      process.stderr.write(`${t('pack.cli.bad-key', { reason: err instanceof Error ? err.message : String(err) })}\n`);
      return 2;
    }
  }
  const report = await verifyPack(file, key);
  if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else process.stdout.write(`${reportText(path.basename(file), report).join('\n')}\n`);
  return exitStatus(report);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
