/**
 * relay/config.ts: the command line and environment of the relay CLI.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULTS, HELP, hubTuning, MAX_INVITE_DAYS, parseCommandLine } from '../../relay/config';
import { MAX_TOKEN_LIFETIME_MS } from '../../shared/auth/tokens';
import { NestError } from '../../shared/errors';

const WID = '7b0c1a8e-3f2d-4c5b-9a6e-1d2c3b4a5f60';

describe('parseCommandLine', () => {
  it('serves with defaults when given nothing', () => {
    expect(parseCommandLine([], {})).toEqual({
      kind: 'serve',
      settings: {
        host: '127.0.0.1',
        port: DEFAULTS.port,
        dataDir: path.resolve('relay-data'),
        maxMessageBytes: 32 * 1024 * 1024,
        idleUnloadMs: 30_000,
        keyCheckMs: 15_000,
        pingIntervalMs: 30_000,
        compactThreshold: 500,
        maxConnsPerMember: 64,
        maxDocsPerMember: 512,
        maxLoadedDocs: 20_000,
        caseRegistration: 'required',
      },
    });
    expect(parseCommandLine(['--max-conns-per-member', '3', '--max-loaded-docs', '10'], { NEST_RELAY_MAX_DOCS_PER_MEMBER: '5' })).toMatchObject({ settings: { maxConnsPerMember: 3, maxDocsPerMember: 5, maxLoadedDocs: 10 } });
  });

  it('takes --case-registration required|off and refuses anything else', () => {
    expect(parseCommandLine(['--case-registration', 'off'], {})).toMatchObject({ settings: { caseRegistration: 'off' } });
    expect(parseCommandLine(['--case-registration=required'], {})).toMatchObject({ settings: { caseRegistration: 'required' } });
    expect(() => parseCommandLine(['--case-registration', 'maybe'], {})).toThrow('--case-registration must be "required" or "off"');
  });

  it('takes environment variables, and flags over them (both --flag value and --flag=value)', () => {
    const env = { NEST_RELAY_PORT: '9000', NEST_RELAY_HOST: '0.0.0.0', NEST_RELAY_DATA_DIR: '/var/lib/nest-relay', NEST_RELAY_IDLE_UNLOAD_S: '5' };
    const fromEnv = parseCommandLine(['serve'], env);
    expect(fromEnv).toMatchObject({ kind: 'serve', settings: { port: 9000, host: '0.0.0.0', dataDir: '/var/lib/nest-relay', idleUnloadMs: 5000 } });
    const flags = parseCommandLine(['--port', '0', '--host=::1', '--data-dir', '/tmp/r', '--max-message-bytes', '65536'], env);
    expect(flags).toMatchObject({ kind: 'serve', settings: { port: 0, host: '::1', dataDir: '/tmp/r', maxMessageBytes: 65536, idleUnloadMs: 5000 } });
  });

  it('parses the key subcommands', () => {
    expect(parseCommandLine(['add-workspace', '--id', WID.toUpperCase(), '--public-key', 'k.jwk', '--data-dir', '/d'], {})).toEqual({
      kind: 'add-workspace',
      dataDir: '/d',
      workspaceId: WID,
      publicKey: path.resolve('k.jwk'),
      label: '',
    });
    expect(parseCommandLine(['remove-key', '--id', WID, '--kid', 'abc'], { NEST_RELAY_DATA_DIR: '/d' })).toEqual({ kind: 'remove-key', dataDir: '/d', workspaceId: WID, kid: 'abc' });
    expect(parseCommandLine(['list-workspaces', '--data-dir', '/d'], {})).toEqual({ kind: 'list-workspaces', dataDir: '/d' });
    expect(parseCommandLine(['backup', '--data-dir', '/d', '--out', '/b/r.sqlite'], {})).toEqual({ kind: 'backup', dataDir: '/d', out: '/b/r.sqlite' });
    expect(parseCommandLine(['generate-key', '--out', '/k/p.jwk'], {})).toEqual({ kind: 'generate-key', out: '/k/p.jwk' });
    expect(
      parseCommandLine(['invite', '--key', '/k/p.jwk', '--workspace', WID, '--member', 'm1', '--name', 'Ivy', '--agency', 'Customs', '--role', 'observer'], {}),
    ).toEqual({ kind: 'invite', keyFile: '/k/p.jwk', workspaceId: WID, memberId: 'm1', name: 'Ivy', agency: 'Customs', role: 'observer', days: 30 });
  });

  it('resolves relative paths against the folder npm was run from (INIT_CWD), not the package root', () => {
    const env = { INIT_CWD: '/home/op/keys' };
    expect(parseCommandLine(['generate-key', '--out', 'ws.jwk'], env)).toEqual({ kind: 'generate-key', out: '/home/op/keys/ws.jwk' });
    expect(parseCommandLine(['add-workspace', '--id', WID, '--public-key', 'ws.pub.jwk', '--data-dir', 'd'], env)).toMatchObject({
      dataDir: '/home/op/keys/d',
      publicKey: '/home/op/keys/ws.pub.jwk',
    });
    const jwk = '{"kty":"OKP","crv":"Ed25519","x":"abc"}';
    expect(parseCommandLine(['add-workspace', '--id', WID, '--public-key', jwk], env)).toMatchObject({ publicKey: jwk });
    expect(parseCommandLine(['backup', '--out', 'b.sqlite'], env)).toMatchObject({ dataDir: '/home/op/keys/relay-data', out: '/home/op/keys/b.sqlite' });
    expect(parseCommandLine(['invite', '--key', 'ws.jwk', '--workspace', WID, '--member', 'm', '--name', 'N', '--agency', 'A', '--role', 'observer'], env)).toMatchObject({ keyFile: '/home/op/keys/ws.jwk' });
  });

  it('takes an empty environment variable as unset, and refuses an empty flag (Node listens everywhere on host "")', () => {
    const env = { NEST_RELAY_HOST: '', NEST_RELAY_DATA_DIR: ' ', NEST_RELAY_PORT: '' };
    expect(parseCommandLine([], env)).toMatchObject({ settings: { host: '127.0.0.1', dataDir: path.resolve('relay-data'), port: DEFAULTS.port } });
    expect(() => parseCommandLine(['--host', ''], {})).toThrow(/--host needs a value/);
    expect(() => parseCommandLine(['--host='], {})).toThrow(/--host needs a value/);
    expect(() => parseCommandLine(['list-workspaces', '--data-dir', ''], {})).toThrow(/--data-dir needs a value/);
  });

  it('answers --help anywhere', () => {
    expect(parseCommandLine(['serve', '--port', '1', '--help'], {})).toEqual({ kind: 'help' });
    expect(parseCommandLine(['-h'], {})).toEqual({ kind: 'help' });
    expect(HELP).toContain('NEST_RELAY_PORT');
  });

  it('refuses unknown commands and flags, missing values, bad numbers and bad ids, naming them', () => {
    const bad = (argv: string[], env: Record<string, string> = {}): string => {
      try {
        parseCommandLine(argv, env);
      } catch (err) {
        expect(err).toBeInstanceOf(NestError);
        expect((err as NestError).code).toBe('invalid-params');
        return (err as Error).message;
      }
      throw new Error('expected an error');
    };
    expect(bad(['frobnicate'])).toMatch(/unknown command "frobnicate"/);
    expect(bad(['--prot', '1'])).toMatch(/unknown option --prot/);
    expect(bad(['--port'])).toMatch(/--port needs a value/);
    // The relay refuses tokens valid for more than two years: invite must not sign them.
    expect(bad(['invite', '--key', 'k', '--workspace', WID, '--member', 'm', '--name', 'N', '--agency', 'A', '--role', 'observer', '--days', '1000'])).toMatch(/--days must be between 1 and 730/);
    expect(MAX_INVITE_DAYS * 86_400_000).toBeLessThanOrEqual(MAX_TOKEN_LIFETIME_MS);
    // A flag where the value should be: the value was left out (not "unexpected argument 0").
    expect(bad(['--data-dir', '--port', '0'])).toMatch(/--data-dir needs a value/);
    expect(bad(['--port', '70000'])).toMatch(/--port must be between 0 and 65535/);
    expect(bad([], { NEST_RELAY_PORT: 'eighty' })).toMatch(/--port must be a whole number/);
    expect(bad(['add-workspace', '--id', 'nope', '--public-key', 'k'])).toMatch(/--id must be a workspace UUID/);
    expect(bad(['add-workspace', '--id', WID])).toMatch(/--public-key is required/);
    expect(bad(['invite', '--key', 'k', '--workspace', WID, '--member', 'm', '--name', 'n', '--agency', 'a', '--role', 'boss'])).toMatch(/--role must be one of/);
    expect(bad(['serve', 'extra'])).toMatch(/unexpected argument "extra"/);
  });

  it('takes PostgreSQL and Redis from flags or the environment, and refuses other forms', () => {
    const pgUrl = 'postgres://nest@db.internal/nest';
    expect(parseCommandLine([], { NEST_RELAY_STORAGE: pgUrl, NEST_RELAY_REDIS: '/run/redis/redis.sock' })).toMatchObject({ kind: 'serve', settings: { storage: pgUrl, redis: 'unix:///run/redis/redis.sock' } });
    expect(parseCommandLine(['--storage', 'postgresql:///nest?host=/run/postgresql', '--redis', 'redis://cache:6379'], {})).toMatchObject({ settings: { storage: 'postgresql:///nest?host=/run/postgresql', redis: 'redis://cache:6379' } });
    // No setting: SQLite exactly as before (no storage or redis key at all).
    const plain = parseCommandLine([], {});
    expect(plain.kind === 'serve' && 'storage' in plain.settings).toBe(false);
    expect(parseCommandLine(['migrate', '--storage', pgUrl], {})).toEqual({ kind: 'migrate', dataDir: expect.any(String), storage: pgUrl });
    expect(parseCommandLine(['backup', '--out', '/b/r.dump'], { NEST_RELAY_STORAGE: pgUrl })).toMatchObject({ kind: 'backup', storage: pgUrl, out: '/b/r.dump' });
    const bad = (argv: string[], env: Record<string, string> = {}) => {
      try {
        parseCommandLine(argv, env);
      } catch (err) {
        return (err as Error).message;
      }
      throw new Error('expected an error');
    };
    expect(bad(['--storage', 'mysql://x/y'])).toMatch(/--storage must be a PostgreSQL connection string/);
    expect(bad(['--storage', pgUrl, '--redis', 'memcache://x'])).toMatch(/--redis must start with/);
    expect(bad(['--redis', 'redis://cache:6379'])).toMatch(/set --storage too/);
  });

  it('derives hub tuning that never buffers less than one message', () => {
    const s = parseCommandLine(['--max-message-bytes', String(200 * 1024 * 1024)], {});
    if (s.kind !== 'serve') throw new Error('serve expected');
    const t = hubTuning(s.settings);
    expect(t.inbox.highWaterBytes).toBeGreaterThanOrEqual(s.settings.maxMessageBytes);
    expect(t.maxBufferedBytes).toBeGreaterThanOrEqual(2 * s.settings.maxMessageBytes);
  });
});

describe('storage key settings (issue 10 item 4)', () => {
  it('--key-file or NEST_RELAY_KEY_FILE, flag first, resolved against INIT_CWD; unset means clear, exactly as before', () => {
    expect(parseCommandLine([], {})).not.toHaveProperty('settings.keyFile');
    expect(parseCommandLine(['--key-file', 'relay.key'], { INIT_CWD: '/etc/nest' })).toMatchObject({ settings: { keyFile: '/etc/nest/relay.key' } });
    expect(parseCommandLine([], { NEST_RELAY_KEY_FILE: '/run/credentials/nest-relay/key' })).toMatchObject({ settings: { keyFile: '/run/credentials/nest-relay/key' } });
    expect(parseCommandLine(['--key-file', '/a'], { NEST_RELAY_KEY_FILE: '/b' })).toMatchObject({ settings: { keyFile: '/a' } });
    expect(parseCommandLine([], { NEST_RELAY_KEY_FILE: ' ' })).not.toHaveProperty('settings.keyFile');
    expect(parseCommandLine(['backup', '--data-dir', '/d', '--key-file', '/k', '--out', '/b'], {})).toEqual({ kind: 'backup', dataDir: '/d', keyFile: '/k', out: '/b' });
    expect(parseCommandLine(['list-workspaces', '--data-dir', '/d'], { NEST_RELAY_KEY_FILE: '/k' })).toEqual({ kind: 'list-workspaces', dataDir: '/d', keyFile: '/k' });
    expect(() => parseCommandLine(['--storage', 'postgres:///nest', '--key-file', '/k'], {})).toThrow(/encrypt the database server's disk instead/);
  });

  it('keygen <file> (or --out <file>) resolves the path; anything else is refused with the usage', () => {
    expect(parseCommandLine(['keygen', 'relay.key'], { INIT_CWD: '/etc/nest' })).toEqual({ kind: 'keygen', out: '/etc/nest/relay.key' });
    expect(parseCommandLine(['keygen', '--out', '/k/relay.key'], {})).toEqual({ kind: 'keygen', out: '/k/relay.key' });
    for (const bad of [['keygen'], ['keygen', 'a', 'b'], ['keygen', '--port']]) {
      expect(() => parseCommandLine(bad, {})).toThrow('keygen needs the path of the key file to write');
    }
    expect(HELP).toContain('--key-file <file>');
    expect(HELP).toContain('keygen <file>');
  });
});
