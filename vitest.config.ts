/**
 * Vitest: unit and integration tests under test/ (Node environment). Playwright's end-to-end
 * specs (test/e2e/*.spec.ts) are excluded here and run by `npm run test:e2e`.
 */
import { realpathSync } from 'node:fs';
import { defineConfig, searchForWorkspaceRoot } from 'vite';
import { defineConfig as defineVitest, mergeConfig } from 'vitest/config';

// A git worktree may link node_modules from another checkout; Vite's file-serving allow-list
// must then include where the link points, or `?url` imports of bundled data are refused.
const nodeModules = (() => {
  try {
    return realpathSync('node_modules');
  } catch {
    return 'node_modules';
  }
})();

export default mergeConfig(
  defineConfig({ server: { fs: { allow: [searchForWorkspaceRoot(process.cwd()), nodeModules] } } }),
  defineVitest({
    test: {
      include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
      exclude: ['test/e2e/**', 'node_modules/**'],
      environment: 'node',
      testTimeout: 30_000,
      hookTimeout: 30_000,
      pool: 'forks',
    },
  }),
);
