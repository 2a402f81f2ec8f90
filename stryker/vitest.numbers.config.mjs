// The own tests of the importer's number parsing (service/import/numbers.ts), for stryker/numbers.config.mjs (quantity.ts: the quantity group).
import { defineConfig } from 'vitest/config';
import base from '../vitest.config';

// The include list replaces the base one (mergeConfig would append to it and run every test).
export default defineConfig({ ...base, test: { ...base.test, include: ['test/service/import/numbers*.test.ts', 'test/service/import/units.test.ts'] } });
