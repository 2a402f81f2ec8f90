// Mutation testing of the importer's coordinate parsing (service/import/coordinates.ts) (see stryker/base.mjs, docs/testing.md).
import { groupConfig } from './base.mjs';

export default groupConfig('coordinates', ['service/import/coordinates.ts']);
