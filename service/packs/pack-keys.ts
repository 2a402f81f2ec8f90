/**
 * Pack-signing keys (docs/case-packs.md, "Signing keys"): a member's desktop publishes the
 * member's signing key in their registry doc the first time the member exports a pack
 * ({@link publishMySigningKey}, called by pack-signer.ts: publishing at every open would add a
 * registry doc to every member's sync); the desktop holding the workspace key certifies published
 * keys in the background whenever a registry doc or the member list changes ({@link PackKeys}).
 * Runs are debounced and never throw (a failure is logged and retried at the next change).
 */
import type { Logger } from '../../node/log';
import { publicJwkOf } from '../../shared/auth/keys';
import { publishSigningKey } from '../../shared/docs/member-keys';
import { registryDocName } from '../../shared/docs/names';
import { keyInSetting, storedWorkspaceKey } from '../relay-sync/workspace-key';
import type { WorkspaceRuntime } from '../workspace/workspace-runtime';
import { certifyMembers } from './certifier';

/** Quiet time before a run, ms (a sync round delivers many updates at once). */
const DEBOUNCE_MS = 200;

/**
 * Publishes this member's signing key in their registry doc (made on first use).
 * @returns true when it was published now (false: there already, or an observer, who writes no registry).
 */
export async function publishMySigningKey(ws: WorkspaceRuntime, now: number): Promise<boolean> {
  const local = ws.local();
  // Observers write no registry doc (shared/permissions/doc-access.ts): the relay would refuse it.
  if (local.role === 'observer' || local.demo) return false;
  const key = publicJwkOf(await keyInSetting(ws, 'memberSigningKey'));
  return ws.host.with(registryDocName(ws.id, local.memberId), (reg) => {
    let added = false;
    reg.transact(() => (added = publishSigningKey(reg, key, now)), { memberId: local.memberId });
    return added;
  });
}

/** The key holder's background job of one workspace (a no-op on other desktops). */
export class PackKeys {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private closed = false;
  private readonly unobserve: () => void;

  constructor(
    private readonly ws: WorkspaceRuntime,
    private readonly logger: Logger,
  ) {
    this.unobserve = ws.workspaceDoc().observe(() => this.schedule());
    this.schedule();
  }

  /** A registry doc of this workspace changed (or was loaded). */
  registryChanged(): void {
    this.schedule();
  }

  /** Resolves when no run is pending or running (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.timer || this.running) {
      if (this.running) await this.running;
      else await new Promise((r) => setTimeout(r, DEBOUNCE_MS));
    }
  }

  /** Stops (pending runs are dropped). */
  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.unobserve();
  }

  private schedule(): void {
    if (this.closed || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.running) return this.schedule();
      this.running = this.run().finally(() => (this.running = null));
    }, DEBOUNCE_MS);
    this.timer.unref();
  }

  private async run(): Promise<void> {
    try {
      if (!storedWorkspaceKey(this.ws)) return;
      const issued = await certifyMembers(this.ws, Date.now());
      if (issued.length) this.logger.info({ workspace: this.ws.id, members: issued.length }, 'pack-signing keys certified');
    } catch (err) {
      this.logger.warn({ workspace: this.ws.id, err: err instanceof Error ? err.message : String(err) }, 'pack-signing keys: will retry at the next change');
    }
  }
}
