// The manifest, canonical-JSON and signature tests, for stryker/packs-manifest.config.mjs.
import { defineConfig } from 'vitest/config';
import base from '../vitest.config';

// The include list replaces the base one (mergeConfig would append to it and run every test).
// Only test/shared/packs (about 4 s in all): the zod schemas of manifest.ts and signature.ts are
// built when the module loads, so Stryker runs every test of the group for each of their
// ("static") mutants, and the verifier's zip tests would make each of those runs slow.
export default defineConfig({ ...base, test: { ...base.test, include: ['test/shared/packs/*.test.ts'] } });
