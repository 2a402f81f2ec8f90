/**
 * `npm run relay -- …`: runs the relay, or manages the workspace keys in its database. See
 * `--help` (relay/config.ts) and docs/relay.md. `serve` prints `listening on ws://HOST:PORT` on
 * stdout once it accepts connections; everything else it says goes to stderr as JSON logs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createLogger } from '../node/log';
import { NestError } from '../shared/errors';
import { t } from '../shared/messages';
import { generateWorkspaceKey, parsePrivateJwk, parsePublicJwk } from '../shared/auth/keys';
import { signInvitation } from '../shared/auth/tokens';
import { hubTuning, HELP, parseCommandLine, type Command, type StorageLocation } from './config';
import { fsReason, openError, prepareDataDir } from './data-dir';
import { isClearDatabaseFile } from '../node/store/sqlite';
import { startRelay } from './server';
import { PostgresRelayStorage, redactUrl } from './storage/postgres/postgres-relay-storage';
import type { RelayStorage } from './storage/relay-storage';
import { FsBlobStore } from '../node/blobs/fs-blob-store';
import { DEFAULT_MAX_FILE_BYTES } from '../shared/domain/attached-file';
import { SqliteRelayStorage } from './storage/sqlite-relay-storage';
import { WorkerRelayStorage } from './storage/worker-relay-storage';
import { readKeyFile, writeKeyFile } from './key-file';
import { RedisFanout } from './fanout/redis-fanout';
import { PgBlobStore } from './blobs/pg-blob-store';
import type { BlobStore } from '../node/blobs/blob-store';

/** A storage the key, backup and migrate commands can use. */
type CommandStorage = RelayStorage & { backup(file: string): Promise<void> };

/**
 * Opens the relay's storage for a one-shot command: PostgreSQL when `where.storage` is set
 * (migrating it), else the SQLite database of `where.dataDir` in this thread.
 * @throws NestError('invalid-params') saying which storage could not be opened and why.
 */
async function openStorage(where: StorageLocation, mode: 'create' | 'existing'): Promise<CommandStorage> {
  if (where.storage) return openPostgres(where.storage);
  const key = where.keyFile ? readKeyFile(where.keyFile) : undefined;
  const file = prepareDataDir(where.dataDir, mode);
  try {
    return SqliteRelayStorage.open(file, key ? { key } : {});
  } catch (err) {
    throw keyOrOpenError(file, err);
  }
}

/** A refused key (wrong, or missing for an encrypted file) as it is; any other opening error named by {@link openError}. */
function keyOrOpenError(file: string, err: unknown): NestError {
  return err instanceof NestError && err.code === 'unauthorized' ? err : openError(file, err);
}

/** Opens and migrates PostgreSQL at `url`; a refusal keeps its NestError, a connection failure names the database. */
async function openPostgres(url: string): Promise<PostgresRelayStorage> {
  return PostgresRelayStorage.open(url).catch((err: unknown) => {
    if (err instanceof NestError) throw err;
    throw new NestError('invalid-params', { id: 'relay.data-dir.cannot-open', values: { file: redactUrl(url), reason: err instanceof Error ? err.message : String(err) } });
  });
}

/** Reads a file named by `flag`, or says which file could not be read and why. */
function readFileFor(flag: string, file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new NestError('invalid-params', { id: 'relay.cli.cannot-read', values: { flag, file, reason: fsReason(err) } });
  }
}

