// The own tests of the importer's date parsing (service/import/dates.ts), for stryker/dates.config.mjs.
import { defineConfig } from 'vitest/config';
import base from '../vitest.config';

// The include list replaces the base one (mergeConfig would append to it and run every test).
export default defineConfig({ ...base, test: { ...base.test, include: ['test/service/import/dates*.test.ts'] } });
