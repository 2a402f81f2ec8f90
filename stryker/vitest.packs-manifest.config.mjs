// The manifest, canonical-JSON and signature tests, for stryker/packs-manifest.config.mjs.
import { defineConfig } from 'vitest/config';
import base from '../vitest.config';

// The include list replaces the base one (mergeConfig would append to it and run every test).
// Only test/shared/packs (about 4 s in all): the verifier's zip tests reach none of these modules'
// mutants that the schema and signature tests do not, and would make each run slow.
export default defineConfig({ ...base, test: { ...base.test, include: ['test/shared/packs/*.test.ts'] } });