async function run(cmd: Command): Promise<void> {
  switch (cmd.kind) {
    case 'help':
      console.log(HELP);
      return;
    case 'serve': {
      const s = cmd.settings;
      const log = createLogger('relay');
      const storage = s.storage ? await openPostgres(s.storage) : await openSqliteWorker(s.dataDir, s.keyFile, log);
      const keys = await storage.allWorkspaceKeys();
      if (keys.length === 0) log.warn('no workspace keys registered yet: every connection will be refused (see add-workspace)');
      if (!['127.0.0.1', '::1', 'localhost'].includes(s.host)) log.warn({ host: s.host }, 'listening beyond loopback: put a TLS reverse proxy in front (docs/relay.md)');
      // Several processes on one PostgreSQL: Redis carries stored updates and presence between them.
      const fanout = s.redis ? new RedisFanout({ url: s.redis, storage, log }) : undefined;
      // On PostgreSQL the files live in the database too, so every process serves every file.
      const blobs: BlobStore = s.storage ? await PgBlobStore.open(s.storage, { maxBytes: DEFAULT_MAX_FILE_BYTES }) : new FsBlobStore(path.join(s.dataDir, 'blobs'), { maxBytes: DEFAULT_MAX_FILE_BYTES });
      const relay = await startRelay({ ...s, ...hubTuning(s), storage, log, now: Date.now, fanout, blobs }).catch(async (err: unknown) => {
        await fanout?.stop();
        await storage.close();
        await blobs.close?.();
        const code = (err as { code?: unknown }).code;
        const why = code === 'EADDRINUSE' ? t('relay.cli.port-in-use') : code === 'EADDRNOTAVAIL' ? t('relay.cli.no-such-address') : fsReason(err);
        throw new NestError('invalid-params', { id: 'relay.cli.cannot-listen', values: { host: s.host, port: String(s.port), reason: why } });
      });
      console.log(t('relay.cli.listening', { url: relay.url }));
      let stopping = false;
      const stop = (signal: string): void => {
        if (stopping) return;
        stopping = true;
        log.info({ signal }, 'stopping');
        relay.close().then(
          () => process.exit(0),
          (err: unknown) => {
            log.error({ err: err instanceof Error ? err.name : String(err) }, 'stopping failed');
            process.exit(1);
          },
        );
      };
      process.once('SIGTERM', () => stop('SIGTERM'));
      process.once('SIGINT', () => stop('SIGINT'));
      return;
    }
    case 'add-workspace': {
      const jwk = parsePublicJwk(publicKeyText(cmd.publicKey));
      const storage = await openStorage(cmd, 'create');
      try {
        const rec = await storage.addWorkspaceKey(cmd.workspaceId, jwk, cmd.label);
        const count = (await storage.workspaceKeys(cmd.workspaceId)).length;
        console.log(t('relay.cli.key-registered', { workspaceId: rec.workspaceId, kid: rec.kid, count }));
      } finally {
        await storage.close();
      }
      return;
    }
    case 'remove-key': {
      const storage = await openStorage(cmd, 'existing');
      try {
        const removed = await storage.removeWorkspaceKey(cmd.workspaceId, cmd.kid);
        if (!removed) throw new NestError('not-found', { id: 'relay.cli.no-such-key', values: { workspaceId: cmd.workspaceId, kid: cmd.kid } });
        const left = (await storage.workspaceKeys(cmd.workspaceId)).length;
        console.log(t('relay.cli.key-removed', { workspaceId: cmd.workspaceId, kid: cmd.kid, left }));
      } finally {
        await storage.close();
      }
      return;
    }
    case 'list-workspaces': {
      const storage = await openStorage(cmd, 'existing');
      try {
        for (const k of await storage.allWorkspaceKeys()) {
          console.log(`${k.workspaceId}  ${k.kid}  added ${new Date(k.addedAt).toISOString()}${k.label ? `  ${k.label}` : ''}`);
        }
      } finally {
        await storage.close();
      }
      return;
    }
    case 'backup': {
      if (fs.existsSync(cmd.out)) throw new NestError('invalid-params', { id: 'relay.cli.out-exists', values: { out: cmd.out } });
      if (!fs.statSync(path.dirname(cmd.out), { throwIfNoEntry: false })?.isDirectory()) {
        throw new NestError('invalid-params', { id: 'relay.cli.out-folder-missing', values: { folder: path.dirname(cmd.out) } });
      }
      const storage = await openStorage(cmd, 'existing');
      try {
        await storage.backup(cmd.out);
      } finally {
        await storage.close();
      }
      console.log(t('relay.cli.backup-written', { out: cmd.out }));
      return;
    }
    case 'migrate': {
      const storage = await openStorage(cmd, 'create');
      await storage.close();
      console.log(t('relay.cli.migrated'));
      return;
    }
    case 'generate-key': {
      const pair = await generateWorkspaceKey();
      try {
        fs.mkdirSync(path.dirname(cmd.out), { recursive: true });
        fs.writeFileSync(cmd.out, `${JSON.stringify(pair.privateJwk)}\n`, { mode: 0o600, flag: 'wx' });
      } catch (err) {
        const exists = (err as { code?: unknown }).code === 'EEXIST';
        throw new NestError('invalid-params', { id: 'relay.cli.cannot-write-key', values: { out: cmd.out, reason: fsReason(err), exists } });
      }
      console.error(t('relay.cli.private-key-written', { out: cmd.out, kid: pair.kid }));
      console.log(JSON.stringify(pair.publicJwk));
      return;
    }
    case 'keygen':
      writeKeyFile(cmd.out);
      console.log(t('relay.key.written', { file: cmd.out }));
      return;
    case 'invite': {
      const key = parsePrivateJwk(readFileFor('--key', cmd.keyFile));
      const now = Date.now();
      const token = await signInvitation(key, {
        memberId: cmd.memberId,
        workspaceId: cmd.workspaceId,
        name: cmd.name,
        agency: cmd.agency,
        role: cmd.role,
        issuedAt: now,
        expiresAt: now + cmd.days * 86_400_000,
      });
      console.log(token);
      return;
    }
  }
}

