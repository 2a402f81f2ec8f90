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
import { startRelay } from './server';
import { SqliteRelayStorage } from './storage/sqlite-relay-storage';
import { WorkerRelayStorage } from './storage/worker-relay-storage';

/** The relay database file inside a data folder. */
export function relayDbFile(dataDir: string): string {
  return path.join(dataDir, 'relay.sqlite');
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
      const storage = await WorkerRelayStorage.open(relayDbFile(s.dataDir), {
        onFatal: (err) => {
          log.fatal({ err: err.name }, 'the storage worker died: exiting');
          process.exit(1);
        },
      });
      const keys = await storage.allWorkspaceKeys();
      if (keys.length === 0) log.warn('no workspace keys registered yet: every connection will be refused (see add-workspace)');
      if (!['127.0.0.1', '::1', 'localhost'].includes(s.host)) log.warn({ host: s.host }, 'listening beyond loopback: put a TLS reverse proxy in front (docs/relay.md)');
      const relay = await startRelay({ ...s, ...hubTuning(s), storage, log, now: Date.now });
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
      const text = fs.existsSync(cmd.publicKey) ? fs.readFileSync(cmd.publicKey, 'utf8') : cmd.publicKey;
      const jwk = parsePublicJwk(text);
      const storage = SqliteRelayStorage.open(relayDbFile(cmd.dataDir));
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
      const storage = SqliteRelayStorage.open(relayDbFile(cmd.dataDir));
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
      const storage = SqliteRelayStorage.open(relayDbFile(cmd.dataDir));
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
      const storage = SqliteRelayStorage.open(relayDbFile(cmd.dataDir));
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
      fs.mkdirSync(path.dirname(cmd.out), { recursive: true });
      fs.writeFileSync(cmd.out, `${JSON.stringify(pair.privateJwk)}\n`, { mode: 0o600, flag: 'wx' });
      console.error(`private key written to ${cmd.out} (keep it secret); key id ${pair.kid}; the public key follows on stdout`);
      console.log(JSON.stringify(pair.publicJwk));
      return;
    }
    case 'invite': {
      const key = parsePrivateJwk(fs.readFileSync(cmd.keyFile, 'utf8'));
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

try {
  await run(parseCommandLine(process.argv.slice(2), process.env));
} catch (err) {
  if (err instanceof NestError) {
    console.error(`error: ${err.message}`);
    process.exit(err.code === 'invalid-params' ? 2 : 1);
  }
  throw err;
}
