// The relay access checks' own in-process tests, for stryker/relay-access.config.mjs.
import { defineConfig } from 'vitest/config';
import base from '../vitest.config';

// The include list replaces the base one (mergeConfig would append to it and run every test).
export default defineConfig({ ...base, test: { ...base.test, include: ['test/relay/hub/access-checks*.test.ts'] } });
