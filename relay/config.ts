/**
 * The relay's command line and environment, parsed into a command (pure: no I/O, so it is
 * unit-tested). Flags win over environment variables, which win over defaults.
 */
import path from 'node:path';
import { idSchema } from '../shared/domain/fields';
import { MEMBER_ROLES, type MemberRole } from '../shared/domain/codes';
import { NestError } from '../shared/errors';
import { PRESENCE_LIMITS } from '../shared/protocol/relay';
import type { HubOptions } from './hub/hub';

/** Settings of `serve`. */
export interface ServeSettings {
  host: string;
  port: number;
  dataDir: string;
  maxMessageBytes: number;
  idleUnloadMs: number;
  keyCheckMs: number;
  pingIntervalMs: number;
  compactThreshold: number;
  /** Open connections per member on this process (omitted by embedders: the default). */
  maxConnsPerMember?: number;
  /** Distinct docs a member may have open on this process (omitted: the default). */
  maxDocsPerMember?: number;
  /** Docs loaded in this process, idle ones unloading after idleUnloadMs (omitted: the default). */
  maxLoadedDocs?: number;
  /**
   * `required` (default): a non-admin's case doc is stored only when the case is in the workspace
   * index or the member's registry doc (relay/registration.ts); `off`: the old rule, for task
   * forces whose desktops predate case registries, until they are updated. Omitted (embedders): `off`.
   */
  caseRegistration?: 'required' | 'off';
  /** PostgreSQL connection string (`postgres://…`, a socket folder as `?host=/run/postgresql`); unset: SQLite in `dataDir`. */
  storage?: string;
  /** Redis for fan-out between relay processes (`redis://…` or `unix:///path/redis.sock`); unset: a single process. */
  redis?: string;
  /** The storage key file (relay/key-file.ts): relay.sqlite is encrypted at rest with it. Unset: clear. */
  keyFile?: string;
}

/** Where the key and backup commands find the relay's data: a PostgreSQL URL, else SQLite in `dataDir`. */
export interface StorageLocation {
  dataDir: string;
  storage?: string;
  /** The storage key file when relay.sqlite is encrypted (`--key-file`). */
  keyFile?: string;
}

/** A parsed command line. */
export type Command =
  | { kind: 'help' }
  | { kind: 'serve'; settings: ServeSettings }
  | ({ kind: 'add-workspace'; workspaceId: string; publicKey: string; label: string } & StorageLocation)
  | ({ kind: 'remove-key'; workspaceId: string; kid: string } & StorageLocation)
  | ({ kind: 'list-workspaces' } & StorageLocation)
  | ({ kind: 'backup'; out: string } & StorageLocation)
  | ({ kind: 'migrate' } & StorageLocation)
  | { kind: 'generate-key'; out: string }
  | { kind: 'keygen'; out: string }
  | { kind: 'invite'; keyFile: string; workspaceId: string; memberId: string; name: string; agency: string; role: MemberRole; days: number };

/** Longest invitation `invite` signs, in days; the relay refuses tokens valid for more than 731. */
export const MAX_INVITE_DAYS = 730;

/** Defaults of `serve`. */
export const DEFAULTS = {
  host: '127.0.0.1',
  port: 4477,
  dataDir: 'relay-data',
  maxMessageBytes: 32 * 1024 * 1024,
  idleUnloadS: 30,
  keyCheckS: 15,
  pingIntervalS: 30,
  compactThreshold: 500,
  maxConnsPerMember: 64,
  maxDocsPerMember: 512,
  maxLoadedDocs: 20_000,
} as const;

