/**
 * Keys and member tokens of a workspace, for the relay and (later) the desktop: generate a
 * workspace key, sign an invitation, verify a token. Isomorphic: no Node APIs.
 */
export { generateWorkspaceKey, keyId, parsePrivateJwk, parsePublicJwk, publicJwkOf } from './keys';
export type { PrivateWorkspaceJwk, PublicWorkspaceJwk, WorkspaceKeyPair } from './keys';
export { peekWorkspaceId, signInvitation, TOKEN_ALG, TokenError, verifyToken } from './tokens';
export type { InvitationClaims, InvitationInput, TokenRejection, VerificationKey } from './tokens';
export { bearerToken, authorizationHeader } from './bearer';
