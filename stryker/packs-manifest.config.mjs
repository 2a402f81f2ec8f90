// Mutation testing of what a case pack's verification rests on: the manifest schema, canonical JSON
// and the detached signature with its member certificate (docs/case-packs.md). Split from the
// verifier (packs-verifier) so that each group finishes in one sitting (docs/testing.md).
import { groupConfig } from './base.mjs';

export default groupConfig('packs-manifest', ['shared/packs/canonical-json.ts', 'shared/packs/manifest.ts', 'shared/packs/signature.ts']);
