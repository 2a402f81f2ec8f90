/**
 * `workspaceKey.get` (shared/rpc/workspace-key.ts): the workspace public key for the Workspace key
 * card, as the file to save (`<workspace name>.pub.jwk`, what `npm run verify -- --workspace-key`
 * reads) and its fingerprint. The answer is parsed by its strict schema before it leaves, so a
 * private part (`d`) can never be in it.
 */
import { fileNamePart } from '../../shared/domain/file-names';
import { workspacePublicKeySchema, type workspaceKeyRpc } from '../../shared/rpc/workspace-key';
import { relayKeyCheck } from '../relay-sync/relay-key-check';
import { keyCreatedAt } from '../relay-sync/workspace-key';
import type { HandlerMap } from '../rpc/types';
import { trustedWorkspaceKey } from './workspace-public-key';

export const workspaceKeyHandlers: HandlerMap<keyof typeof workspaceKeyRpc> = {
  'workspaceKey.get': async (p, { workspaces }) => {
    const ws = workspaces.get(p.workspaceId);
    const key = await trustedWorkspaceKey(ws);
    if (!key) return null;
    return workspacePublicKeySchema.parse({
      kid: key.kid,
      publicJwk: key.jwk,
      source: key.source,
      // Only the holder's desktop made the key; a certificate does not say when.
      createdAt: key.source === 'this-desktop' ? keyCreatedAt(ws, 'workspaceKey') : null,
      certifiedAt: key.certifiedAt,
      fileName: `${fileNamePart(ws.workspaceDoc().readSettings().name, 'workspace', 60)}.pub.jwk`,
      fileContent: `${JSON.stringify(key.jwk, null, 2)}\n`,
      relay: relayKeyCheck(ws, key.kid),
    });
  },
};
