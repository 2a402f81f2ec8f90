// Mutation testing of the strong identifiers (IMO, MMSI, IBAN, folded names; see stryker/base.mjs, docs/testing.md).
import { groupConfig } from './base.mjs';

export default groupConfig('identifiers', ['shared/domain/identifiers.ts']);
