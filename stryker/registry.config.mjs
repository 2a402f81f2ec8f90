// Mutation testing of the registry of live docs over the doc log (see stryker/base.mjs, docs/testing.md).
import { groupConfig } from './base.mjs';

export default groupConfig('registry', ['node/store/doc-registry.ts']);
