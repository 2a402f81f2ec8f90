// Mutation testing of case-pack verification (a pack that verifies is evidence; see docs/case-packs.md).
// The manifest, canonical-JSON and signature code it relies on is its own group, packs-manifest:
// together the two could not finish in one sitting on the shared machine (docs/testing.md).
import { groupConfig } from './base.mjs';

export default groupConfig('packs-verifier', ['node/packs/pack-verifier.ts']);
