/**
 * Keys and member tokens of a workspace, for the relay and the desktop alike: generate a
 * workspace key, sign an invitation, verify a token, build and read the Authorization header.
 * Isomorphic (jose on WebCrypto, zod): no Node or DOM APIs.
 */
export { generateWorkspaceKey, keyId, parsePrivateJwk, parsePublicJwk, publicJwkOf } from './keys';
export type { PrivateWorkspaceJwk, PublicWorkspaceJwk, WorkspaceKeyPair } from './keys';
export { peekKeyId, peekWorkspaceId, signInvitation, TOKEN_ALG, TokenError, verifyToken } from './tokens';
export type { InvitationClaims, InvitationInput, TokenRejection, VerificationKey } from './tokens';
export { bearerToken, authorizationHeader } from './bearer';
