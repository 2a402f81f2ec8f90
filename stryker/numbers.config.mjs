// Mutation testing of the importer's number parsing (service/import/numbers.ts) (see stryker/base.mjs, docs/testing.md).
// quantity.ts, which splits a cell into number and unit, is its own group (quantity): its 20-odd
// mutants need not wait for the 200 of numbers.ts.
import { groupConfig } from './base.mjs';

export default groupConfig('numbers', ['service/import/numbers.ts']);