/** The hub's fixed tuning (not worth a flag): fairness budget, inbox marks, outbound limit. */
export function hubTuning(s: ServeSettings): Omit<HubOptions, 'now'> {
  return {
    idleUnloadMs: s.idleUnloadMs,
    compactThreshold: s.compactThreshold,
    keyCheckMs: s.keyCheckMs,
    pingIntervalMs: s.pingIntervalMs,
    perTickMessages: 32,
    perTickBytes: 1024 * 1024,
    maxTickMessages: 2048,
    maxTickMs: 8,
    inbox: { highWaterMessages: 1024, highWaterBytes: Math.max(4 * 1024 * 1024, s.maxMessageBytes) },
    maxBufferedBytes: Math.max(64 * 1024 * 1024, 2 * s.maxMessageBytes),
    maxPresenceStateBytes: PRESENCE_LIMITS.maxStateBytes,
    maxPresenceClientsPerConn: PRESENCE_LIMITS.maxClientsPerConn,
    maxPendingUpdates: 256,
    limits: {
      maxConnectionsPerMember: s.maxConnsPerMember ?? DEFAULTS.maxConnsPerMember,
      maxDocsPerMember: s.maxDocsPerMember ?? DEFAULTS.maxDocsPerMember,
      maxLoadedDocs: s.maxLoadedDocs ?? DEFAULTS.maxLoadedDocs,
    },
  };
}

/** `--help` text. */
export const HELP = `NEST Desk relay: y-websocket relay with member tokens, per-doc access and SQLite storage.

Usage:
  npm run relay -- [serve] [options]              run the relay
  npm run relay -- add-workspace --id <uuid> --public-key <file | JWK JSON> [--label <text>]
  npm run relay -- remove-key --id <uuid> --kid <key id>
  npm run relay -- list-workspaces
  npm run relay -- backup --out <file>            consistent copy of relay.sqlite (or pg_dump of PostgreSQL), safe while serving
  npm run relay -- migrate                        apply the storage's pending migrations and exit (serve does it too)
  npm run relay -- generate-key --out <private-key.jwk>
  npm run relay -- keygen <file>                  write a new storage key (0600) for --key-file
  npm run relay -- invite --key <private-key.jwk> --workspace <uuid> --member <id>
                          --name <name> --agency <agency> --role <role> [--days 30, at most 730]

Options of serve (environment variable in brackets):
  --host <addr>               interface to listen on [NEST_RELAY_HOST] (default ${DEFAULTS.host})
  --port <n>                  TCP port, 0 = any free port [NEST_RELAY_PORT] (default ${DEFAULTS.port})
  --data-dir <dir>            folder of relay.sqlite [NEST_RELAY_DATA_DIR] (default ./${DEFAULTS.dataDir})
  --max-message-bytes <n>     largest WebSocket message [NEST_RELAY_MAX_MESSAGE_BYTES] (default ${DEFAULTS.maxMessageBytes})
  --idle-unload-s <n>         unload a doc this long after its last client left [NEST_RELAY_IDLE_UNLOAD_S] (default ${DEFAULTS.idleUnloadS})
  --key-check-s <n>           how often connections are checked against removed keys [NEST_RELAY_KEY_CHECK_S] (default ${DEFAULTS.keyCheckS})
  --ping-interval-s <n>       keep-alive ping period [NEST_RELAY_PING_INTERVAL_S] (default ${DEFAULTS.pingIntervalS})
  --compact-threshold <n>     compact a doc after this many updates [NEST_RELAY_COMPACT_THRESHOLD] (default ${DEFAULTS.compactThreshold})
  --case-registration <r>     required: store a member's case doc only once an admin can see it; off: for older desktops (default required)
  --max-conns-per-member <n>  open connections per member on this process, then 429 [NEST_RELAY_MAX_CONNS_PER_MEMBER] (default ${DEFAULTS.maxConnsPerMember})
  --max-docs-per-member <n>   docs a member may have open on this process, then 429 [NEST_RELAY_MAX_DOCS_PER_MEMBER] (default ${DEFAULTS.maxDocsPerMember})
  --max-loaded-docs <n>       docs loaded in this process, then 503 until idle ones unload [NEST_RELAY_MAX_LOADED_DOCS] (default ${DEFAULTS.maxLoadedDocs})
  --storage <url>             PostgreSQL instead of SQLite, postgres://user@host/db or postgres:///db?host=/run/postgresql [NEST_RELAY_STORAGE]
  --key-file <file>           encrypt relay.sqlite at rest with this key (keygen writes one; a clear database is
                              encrypted in place at the first start) [NEST_RELAY_KEY_FILE]
  --redis <url>               Redis to run several relay processes on one PostgreSQL, redis://host:6379 or unix:///run/redis/redis.sock [NEST_RELAY_REDIS]
  -h, --help                  this text

add-workspace, remove-key, list-workspaces, backup and migrate take --data-dir, --storage and --key-file too. Roles: ${MEMBER_ROLES.join(', ')}.
On start the relay prints one line on stdout: "listening on ws://HOST:PORT". Logs (JSON) go to stderr.
`;

