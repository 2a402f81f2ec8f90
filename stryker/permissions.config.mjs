// Mutation testing of the permission model (who may open which doc, who may do which action) and the
// relay's adapter over it (see stryker/base.mjs, docs/testing.md).
import { groupConfig } from './base.mjs';

export default groupConfig('permissions', ['shared/permissions/doc-access.ts', 'shared/permissions/actions.ts', 'relay/access.ts']);
