// Mutation testing of the importer's number and quantity parsing (service/import/numbers.ts, quantity.ts) (see stryker/base.mjs, docs/testing.md).
import { groupConfig } from './base.mjs';

export default groupConfig('numbers', ['service/import/numbers.ts', 'service/import/quantity.ts']);
