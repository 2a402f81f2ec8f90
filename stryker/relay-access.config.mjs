// Mutation testing of the relay's access checks on open connections (relay/hub/access-checks.ts: read-only
// drops, re-checks after a workspace change, token expiry, removed keys), by their in-process tests
// (see stryker/base.mjs, docs/testing.md). Who may open which doc is the permissions group.
import { groupConfig } from './base.mjs';

export default groupConfig('relay-access', ['relay/hub/access-checks.ts']);
