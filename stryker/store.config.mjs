// Mutation testing of the desktop's SQLite doc store (see stryker/base.mjs, docs/testing.md).
import { groupConfig } from './base.mjs';

export default groupConfig('store', ['node/store/sqlite-doc-log.ts', 'node/store/sqlite-doc-store.ts', 'node/store/doc-registry.ts']);
