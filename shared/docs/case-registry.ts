/**
 * A member's case registry doc (`<workspaceId>/registry/<memberId>`): the cases that member
 * created while not an admin. Only its member writes it and every admin reads it (shared/permissions),
 * so a case an investigator creates, even offline, is known to the admins; the relay stores a
 * non-admin's case doc only when the case is in the workspace index or in that member's registry.
 *
 * Layout: `cases` Y.Map<caseId, { at: number }> (ms since epoch). Entries are only ever added,
 * once per case (a second write would make the relay's check depend on history), never removed.
 * `signingKeys`: the member's published pack-signing keys (member-keys.ts).
 */
import type * as Y from 'yjs';

/** Root types of a registry doc: name → kind. */
export const REGISTRY_DOC_ROOTS = { cases: 'map', signingKeys: 'map' } as const;

/** Typed view over a registry doc. */
export class CaseRegistry {
  constructor(readonly doc: Y.Doc) {}

  private get map(): Y.Map<unknown> {
    return this.doc.getMap('cases');
  }

  /** True when `caseId` is registered here. */
  has(caseId: string): boolean {
    return this.map.has(caseId);
  }

  /** The registered case ids, sorted. */
  caseIds(): string[] {
    return [...this.map.keys()].sort();
  }

  /** Registers `caseId` at `at` (ms since epoch); a no-op when it already is. */
  register(caseId: string, at: number): void {
    if (this.map.has(caseId)) return;
    this.map.set(caseId, { at });
  }
}
