// The own tests of the importer's coordinate parsing (service/import/coordinates.ts), for stryker/coordinates.config.mjs.
import { defineConfig } from 'vitest/config';
import base from '../vitest.config';

// The include list replaces the base one (mergeConfig would append to it and run every test).
export default defineConfig({ ...base, test: { ...base.test, include: ['test/service/import/coordinates*.test.ts'] } });
