/**
 * Document names. A doc's name is global and is the same in the local store, on the wire between
 * renderer and data service, and as the relay room: `<workspaceId>/workspace`,
 * `<workspaceId>/case/<caseId>` (both ids are UUIDs) or `<workspaceId>/registry/<memberId>` (a
 * member's case registry: the cases that member created, see shared/docs/case-registry.ts) or
 * `<workspaceId>/case/<caseId>/vol/<n>` (a volume of a case's seizures, docs/architecture.md
 * "Volume docs": `n` is 1…{@link MAX_VOLUMES} in decimal without leading zeros).
 */
import { NestError } from '../errors';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const WORKSPACE_RE = new RegExp(`^(${UUID})/workspace$`, 'i');
const CASE_RE = new RegExp(`^(${UUID})/case/(${UUID})$`, 'i');
/** Member ids are 1–100 characters (shared/domain/member.ts); a name keeps to a safe alphabet. */
/** A volume number: 1–999999, no sign, no leading zero, no exponent (so one volume has one name). */
const VOLUME_RE = new RegExp(`^(${UUID})/case/(${UUID})/vol/([1-9][0-9]{0,5})$`, 'i');
/** The most volumes a case may have (names beyond it are not doc names). */
export const MAX_VOLUMES = 999_999;
const REGISTRY_RE = new RegExp(`^(${UUID})/registry/([A-Za-z0-9._-]{1,100})$`, 'i');

/** A parsed doc name. */
export type DocRef =
  | { kind: 'workspace'; workspaceId: string }
  | { kind: 'case'; workspaceId: string; caseId: string }
  | { kind: 'registry'; workspaceId: string; memberId: string }
  | { kind: 'volume'; workspaceId: string; caseId: string; volume: number };

/** The workspace doc's name. */
export function workspaceDocName(workspaceId: string): string {
  return `${workspaceId}/workspace`;
}

/** A case doc's name. */
export function caseDocName(workspaceId: string, caseId: string): string {
  return `${workspaceId}/case/${caseId}`;
}

/**
 * The name of volume `volume` (1…{@link MAX_VOLUMES}) of a case's seizures.
 * @throws NestError('invalid-params') for a volume number outside that range or not an integer.
 */
export function volumeDocName(workspaceId: string, caseId: string, volume: number): string {
  if (!Number.isInteger(volume) || volume < 1 || volume > MAX_VOLUMES) throw new NestError('invalid-params', { id: 'doc.bad-name', values: { name: `vol/${String(volume).slice(0, 20)}` } });
  return `${workspaceId}/case/${caseId}/vol/${volume}`;
}

/** A member's case registry doc's name (`memberId` as in the workspace doc; lower case, as doc names are canonical). */
export function registryDocName(workspaceId: string, memberId: string): string {
  return `${workspaceId}/registry/${memberId.toLowerCase()}`;
}

/** Parses a doc name, or returns null when it is not one. */
export function parseDocName(name: string): DocRef | null {
  const w = WORKSPACE_RE.exec(name);
  if (w) return { kind: 'workspace', workspaceId: w[1]! };
  const c = CASE_RE.exec(name);
  if (c) return { kind: 'case', workspaceId: c[1]!, caseId: c[2]! };
  const v = VOLUME_RE.exec(name);
  if (v) return { kind: 'volume', workspaceId: v[1]!, caseId: v[2]!, volume: Number(v[3]) };
  const r = REGISTRY_RE.exec(name);
  if (r) return { kind: 'registry', workspaceId: r[1]!, memberId: r[2]! };
  return null;
}

/** Parses a doc name or throws `NestError('invalid-params')`. */
export function requireDocName(name: string): DocRef {
  const ref = parseDocName(name);
  if (!ref) throw new NestError('invalid-params', { id: 'doc.bad-name', values: { name: name.slice(0, 100) } });
  return ref;
}