type Flags = Map<string, string>;

const SERVE_FLAGS = ['host', 'port', 'data-dir', 'storage', 'key-file', 'redis', 'max-message-bytes', 'idle-unload-s', 'key-check-s', 'ping-interval-s', 'compact-threshold', 'case-registration', 'max-conns-per-member', 'max-docs-per-member', 'max-loaded-docs'];
const COMMAND_FLAGS: Record<string, string[]> = {
  serve: SERVE_FLAGS,
  'add-workspace': ['data-dir', 'storage', 'key-file', 'id', 'public-key', 'label'],
  'remove-key': ['data-dir', 'storage', 'key-file', 'id', 'kid'],
  'list-workspaces': ['data-dir', 'storage', 'key-file'],
  backup: ['data-dir', 'storage', 'key-file', 'out'],
  migrate: ['data-dir', 'storage', 'key-file'],
  'generate-key': ['out'],
  invite: ['key', 'workspace', 'member', 'name', 'agency', 'role', 'days'],
};

/**
 * Parses `argv` (without node and script) and `env`.
 * @throws NestError('invalid-params') naming the bad flag or value.
 */
export function parseCommandLine(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Command {
  if (argv.includes('--help') || argv.includes('-h')) return { kind: 'help' };
  if (argv[0] === 'keygen') return keygenCommand(argv.slice(1), env);
  let args = [...argv];
  let name = 'serve';
  if (args[0] !== undefined && !args[0].startsWith('-')) {
    name = args[0];
    args = args.slice(1);
  }
  const allowed = COMMAND_FLAGS[name];
  if (!allowed) throw new NestError('invalid-params', { id: 'relay.cli.unknown-command', values: { name } });
  const flags = readFlags(args, allowed, name);
  // Relative paths are the operator's: `npm run` starts the script in the package root, but says
  // where it was typed in INIT_CWD (absent when node runs the CLI directly, e.g. under systemd).
  const base = env.INIT_CWD || process.cwd();
  const abs = (p: string): string => path.resolve(base, p);
  const dataDir = abs(text('data-dir', flags, env.NEST_RELAY_DATA_DIR, DEFAULTS.dataDir));
  const storage = storageUrl(text('storage', flags, env.NEST_RELAY_STORAGE, ''));
  const keyFile = keyFileSetting(text('key-file', flags, env.NEST_RELAY_KEY_FILE, ''), storage, abs);
  // Only present when set, so a SQLite command reads exactly as before.
  const where: StorageLocation = { dataDir, ...(storage ? { storage } : {}), ...(keyFile ? { keyFile } : {}) };
  switch (name) {
    case 'serve':
      return {
        kind: 'serve',
        settings: {
          host: text('host', flags, env.NEST_RELAY_HOST, DEFAULTS.host),
          port: int('port', flags.get('port') ?? env.NEST_RELAY_PORT, DEFAULTS.port, 0, 65535),
          dataDir,
          maxMessageBytes: int('max-message-bytes', flags.get('max-message-bytes') ?? env.NEST_RELAY_MAX_MESSAGE_BYTES, DEFAULTS.maxMessageBytes, 1024, 1024 ** 3),
          idleUnloadMs: 1000 * int('idle-unload-s', flags.get('idle-unload-s') ?? env.NEST_RELAY_IDLE_UNLOAD_S, DEFAULTS.idleUnloadS, 0, 86_400),
          keyCheckMs: 1000 * int('key-check-s', flags.get('key-check-s') ?? env.NEST_RELAY_KEY_CHECK_S, DEFAULTS.keyCheckS, 1, 86_400),
          pingIntervalMs: 1000 * int('ping-interval-s', flags.get('ping-interval-s') ?? env.NEST_RELAY_PING_INTERVAL_S, DEFAULTS.pingIntervalS, 1, 3600),
          compactThreshold: int('compact-threshold', flags.get('compact-threshold') ?? env.NEST_RELAY_COMPACT_THRESHOLD, DEFAULTS.compactThreshold, 1, 1_000_000),
          maxConnsPerMember: int('max-conns-per-member', flags.get('max-conns-per-member') ?? env.NEST_RELAY_MAX_CONNS_PER_MEMBER, DEFAULTS.maxConnsPerMember, 1, 100_000),
          maxDocsPerMember: int('max-docs-per-member', flags.get('max-docs-per-member') ?? env.NEST_RELAY_MAX_DOCS_PER_MEMBER, DEFAULTS.maxDocsPerMember, 1, 1_000_000),
          maxLoadedDocs: int('max-loaded-docs', flags.get('max-loaded-docs') ?? env.NEST_RELAY_MAX_LOADED_DOCS, DEFAULTS.maxLoadedDocs, 1, 10_000_000),
          caseRegistration: caseRegistration(flags.get('case-registration')),
          ...(storage ? { storage } : {}),
          ...(keyFile ? { keyFile } : {}),
          ...redisSetting(text('redis', flags, env.NEST_RELAY_REDIS, ''), storage),
        },
      };
    case 'add-workspace': {
      const key = required('public-key', flags);
      // A file name or the JWK JSON itself.
      const publicKey = key.trimStart().startsWith('{') ? key : abs(key);
      return { kind: 'add-workspace', ...where, workspaceId: uuid('id', flags), publicKey, label: flags.get('label') ?? '' };
    }
    case 'remove-key':
      return { kind: 'remove-key', ...where, workspaceId: uuid('id', flags), kid: required('kid', flags) };
    case 'list-workspaces':
      return { kind: 'list-workspaces', ...where };
    case 'backup':
      return { kind: 'backup', ...where, out: abs(required('out', flags)) };
    case 'migrate':
      return { kind: 'migrate', ...where };
    case 'generate-key':
      return { kind: 'generate-key', out: abs(required('out', flags)) };
    default: {
      const role = required('role', flags);
      if (!(MEMBER_ROLES as readonly string[]).includes(role)) throw new NestError('invalid-params', { id: 'relay.cli.bad-role', values: { roles: MEMBER_ROLES.join(', ') } });
      return {
        kind: 'invite',
        keyFile: abs(required('key', flags)),
        workspaceId: uuid('workspace', flags),
        memberId: required('member', flags),
        name: required('name', flags),
        agency: required('agency', flags),
        role: role as MemberRole,
        // The relay refuses a token valid for more than two years (MAX_TOKEN_LIFETIME_MS): never sign one.
        days: int('days', flags.get('days'), 30, 1, MAX_INVITE_DAYS),
      };
    }
  }
}

function readFlags(args: string[], allowed: string[], command: string): Flags {
  const flags: Flags = new Map();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('--')) throw new NestError('invalid-params', { id: 'relay.cli.unexpected-argument', values: { arg: a.slice(0, 40) } });
    const eq = a.indexOf('=');
    const key = eq >= 0 ? a.slice(2, eq) : a.slice(2);
    if (!allowed.includes(key)) throw new NestError('invalid-params', { id: 'relay.cli.unknown-option', values: { key, command } });
    let value: string | undefined;
    if (eq >= 0) value = a.slice(eq + 1);
    else {
      value = args[i + 1];
      i++;
    }
    // "--data-dir --port 0": a flag where the value should be means the value was left out.
    if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new NestError('invalid-params', { id: 'relay.cli.needs-value', values: { flag: key } });
    flags.set(key, value);
  }
  return flags;
}

