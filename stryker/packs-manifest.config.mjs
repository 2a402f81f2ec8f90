// Mutation testing of what a case pack's verification rests on: the manifest schema, canonical JSON
// and the detached signature with its member certificate (docs/case-packs.md). Split from the
// verifier (packs-verifier) so that each group finishes in one sitting (docs/testing.md).
//
// ignoreStatic: the zod schemas of manifest.ts and signature.ts are built when the module loads, so
// each of their mutants is "static" and Stryker reruns every test of the group for it (it cannot
// tell which test reached it); on 2026-12-06, at a load of 25, that made the run need about two
// hours. They are reported as Ignored, not killed, and counted in docs/testing.md; the schema
// bounds and patterns have their own exact-value tests (manifest-edges.test.ts, signature.test.ts).
import { groupConfig } from './base.mjs';

export default { ...groupConfig('packs-manifest', ['shared/packs/canonical-json.ts', 'shared/packs/manifest.ts', 'shared/packs/signature.ts']), ignoreStatic: true };
