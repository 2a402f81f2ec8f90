// The doc registry's own tests, for stryker/registry.config.mjs.
import { defineConfig } from 'vitest/config';
import base from '../vitest.config';

// The include list replaces the base one (mergeConfig would append to it and run every test).
// test/node/store/doc-registry-worker.test.ts (compaction in the relay's worker thread, 14 s) is
// left out: it ran for most mutants and took each past the time budget on the loaded machine.
export default defineConfig({
  ...base,
  test: { ...base.test, include: ['test/node/store/doc-registry.test.ts', 'test/node/store/doc-registry-edges.test.ts', 'test/node/store/doc-registry-mutants.test.ts'] },
});