/**
 * SQLite in a worker thread (the single-process relay): an fsync never stalls the event loop.
 * With `keyFile`, encrypted at rest (a clear database is encrypted in place first).
 */
async function openSqliteWorker(dataDir: string, keyFile: string | undefined, log: ReturnType<typeof createLogger>): Promise<WorkerRelayStorage> {
  const key = keyFile ? readKeyFile(keyFile) : undefined;
  const file = prepareDataDir(dataDir, 'create');
  const clearBefore = key !== undefined && isClearDatabaseFile(file);
  const storage = await WorkerRelayStorage.open(file, {
    ...(key ? { key } : {}),
    onFatal: (err) => {
      log.fatal({ err: err.name }, 'the storage worker died: exiting');
      process.exit(1);
    },
  }).catch((err: unknown) => {
    throw keyOrOpenError(file, err);
  });
  if (clearBefore) log.info({ file }, 'the clear relay database was encrypted in place with the storage key');
  return storage;
}

/**
 * `--public-key`: a file, or the JWK JSON itself. Text that is not JSON is taken for a file name,
 * so a mistyped path is reported as a missing file, not as "not valid JSON".
 */
function publicKeyText(arg: string): string {
  if (arg.trimStart().startsWith('{')) return arg;
  if (fs.existsSync(arg)) return readFileFor('--public-key', arg);
  throw new NestError('invalid-params', { id: 'relay.cli.public-key-missing', values: { arg } });
}

// Every file the relay creates (database, -wal, -shm, backups, keys) is readable by its user only.
process.umask(0o077);
try {
  await run(parseCommandLine(process.argv.slice(2), process.env));
} catch (err) {
  if (err instanceof NestError) {
    console.error(t('relay.cli.error', { message: err.message }));
    // 2: a setting the operator must fix (a bad flag, a wrong or missing storage key): restarting
    // cannot help, and systemd's RestartPreventExitStatus=2 (docs/relay.md) stops the restarts.
    process.exit(err.code === 'invalid-params' || err.code === 'unauthorized' ? 2 : 1);
  }
  throw err;
}
