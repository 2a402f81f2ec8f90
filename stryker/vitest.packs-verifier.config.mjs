// The pack verifier's own tests, for stryker/packs-verifier.config.mjs.
import { defineConfig } from 'vitest/config';
import base from '../vitest.config';

// The include list replaces the base one (mergeConfig would append to it and run every test).
// test/node/packs/pack.test.ts (writer, 300 kB tamper property) is left out: it took each verifier
// mutant's run past a quarter of a minute on the loaded machine; pack-verifier-edges.test.ts pins
// every problem kind on small packs instead.
export default defineConfig({ ...base, test: { ...base.test, include: ['test/node/packs/pack-verifier-edges.test.ts'] } });
