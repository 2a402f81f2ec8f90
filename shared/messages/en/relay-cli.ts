/**
 * English messages of the relay's command line (`relay.cli.*`): refusals of a bad flag or data
 * folder, and what a command reports. Numbers that are settings (ports, limits) are passed as text
 * so they print as the operator types them (65535, not 65,535).
 */
const WHERE = 'check --data-dir (or NEST_RELAY_DATA_DIR)';

export const relayCliMessages = {
  'relay.cli.unknown-command': 'unknown command "{name}" (see --help)',
  'relay.cli.bad-storage': '--storage must be a PostgreSQL connection string starting with postgres:// (leave it out for SQLite in --data-dir)',
  'relay.cli.bad-redis': '--redis must start with redis://, rediss:// or unix://, or be the path of a Redis socket',
  'relay.cli.redis-needs-postgres': '--redis fans updates out between relay processes sharing one PostgreSQL database: set --storage too',
  'relay.cli.bad-role': '--role must be one of {roles}',
  'relay.cli.unexpected-argument': 'unexpected argument "{arg}" (see --help)',
  'relay.cli.unknown-option': 'unknown option --{key} for {command} (see --help)',
  'relay.cli.needs-value': '--{flag} needs a value',
  'relay.cli.not-whole-number': '--{flag} must be a whole number, not "{value}"',
  'relay.cli.out-of-range': '--{flag} must be between {min} and {max}',
  'relay.cli.required': '--{flag} is required',
  'relay.cli.bad-case-registration': '--case-registration must be "required" or "off"',
  'relay.cli.not-uuid': '--{flag} must be a workspace UUID',
  'relay.cli.cannot-read': '{flag}: cannot read {file} ({reason})',
  'relay.cli.cannot-listen': 'cannot listen on {host}:{port} ({reason})',
  'relay.cli.port-in-use': 'the port is in use: choose another --port, or 0 for any free one',
  'relay.cli.no-such-address': 'no such address on this machine: check --host',
  'relay.cli.no-such-key': 'workspace {workspaceId} has no key {kid} (see list-workspaces)',
  'relay.cli.out-exists': '{out} exists already; give a new file name',
  'relay.cli.out-folder-missing': '--out: the folder {folder} does not exist; create it first',
  'relay.cli.cannot-write-key':
    '--out: cannot write {out} ({reason}){exists, select, true {; a key file is never overwritten: give a new file name} other {}}',
  'relay.cli.public-key-missing': '--public-key: no file {arg}, and not a JWK either (give the .pub.jwk file or its JSON text)',
  'relay.cli.listening': 'listening on {url}',
  'relay.cli.key-registered':
    'workspace {workspaceId}: key {kid} registered ({count, plural, one {# key} other {# keys}} now valid)',
  'relay.cli.key-removed': 'workspace {workspaceId}: key {kid} removed ({left, number} left); connections it signed close within the key check period',
  'relay.cli.backup-written': 'backup written to {out}',
  'relay.cli.migrated': 'storage migrated to the newest schema',
  'relay.cli.private-key-written': 'private key written to {out} (keep it secret); key id {kid}; the public key follows on stdout',
  'relay.cli.error': 'error: {message}',
  'relay.data-dir.is-file': `the data folder {dir} is a file, not a folder: ${WHERE}`,
  'relay.data-dir.missing': `the data folder {dir} does not exist: ${WHERE}`,
  'relay.data-dir.no-database': `there is no relay database (relay.sqlite) in {dir}: ${WHERE}; the relay creates it when it first starts`,
  'relay.data-dir.cannot-create': `cannot create the data folder {dir} ({reason}): create it for the relay's user, or ${WHERE}`,
  'relay.data-dir.not-writable': `the relay cannot write to {dir} ({reason}): give the relay's user read and write access to the folder and relay.sqlite*, or ${WHERE}`,
  'relay.data-dir.cannot-open': 'cannot open the relay database {file}: {reason}',
} as const;
