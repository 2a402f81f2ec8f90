/**
 * `npm run relay -- …`: runs the relay, or manages the workspace keys in its database. See
 * `--help` (relay/config.ts) and docs/relay.md. `serve` prints `listening on ws://HOST:PORT` on
 * stdout once it accepts connections; everything else it says goes to stderr as JSON logs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createLogger } from '../node/log';
import { NestError } from '../shared/errors';
import { generateWorkspaceKey, parsePrivateJwk, parsePublicJwk } from '../shared/auth/keys';
import { signInvitation } from '../shared/auth/tokens';
import { hubTuning, HELP, parseCommandLine, type Command } from './config';
import { fsReason, openError, prepareDataDir } from './data-dir';
import { startRelay } from './server';
import { SqliteRelayStorage } from './storage/sqlite-relay-storage';
import { WorkerRelayStorage } from './storage/worker-relay-storage';

/** Opens the relay database of `dataDir` in this thread (the key and backup commands). */
function openStorage(dataDir: string, mode: 'create' | 'existing'): SqliteRelayStorage {
  const file = prepareDataDir(dataDir, mode);
  try {
    return SqliteRelayStorage.open(file);
  } catch (err) {
    throw openError(file, err);
  }
}

/** Reads a file named by `flag`, or says which file could not be read and why. */
function readFileFor(flag: string, file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new NestError('invalid-params', `${flag}: cannot read ${file} (${fsReason(err)})`);
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
      // SQLite runs in a worker thread: an fsync never stalls the event loop.
      const file = prepareDataDir(s.dataDir, 'create');
      const storage = await WorkerRelayStorage.open(file, {
        onFatal: (err) => {
          log.fatal({ err: err.name }, 'the storage worker died: exiting');
          process.exit(1);
        },
      }).catch((err: unknown) => {
        throw openError(file, err);
      });
      const keys = await storage.allWorkspaceKeys();
      if (keys.length === 0) log.warn('no workspace keys registered yet: every connection will be refused (see add-workspace)');
      if (!['127.0.0.1', '::1', 'localhost'].includes(s.host)) log.warn({ host: s.host }, 'listening beyond loopback: put a TLS reverse proxy in front (docs/relay.md)');
      const relay = await startRelay({ ...s, ...hubTuning(s), storage, log, now: Date.now }).catch(async (err: unknown) => {
        await storage.close();
        const code = (err as { code?: unknown }).code;
        const why = code === 'EADDRINUSE' ? 'the port is in use: choose another --port, or 0 for any free one' : code === 'EADDRNOTAVAIL' ? 'no such address on this machine: check --host' : fsReason(err);
        throw new NestError('invalid-params', `cannot listen on ${s.host}:${s.port} (${why})`);
      });
      console.log(`listening on ${relay.url}`);
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
      const storage = openStorage(cmd.dataDir, 'create');
      try {
        const rec = await storage.addWorkspaceKey(cmd.workspaceId, jwk, cmd.label);
        const count = (await storage.workspaceKeys(cmd.workspaceId)).length;
        console.log(`workspace ${rec.workspaceId}: key ${rec.kid} registered (${count} key${count === 1 ? '' : 's'} now valid)`);
      } finally {
        await storage.close();
      }
      return;
    }
    case 'remove-key': {
      const storage = openStorage(cmd.dataDir, 'existing');
      try {
        const removed = await storage.removeWorkspaceKey(cmd.workspaceId, cmd.kid);
        if (!removed) throw new NestError('not-found', `workspace ${cmd.workspaceId} has no key ${cmd.kid} (see list-workspaces)`);
        const left = (await storage.workspaceKeys(cmd.workspaceId)).length;
        console.log(`workspace ${cmd.workspaceId}: key ${cmd.kid} removed (${left} left); connections it signed close within the key check period`);
      } finally {
        await storage.close();
      }
      return;
    }
    case 'list-workspaces': {
      const storage = openStorage(cmd.dataDir, 'existing');
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
      if (fs.existsSync(cmd.out)) throw new NestError('invalid-params', `${cmd.out} exists already; give a new file name`);
      if (!fs.statSync(path.dirname(cmd.out), { throwIfNoEntry: false })?.isDirectory()) {
        throw new NestError('invalid-params', `--out: the folder ${path.dirname(cmd.out)} does not exist; create it first`);
      }
      const storage = openStorage(cmd.dataDir, 'existing');
      try {
        await storage.backup(cmd.out);
      } finally {
        await storage.close();
      }
      console.log(`backup written to ${cmd.out}`);
      return;
    }
    case 'generate-key': {
      const pair = await generateWorkspaceKey();
      try {
        fs.mkdirSync(path.dirname(cmd.out), { recursive: true });
        fs.writeFileSync(cmd.out, `${JSON.stringify(pair.privateJwk)}\n`, { mode: 0o600, flag: 'wx' });
      } catch (err) {
        const exists = (err as { code?: unknown }).code === 'EEXIST';
        throw new NestError('invalid-params', `--out: cannot write ${cmd.out} (${fsReason(err)})${exists ? '; a key file is never overwritten: give a new file name' : ''}`);
      }
      console.error(`private key written to ${cmd.out} (keep it secret); key id ${pair.kid}; the public key follows on stdout`);
      console.log(JSON.stringify(pair.publicJwk));
      return;
    }
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
 * `--public-key`: a file, or the JWK JSON itself. Text that is not JSON is taken for a file name,
 * so a mistyped path is reported as a missing file, not as "not valid JSON".
 */
function publicKeyText(arg: string): string {
  if (arg.trimStart().startsWith('{')) return arg;
  if (fs.existsSync(arg)) return readFileFor('--public-key', arg);
  throw new NestError('invalid-params', `--public-key: no file ${arg}, and not a JWK either (give the .pub.jwk file or its JSON text)`);
}

try {
  await run(parseCommandLine(process.argv.slice(2), process.env));
} catch (err) {
  if (err instanceof NestError) {
    console.error(`error: ${err.message}`);
    process.exit(err.code === 'invalid-params' ? 2 : 1);
  }
  throw err;
}
