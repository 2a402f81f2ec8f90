// Mutation testing of the importer's value parsers (see stryker/base.mjs, docs/testing.md). The unit
// table (service/import/units.ts) is its own group, units: most of its mutants are spellings.
import { groupConfig } from './base.mjs';

export default groupConfig('parsers', ['service/import/numbers.ts', 'service/import/dates.ts', 'service/import/coordinates.ts', 'service/import/quantity.ts']);
