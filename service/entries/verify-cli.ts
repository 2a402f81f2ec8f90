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

function readKey(arg: string): PublicWorkspaceJwk {
  const text = fs.existsSync(arg) ? fs.readFileSync(arg, 'utf8') : arg;
  return parsePublicJwk(text);
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
  if (!file || positionals.length > 1) {
    process.stderr.write(`${t('pack.cli.no-file')}\n\n${t('pack.cli.usage')}\n`);
    return 2;
  }
  try {
    fs.accessSync(file, fs.constants.R_OK);
  } catch (err) {
    process.stderr.write(`${t('pack.cli.cannot-open', { file, reason: (err as NodeJS.ErrnoException).code ?? String(err) })}\n`);
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
