// The doc log's and SQLite store's own tests, for stryker/store.config.mjs. test/node/store/doc-store.test.ts is
// left out: its WorkerRelayStorage half times out under Stryker's thread pool; the SqliteDocStore
// methods are covered by sqlite-doc-races.test.ts.
import { defineConfig } from 'vitest/config';
import base from '../vitest.config';

// The include list replaces the base one (mergeConfig would append to it and run every test).
export default defineConfig({ ...base, test: { ...base.test, include: ['test/node/store/{sqlite-doc-log,sqlite-doc-races}.test.ts'] } });