function int(flag: string, text: string | undefined, fallback: number, min: number, max: number): number {
  if (text === undefined || text === '') return fallback;
  if (!/^\d+$/.test(text.trim())) throw new NestError('invalid-params', { id: 'relay.cli.not-whole-number', values: { flag, value: text.slice(0, 40) } });
  const n = Number(text.trim());
  if (n < min || n > max) throw new NestError('invalid-params', { id: 'relay.cli.out-of-range', values: { flag, min: String(min), max: String(max) } });
  return n;
}

/**
 * A text setting: the flag, else the environment variable, else `fallback`. An empty variable
 * counts as unset (`Environment=NEST_RELAY_HOST=` must not mean "every interface", which is what
 * Node makes of an empty host); an empty flag is refused.
 */
function text(flag: string, flags: Flags, envValue: string | undefined, fallback: string): string {
  const v = flags.get(flag);
  if (v !== undefined) {
    if (v.trim() === '') throw new NestError('invalid-params', { id: 'relay.cli.needs-value', values: { flag } });
    return v;
  }
  return envValue === undefined || envValue.trim() === '' ? fallback : envValue;
}

function caseRegistration(v: string | undefined): 'required' | 'off' {
  if (v === undefined || v === 'required') return 'required';
  if (v === 'off') return 'off';
  throw new NestError('invalid-params', { id: 'relay.cli.bad-case-registration' });
}

