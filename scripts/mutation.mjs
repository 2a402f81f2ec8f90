/**
 * `npm run test:mutation [group…]`: runs StrykerJS once per module group (stryker/<group>.config.mjs),
 * one after the other (every group when none is named), each on its own tests only; reports in
 * reports/mutation/<group>/. Then prints one line per mutated module (killed, timed out, survived,
 * no coverage, score) from each group's mutation.json, the figures docs/testing.md records. Exits
 * non-zero when a group fails to run.
 * `npm run test:mutation -- --list` prints each group with the files it mutates and its test files,
 * and runs nothing; `--scores` prints the table from the reports already there (reports/ is
 * git-ignored: groups never run on this machine are named as having no report), and runs nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const all = readdirSync('stryker')
  .filter((f) => f.endsWith('.config.mjs') && !f.startsWith('vitest.'))
  .map((f) => f.slice(0, -'.config.mjs'.length))
  .sort();
const args = process.argv.slice(2);
const list = args.includes('--list');
const scoresOnly = args.includes('--scores');
const named = args.filter((a) => !a.startsWith('--'));
const groups = named.length > 0 ? named : all;
for (const g of groups) {
  if (!all.includes(g)) {
    process.stderr.write(`unknown mutation group "${g}" (known: ${all.join(', ')})\n`);
    process.exit(2);
  }
}
if (list) {
  for (const g of groups) {
    const { default: cfg } = await import(`../stryker/${g}.config.mjs`);
    // The vitest config imports the TypeScript base config, which plain Node cannot load: read its include list as text.
    const include = /include: \[([^\]]*)\]/.exec(readFileSync(`stryker/vitest.${g}.config.mjs`, 'utf8'))?.[1] ?? '?';
    process.stdout.write(`${g}: mutates ${cfg.mutate.join(', ')}; runs ${include.replaceAll("'", '')}\n`);
  }
  process.exit(0);
}
for (const g of scoresOnly ? [] : groups) {
  process.stdout.write(`\n=== mutation group ${g} ===\n`);
  const r = spawnSync('npx', ['stryker', 'run', `stryker/${g}.config.mjs`], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/**
 * Per-module counts of one group's report. Score = (killed + timeout) / (killed + timeout +
 * survived + no coverage), as Stryker counts it; mutants that do not compile are left out.
 * @param {string} group
 * @returns {{ file: string, killed: number, timeout: number, survived: number, noCoverage: number, ignored: number, score: number | null }[]} score null when no mutant counts (all fail to compile); ignored ones are not counted
 */
function moduleScores(group) {
  const report = `reports/mutation/${group}/mutation.json`;
  if (!existsSync(report)) return [];
  const { files } = JSON.parse(readFileSync(report, 'utf8'));
  return Object.entries(files).map(([file, { mutants }]) => {
    const n = (s) => mutants.filter((m) => m.status === s).length;
    const [killed, timeout, survived, noCoverage, ignored] = [n('Killed'), n('Timeout'), n('Survived'), n('NoCoverage'), n('Ignored')];
    const counted = killed + timeout + survived + noCoverage;
    return { file, killed, timeout, survived, noCoverage, ignored, score: counted ? (100 * (killed + timeout)) / counted : null };
  });
}

process.stdout.write('\nmodule | killed | timeout | survived | no coverage | score\n');
// reports/ is git-ignored: a group never run on this machine has no report, and says so.
const unreported = groups.filter((g) => !existsSync(`reports/mutation/${g}/mutation.json`));
for (const g of groups) {
  for (const m of moduleScores(g)) {
    // Ignored mutants (a group's ignoreStatic, or a `Stryker disable` comment for an equivalent one) are not in the score: say how many.
    const ignored = m.ignored > 0 ? ` (${m.ignored} ignored)` : '';
    process.stdout.write(`${m.file} | ${m.killed} | ${m.timeout} | ${m.survived} | ${m.noCoverage} | ${m.score === null ? 'n/a' : `${m.score.toFixed(1)} %`}${ignored}\n`);
  }
}
if (unreported.length > 0) process.stdout.write(`no report (not run here): ${unreported.join(', ')}\n`);
