/**
 * English sentences of the Workspace key card (Relay & members) and the fingerprint wording it
 * shares with the verify dialog (`ui.wskey.*`). The fingerprint is the key's RFC 7638 thumbprint,
 * the id `npm run verify` prints.
 */
export const workspaceKeyMessages = {
  'ui.wskey.heading': 'Workspace key',
  'ui.wskey.purpose':
    'Every case pack exported from this workspace is signed under this key, so a court or another agency that holds the saved public key can confirm a pack came from this workspace unaltered (npm run verify -- pack.zip --workspace-key <file>): hand the key over out of band — in person or by another channel than the pack — and read the fingerprint to them to compare.',
  'ui.wskey.fingerprint': 'Workspace key fingerprint',
  'ui.wskey.the-fingerprint': 'the workspace key fingerprint',
  'ui.wskey.created': 'Created',
  'ui.wskey.created-unknown': 'Not recorded (the key was made before NEST Desk recorded it)',
  'ui.wskey.created-elsewhere': 'On the key holder’s computer (not known here)',
  'ui.wskey.held': 'Held on this computer: the private key never leaves it; only the public key is saved or shown.',
  'ui.wskey.certified': 'Received from a workspace admin with your member certificate, {at}.',
  'ui.wskey.relay': 'Relay’s copy',
  'ui.wskey.relay-accepted': 'Matches: the relay accepted a sign-in under this key on {at}.',
  'ui.wskey.relay-other-key': 'Differs: this computer signs in to the relay under another workspace key ({kid}). Ask a workspace admin.',
  'ui.wskey.relay-unconfirmed': 'Not confirmed yet: the relay has not accepted a sign-in under this key since NEST Desk began recording it.',
  'ui.wskey.save': 'Save public key…',
  'ui.wskey.saved': 'Saved the workspace public key as {file}',
  'ui.wskey.loading': 'Reading the workspace key…',
  'ui.wskey.none':
    'The workspace key has not reached this computer yet. It comes with your member certificate: export a case pack once (your signing key then goes to the workspace admins), and it appears here after an admin’s computer has synced.',
} as const;
