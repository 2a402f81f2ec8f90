/**
 * Deterministic STIX identifiers: `<type>--<UUIDv5>` (RFC 9562 §5.5, SHA-1 name-based) of the
 * workspace id, the object's role and the record id, so exporting the same case again gives the
 * same ids and a partner's platform updates its objects instead of duplicating them.
 */
import { createHash } from 'node:crypto';

/** NEST Desk's UUIDv5 namespace for STIX ids (a fixed random UUID; never change it: ids would change). */
export const NEST_STIX_NAMESPACE = '4c1f7b1e-5d0a-4b8e-9a53-2f6a0f3c9e21';

/** The 16 bytes of a UUID string. */
function uuidBytes(uuid: string): Buffer {
  return Buffer.from(uuid.replace(/-/g, ''), 'hex');
}

/** UUIDv5 of `name` (UTF-8) in `namespace`, lower-case hex with dashes. */
export function uuidV5(namespace: string, name: string): string {
  const hash = createHash('sha1').update(uuidBytes(namespace)).update(Buffer.from(name, 'utf8')).digest();
  const b = Buffer.from(hash.subarray(0, 16));
  b[6] = (b[6]! & 0x0f) | 0x50;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * The STIX id of one exported object.
 * @param type the STIX type, e.g. "incident".
 * @param workspaceId the workspace the case belongs to.
 * @param key what the object stands for within the workspace, e.g. "seizure/<uuid>" or "agency/<name>".
 */
export function stixId(type: string, workspaceId: string, key: string): string {
  return `${type}--${uuidV5(NEST_STIX_NAMESPACE, `${workspaceId}/${type}/${key}`)}`;
}

/** A record timestamp (ms since epoch) as a STIX timestamp (UTC, millisecond precision, `Z`). */
export function stixTime(ms: number): string {
  return new Date(ms).toISOString();
}
