/**
 * Throw-away PostgreSQL and Redis servers for the scaled relay's tests, on Unix sockets in a
 * temp folder (no TCP port, no system service). One PostgreSQL cluster per test file
 * ({@link startPostgres}, initdb ~1 s) and a fresh database per test ({@link PgCluster.freshDatabase});
 * a Redis per test or file ({@link startRedis}), which a test may kill and restart.
 *
 * initdb and pg_ctl refuse to run as root, and CI runs as root: they run as the `postgres`
 * system user (`runuser`) on folders chowned to it. Binaries are found under
 * /usr/lib/postgresql/<version>/bin (the newest) and /usr/bin/redis-server.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** The folder of the newest installed PostgreSQL's binaries. @throws Error when none is installed. */
export function postgresBin(): string {
  const base = '/usr/lib/postgresql';
  const versions = fs.existsSync(base) ? fs.readdirSync(base).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  const bin = versions.map((v) => path.join(base, v, 'bin')).find((b) => fs.existsSync(path.join(b, 'initdb')));
  if (!bin) throw new Error('PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb); .ci/run installs it');
  return bin;
}

/** Runs a command as the `postgres` user when we are root (initdb refuses root), else as ourselves. */
async function asPostgres(cmd: string, args: string[]): Promise<void> {
  if (process.getuid?.() === 0) await run('runuser', ['-u', 'postgres', '--', cmd, ...args]);
  else await run(cmd, args);
}

/** A short temp folder (Unix socket paths are limited to ~107 bytes). */
function shortTempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A running throw-away PostgreSQL cluster. */
export interface PgCluster {
  /** The folder holding the data and the socket (`.s.PGSQL.5432`). */
  dir: string;
  /** A connection string for database `db` over the socket, e.g. `postgres://nest@/db?host=/tmp/x`. */
  url(db: string): string;
  /** Creates a new empty database; resolves with its connection string. */
  freshDatabase(): Promise<string>;
  /** Stops the cluster (fast shutdown) and removes its folder. */
  stop(): Promise<void>;
}

let dbCounter = 0;

/**
 * Starts a PostgreSQL cluster (trust auth, superuser `nest`, socket only). ~2 s. Tests run it with
 * fsync off (durability across a host crash is not what they check); the benchmark P7 turns it on.
 */
export async function startPostgres(opts: { fsync?: boolean } = {}): Promise<PgCluster> {
  const bin = postgresBin();
  const dir = shortTempDir('npg-');
  const data = path.join(dir, 'data');
  if (process.getuid?.() === 0) await run('chown', ['postgres:postgres', dir]);
  await asPostgres(path.join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'nest', '--no-sync', '-E', 'UTF8']);
  await asPostgres(path.join(bin, 'pg_ctl'), ['-D', data, '-w', '-o', `-k ${dir} -c listen_addresses='' -c fsync=${opts.fsync ? 'on' : 'off'}`, '-l', path.join(dir, 'log'), 'start']);
  const url = (db: string) => `postgres://nest@/${db}?host=${encodeURIComponent(dir)}`;
  return {
    dir,
    url,
    async freshDatabase() {
      const name = `t${process.pid}_${++dbCounter}`;
      const c = new pg.Client({ connectionString: url('postgres') });
      await c.connect();
      try {
        await c.query(`CREATE DATABASE ${name}`);
      } finally {
        await c.end();
      }
      return url(name);
    },
    async stop() {
      await asPostgres(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']).catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A running throw-away Redis. */
export interface RedisServer {
  /** The Unix socket path. */
  socket: string;
  /** `redis+unix://…`-free form the relay accepts: `unix:///path/r.sock`. */
  url: string;
  /** Kills the server (SIGKILL: no goodbye to clients) and waits until its pid is gone. */
  kill(): Promise<void>;
  /** Starts it again on the same socket (after {@link kill}). */
  restart(): Promise<void>;
  /** Kills it and removes its folder. */
  stop(): Promise<void>;
}

/** Starts redis-server on a Unix socket in a temp folder (no persistence). */
export async function startRedis(): Promise<RedisServer> {
  const dir = shortTempDir('nrd-');
  const socket = path.join(dir, 'r.sock');
  const pidFile = path.join(dir, 'r.pid');
  const start = async () => {
    await run('/usr/bin/redis-server', ['--port', '0', '--unixsocket', socket, '--save', '', '--appendonly', 'no', '--daemonize', 'yes', '--pidfile', pidFile, '--dir', dir]);
    for (let i = 0; i < 200 && !fs.existsSync(socket); i++) await new Promise((r) => setTimeout(r, 10));
  };
  const kill = async () => {
    if (!fs.existsSync(pidFile)) return;
    const pid = Number(fs.readFileSync(pidFile, 'utf8').trim());
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      return;
    }
    for (let i = 0; i < 500; i++) {
      try {
        process.kill(pid, 0);
      } catch {
        break;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    fs.rmSync(pidFile, { force: true });
    fs.rmSync(socket, { force: true });
  };
  await start();
  return {
    socket,
    url: `unix://${socket}`,
    kill,
    restart: start,
    async stop() {
      await kill();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Why the PostgreSQL/Redis tests cannot run here, or null when both binaries are installed. A
 * test file that needs them skips with this message (printed once) instead of failing; CI
 * installs both (.ci/run), so there they always run.
 */
export function missingServers(needs: { redis: boolean } = { redis: true }): string | null {
  try {
    postgresBin();
  } catch (err) {
    return (err as Error).message;
  }
  if (needs.redis && !fs.existsSync('/usr/bin/redis-server')) return 'Redis is not installed (no /usr/bin/redis-server); .ci/run installs it';
  return null;
}

/** {@link missingServers}, printed with the file's name when not null. */
export function reportMissingServers(file: string, needs: { redis: boolean } = { redis: true }): string | null {
  const missing = missingServers(needs);
  if (missing) process.stdout.write(`${file}: skipped: ${missing}\n`);
  return missing;
}
