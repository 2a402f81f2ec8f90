/**
 * `npm run test:mutation [group…]`: runs StrykerJS once per module group (stryker/<group>.config.mjs),
 * one after the other, each on its own tests only; reports in reports/mutation/<group>/.
 * Exits non-zero when a group fails to run. See docs/testing.md for the figures and survivors.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const all = readdirSync('stryker')
  .filter((f) => f.endsWith('.config.mjs') && !f.startsWith('vitest.'))
  .map((f) => f.slice(0, -'.config.mjs'.length))
  .sort();
const groups = process.argv.length > 2 ? process.argv.slice(2) : all;
for (const g of groups) {
  if (!all.includes(g)) {
    process.stderr.write(`unknown mutation group "${g}" (known: ${all.join(', ')})\n`);
    process.exit(2);
  }
  process.stdout.write(`\n=== mutation group ${g} ===\n`);
  const r = spawnSync('npx', ['stryker', 'run', `stryker/${g}.config.mjs`], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
