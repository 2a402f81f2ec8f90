// Mutation testing of the importer's date parsing (service/import/dates.ts) (see stryker/base.mjs, docs/testing.md).
import { groupConfig } from './base.mjs';

export default groupConfig('dates', ['service/import/dates.ts']);
