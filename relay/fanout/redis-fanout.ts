/**
 * {@link Fanout} on Redis pub/sub (ioredis): one channel for stored updates and one for presence,
 * shared by every relay process on one PostgreSQL database. Redis is not trusted with anything:
 * an update is published only after it is stored, and a process catches up from storage (the
 * docs changed since its clock, `DocStore.changedSince`) on start, after every reconnect, and
 * every `catchUpMs`, so a lost message (Redis down or restarting, a slow subscriber dropped)
 * delays an update but never loses it.
 */
import { randomUUID } from 'node:crypto';
import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from '../../node/log';
import type { AppendEntry, RelayStorage } from '../storage/relay-storage';
import type { Fanout, FanoutTarget } from './fanout';

const UPDATES = 'nest:relay:updates';
const PRESENCE = 'nest:relay:presence';

/** A published message: the sender's process id, and per entry the doc name and the bytes (base64). */
interface Wire {
  p: string;
  e: [string, string][];
}

/** Options of {@link RedisFanout}. */
export interface RedisFanoutOptions {
  /** `redis://host:port`, `rediss://…` or `unix:///path/redis.sock`. */
  url: string;
  storage: Pick<RelayStorage, 'changedSince' | 'read'>;
  log: Logger;
  /** How often to catch up from storage regardless of Redis, ms (default 5000). */
  catchUpMs?: number;
}

/** ioredis options for a URL (unix:// becomes a socket path); retries every ≤ 1 s forever. */
export function redisOptions(url: string): RedisOptions & { url?: string } {
  const base: RedisOptions = { lazyConnect: true, maxRetriesPerRequest: null, retryStrategy: (n) => Math.min(50 * n, 1000), enableOfflineQueue: false };
  if (url.startsWith('unix://')) return { ...base, path: url.slice('unix://'.length) };
  return { ...base, url };
}

function connect(url: string): Redis {
  const { url: u, ...opts } = redisOptions(url);
  return u ? new Redis(u, opts) : new Redis(opts);
}

/** The Redis fan-out. */
export class RedisFanout implements Fanout {
  private readonly id = randomUUID();
  private readonly pub: Redis;
  private readonly sub: Redis;
  private target: FanoutTarget | null = null;
  private clock = 0;
  private timer: NodeJS.Timeout | null = null;
  private catchingUp: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly o: RedisFanoutOptions) {
    this.pub = connect(o.url);
    this.sub = connect(o.url);
    // ioredis reports connection errors as events; they are expected while Redis is down.
    for (const r of [this.pub, this.sub]) r.on('error', () => undefined);
  }

  /** @inheritdoc */
  async start(target: FanoutTarget): Promise<void> {
    this.target = target;
    this.clock = (await this.o.storage.changedSince(Number.MAX_SAFE_INTEGER)).clock;
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) => this.receive(channel.toString(), message));
    // After every (re)connection: subscribe again (ioredis does) and catch up what was missed.
    this.sub.on('ready', () => {
      this.o.log.info('redis fan-out connected');
      void this.catchUp();
    });
    this.sub.on('close', () => {
      if (!this.stopped) this.o.log.warn('redis fan-out lost: catching up from storage until it is back');
    });
    await Promise.all([this.pub.connect(), this.sub.connect()]).catch((err: unknown) => {
      this.o.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'redis not reachable at start: retrying');
    });
    await this.sub.subscribe(UPDATES, PRESENCE).catch(() => undefined);
    this.timer = setInterval(() => void this.catchUp(), this.o.catchUpMs ?? 5000);
    this.timer.unref();
  }

  /** @inheritdoc */
  publishStored(entries: readonly AppendEntry[]): void {
    if (entries.length === 0 || this.pub.status !== 'ready') return;
    const wire: Wire = { p: this.id, e: entries.map((e) => [e.docName, Buffer.from(e.update).toString('base64')]) };
    this.pub.publish(UPDATES, JSON.stringify(wire)).catch(() => undefined);
  }

  /** @inheritdoc */
  publishPresence(docName: string, update: Uint8Array): void {
    if (this.pub.status !== 'ready') return;
    const wire: Wire = { p: this.id, e: [[docName, Buffer.from(update).toString('base64')]] };
    this.pub.publish(PRESENCE, JSON.stringify(wire)).catch(() => undefined);
  }

  /** @inheritdoc */
  state(): 'ready' | 'down' {
    return this.pub.status === 'ready' && this.sub.status === 'ready' ? 'ready' : 'down';
  }

  /** @inheritdoc */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.catchingUp;
    this.pub.disconnect();
    this.sub.disconnect();
  }

  private receive(channel: string, message: Buffer): void {
    const t = this.target;
    if (!t) return;
    let wire: Wire;
    try {
      wire = JSON.parse(message.toString()) as Wire;
    } catch {
      return;
    }
    if (wire.p === this.id) return;
    for (const [doc, b64] of wire.e) {
      const bytes = new Uint8Array(Buffer.from(b64, 'base64'));
      try {
        if (channel === UPDATES) t.applyRemoteUpdate(doc, bytes);
        else if (channel === PRESENCE) t.applyRemotePresence(doc, bytes);
      } catch (err) {
        this.o.log.warn({ doc, err: err instanceof Error ? err.name : String(err) }, 'remote message not applied');
      }
    }
  }

  /**
   * Applies to the loaded docs whatever storage has beyond this process's clock (Yjs ignores
   * what a doc holds already). One catch-up at a time.
   */
  catchUp(): Promise<void> {
    this.catchingUp ??= this.doCatchUp().finally(() => (this.catchingUp = null));
    return this.catchingUp;
  }

  private async doCatchUp(): Promise<void> {
    const t = this.target;
    if (!t || this.stopped) return;
    try {
      const page = await this.o.storage.changedSince(this.clock);
      const loaded = new Set(t.loadedDocs());
      for (const h of page.heads) {
        if (!loaded.has(h.docName)) continue;
        const stored = await this.o.storage.read(h.docName);
        if (stored.snapshot) t.applyRemoteUpdate(h.docName, stored.snapshot);
        for (const u of stored.updates) t.applyRemoteUpdate(h.docName, u);
      }
      this.clock = page.clock;
    } catch (err) {
      this.o.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'catch-up from storage failed: retried later');
    }
  }
}
