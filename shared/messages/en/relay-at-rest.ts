/**
 * English messages of the relay's encryption at rest (`relay.key.*`): its key file
 * (relay/key-file.ts) and opening an encrypted or clear relay database with or without it.
 */
const KEY_FLAG = '--key-file (or NEST_RELAY_KEY_FILE)';

export const relayAtRestMessages = {
  'relay.key.cannot-read': `cannot read the storage key file {file} ({reason}): check ${KEY_FLAG}, or create one with: npm run relay -- keygen <file>`,
  'relay.key.too-open': 'the storage key file {file} may be read by other users (mode {mode}): run "chmod 600 {file}" as the relay\'s user, then start again',
  'relay.key.bad-format': 'the storage key file {file} must hold 32 bytes as 64 hex digits or as base64 (npm run relay -- keygen <file> writes one)',
  'relay.key.cannot-write':
    'keygen: cannot write {file} ({reason}){exists, select, true {; a key file is never overwritten (the relay database it opens would be lost): give a new file name} other {}}',
  'relay.key.written': 'storage key written to {file} (mode 0600). Keep a copy off this machine: without it, an encrypted relay database cannot be read by anyone, you included.',
  'relay.key.keygen-usage': 'keygen needs the path of the key file to write: npm run relay -- keygen <file>',
  'relay.key.wrong-key': `the relay database {file} cannot be opened with the key in ${KEY_FLAG}: it was encrypted with another key (or it is not a relay database). Nothing was changed; start the relay with the key file it was encrypted with`,
  'relay.key.needs-key': `the relay database {file} is encrypted: start the relay with its key file, ${KEY_FLAG}. Nothing was changed`,
  'relay.key.not-with-postgres': '--key-file encrypts relay.sqlite; with --storage (PostgreSQL) the relay writes no database file: encrypt the database server\'s disk instead (docs/relay.md, "Files at rest")',
} as const;