function required(flag: string, flags: Flags): string {
  const v = flags.get(flag);
  if (v === undefined || v === '') throw new NestError('invalid-params', { id: 'relay.cli.required', values: { flag } });
  return v;
}

function uuid(flag: string, flags: Flags): string {
  const v = required(flag, flags);
  if (!idSchema.safeParse(v).success) throw new NestError('invalid-params', { id: 'relay.cli.not-uuid', values: { flag } });
  return v.toLowerCase();
}

/**
 * `--storage`: '' (SQLite) or a PostgreSQL connection string.
 * @throws NestError('invalid-params') for any other scheme.
 */
function storageUrl(v: string): string | undefined {
  if (v === '') return undefined;
  if (!/^postgres(ql)?:\/\//.test(v)) throw new NestError('invalid-params', { id: 'relay.cli.bad-storage' });
  return v;
}

/**
 * `--redis`: '' (one process) or `redis://`, `rediss://`, `unix://` or an absolute socket path
 * (made `unix://…`). Fan-out needs a shared database, so Redis without PostgreSQL is refused.
 * @throws NestError('invalid-params') for another form, or Redis with SQLite.
 */
function redisSetting(v: string, storage: string | undefined): { redis?: string } {
  if (v === '') return {};
  const url = v.startsWith('/') ? `unix://${v}` : v;
  if (!/^(rediss?|unix):\/\//.test(url)) throw new NestError('invalid-params', { id: 'relay.cli.bad-redis' });
  if (!storage) throw new NestError('invalid-params', { id: 'relay.cli.redis-needs-postgres' });
  return { redis: url };
}

/**
 * `--key-file`: '' (clear) or the key file's absolute path. The key encrypts relay.sqlite, so it
 * is refused with PostgreSQL (whose files the relay does not write).
 * @throws NestError('invalid-params', 'relay.key.not-with-postgres').
 */
function keyFileSetting(v: string, storage: string | undefined, abs: (p: string) => string): string | undefined {
  if (v === '') return undefined;
  if (storage) throw new NestError('invalid-params', { id: 'relay.key.not-with-postgres' });
  return abs(v);
}

/**
 * `keygen <file>`: the one command with a positional argument, the key file to write.
 * @throws NestError('invalid-params', 'relay.key.keygen-usage') without exactly one path.
 */
function keygenCommand(args: readonly string[], env: Readonly<Record<string, string | undefined>>): Command {
  const out = args.length === 1 ? args[0]! : args.length === 2 && args[0] === '--out' ? args[1]! : '';
  if (out === '' || out.startsWith('--')) throw new NestError('invalid-params', { id: 'relay.key.keygen-usage' });
  return { kind: 'keygen', out: path.resolve(env.INIT_CWD || process.cwd(), out) };
}
