/**
 * The local identity (profile.json in the data folder): who this person is on this machine.
 * Created at first run; every write the person makes is attributed to `memberId`.
 */
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { identitySchema, type Identity } from '../../shared/rpc/app';
import type { IdentityInput } from '../../shared/domain/member';
import { NestError } from '../../shared/errors';
import { readJsonFile, writeFileAtomic } from '../../node/fs/atomic-file';

/** Reads and writes the profile file in a data folder. */
export class ProfileStore {
  private readonly file: string;
  private cached: Identity | null | undefined;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'profile.json');
  }

  /**
   * The identity, or null before first run.
   * @throws NestError('database-corrupt') when profile.json exists but is not a valid identity.
   */
  get(): Identity | null {
    if (this.cached !== undefined) return this.cached;
    const raw = readJsonFile(this.file);
    if (raw === null) return (this.cached = null);
    const r = identitySchema.safeParse(raw);
    if (!r.success) throw new NestError('database-corrupt', { id: 'service.profile.invalid', values: { file: this.file, detail: r.error.issues[0]?.message ?? '' } });
    return (this.cached = r.data);
  }

  /** The identity, or throws NestError('no-identity'). */
  require(): Identity {
    const id = this.get();
    if (!id) throw new NestError('no-identity');
    return id;
  }

  /** Creates (or replaces the name/agency/role of) the identity; the member id is kept once made. */
  save(input: IdentityInput, now = Date.now()): Identity {
    const existing = this.get();
    const identity: Identity = { ...input, memberId: existing?.memberId ?? randomUUID(), createdAt: existing?.createdAt ?? now };
    writeFileAtomic(this.file, JSON.stringify(identity, null, 2));
    this.cached = identity;
    return identity;
  }
}
