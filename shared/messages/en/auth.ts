/**
 * English messages about workspace keys and invitation tokens (`auth.*`). Token messages never
 * contain the token itself.
 */
export const authMessages = {
  'auth.key-is-private': 'this is a private key: give the relay only the public key (without "d")',
  'auth.key-not-public-jwk': 'not an Ed25519 public JWK: {detail}',
  'auth.key-not-private-jwk': 'not an Ed25519 private JWK: {detail}',
  'auth.key-not-json': 'the key is not valid JSON',
  'auth.claims-invalid': 'invitation claims: {detail}',
  'auth.token-wrong-alg': 'token algorithm must be {alg}',
  'auth.token-not-jwt': 'the token is not a JWT',
  'auth.token-unknown-key': 'the token is not signed by a key registered for this workspace',
  'auth.token-bad-signature': 'the token signature does not verify',
  'auth.token-claims-invalid': 'the token claims are not valid: {fields}',
  'auth.token-wrong-workspace': 'the token is for another workspace',
  'auth.token-issued-in-future': 'the token is issued in the future',
  'auth.token-lifetime-too-long': 'the token is valid for more than two years',
  'auth.token-expired': 'the token has expired',
  'auth.token-claim-invalid': 'the token claim "{claim}" is not valid',
  'auth.token-unverifiable': 'the token could not be verified',
} as const;
