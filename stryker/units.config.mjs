// Mutation testing of the unit table (see stryker/base.mjs, docs/testing.md).
import { groupConfig } from './base.mjs';

export default groupConfig('units', ['service/import/units.ts']);
