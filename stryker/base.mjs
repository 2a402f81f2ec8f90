/**
 * Shared StrykerJS settings for `npm run test:mutation` (docs/testing.md). Each module group has
 * its own config (stryker/<group>.config.mjs) that mutates only its files and runs only its own
 * tests (an explicit vitest include list, stryker/vitest.<group>.config.mjs), so a group takes
 * minutes on a shared 2-core machine. Reports go to reports/mutation/<group>/ (git-ignored).
 */

/**
 * A Stryker config for one module group.
 * @param {string} group short name, used for the report folder and the incremental file
 * @param {string[]} mutate source files to mutate (repository-relative)
 * @returns {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export function groupConfig(group, mutate) {
  return {
    packageManager: 'npm',
    testRunner: 'vitest',
    vitest: { configFile: `stryker/vitest.${group}.config.mjs`, related: false },
    checkers: ['typescript'],
    tsconfigFile: 'stryker/tsconfig.json',
    typescriptChecker: { prioritizePerformanceOverAccuracy: true },
    coverageAnalysis: 'perTest',
    mutate,
    // The machine is shared: one test process, one checker.
    concurrency: 1,
    timeoutMS: 20_000,
    incremental: true,
    incrementalFile: `reports/mutation/${group}/stryker-incremental.json`,
    reporters: ['clear-text', 'progress', 'html', 'json'],
    htmlReporter: { fileName: `reports/mutation/${group}/index.html` },
    jsonReporter: { fileName: `reports/mutation/${group}/mutation.json` },
    clearTextReporter: { allowColor: false, logTests: false, reportMutants: true, reportScoreTable: true },
    tempDirName: `.stryker-tmp/${group}`,
    cleanTempDir: 'always',
    ignorePatterns: ['.stryker-tmp', 'dist', 'release', 'reports', 'test-results', 'playwright-report', '.native', 'build', 'resources', 'renderer', 'e2e', 'bench'],
    thresholds: { high: 95, low: 90, break: null },
  };
}
