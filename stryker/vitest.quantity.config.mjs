// The quantity tests, for stryker/quantity.config.mjs.
import { defineConfig } from 'vitest/config';
import base from '../vitest.config';

// The include list replaces the base one (mergeConfig would append to it and run every test).
export default defineConfig({ ...base, test: { ...base.test, include: ['test/service/import/numbers-quantities.test.ts', 'test/service/import/units.test.ts'] } });
