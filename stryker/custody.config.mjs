// Mutation testing of the chain-of-custody check (gaps, time inversions, corrections; it decides evidence, see docs/evidence.md).
import { groupConfig } from './base.mjs';

export default groupConfig('custody', ['shared/domain/custody.ts']);
