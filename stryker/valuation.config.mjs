// Mutation testing of interval and money arithmetic (see stryker/base.mjs, docs/testing.md).
import { groupConfig } from './base.mjs';

export default groupConfig('valuation', ['shared/valuation/interval.ts', 'shared/valuation/money.ts']);
