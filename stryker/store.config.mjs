// Mutation testing of the desktop's SQLite doc store: the synchronous log and the async store over it
// (see stryker/base.mjs, docs/testing.md). The registry of live docs is its own group (registry).
import { groupConfig } from './base.mjs';

export default groupConfig('store', ['node/store/sqlite-doc-log.ts', 'node/store/sqlite-doc-store.ts']);
