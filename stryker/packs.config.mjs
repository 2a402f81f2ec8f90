// Mutation testing of case-pack verification: the verifier and the manifest, canonical-JSON and
// signature code it relies on (a pack that verifies is evidence; see docs/case-packs.md).
import { groupConfig } from './base.mjs';

export default groupConfig('packs', ['node/packs/pack-verifier.ts', 'shared/packs/canonical-json.ts', 'shared/packs/manifest.ts', 'shared/packs/signature.ts']);
