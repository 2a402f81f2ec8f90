// Mutation testing of the importer's quantity cells (service/import/quantity.ts: number and unit
// split, then each parsed) (see stryker/base.mjs, docs/testing.md).
import { groupConfig } from './base.mjs';

export default groupConfig('quantity', ['service/import/quantity.ts']);
