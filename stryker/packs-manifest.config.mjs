// Mutation testing of what a case pack's verification rests on: the manifest schema, canonical JSON
// and the detached signature with its member certificate (docs/case-packs.md). Split from the
// verifier (packs-verifier) so that each group finishes in one sitting (docs/testing.md).
//
// No ignoreStatic: the zod schemas of manifest.ts and signature.ts are built by functions when
// used (since 2026-12-07), not when the module loads, so Stryker knows which tests reach each of
// their mutants and runs only those.
import { groupConfig } from './base.mjs';

export default groupConfig('packs-manifest', ['shared/packs/canonical-json.ts', 'shared/packs/manifest.ts', 'shared/packs/signature.ts']);
