// The custody check's own tests, for stryker/custody.config.mjs.
import { defineConfig } from 'vitest/config';
import base from '../vitest.config';

// The include list replaces the base one (mergeConfig would append to it and run every test).
export default defineConfig({ ...base, test: { ...base.test, include: ['test/shared/domain/custody.test.ts'] } });
