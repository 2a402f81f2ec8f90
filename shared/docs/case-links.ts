/**
 * The links of a case doc (`links`: Y.Map<linkId, Y.Map<field, value>>): typed relationships from
 * an entity to an entity or a seizure of the same case (shared/domain/entity-links.ts). Validated
 * whole, stamped, audited, deleted as a mark like seizures. A link whose end was deleted stays in
 * the doc but is not listed (its end may be restored). A seizure end may live in one of the case's
 * volume docs ({@link VolumeSeizureEnds}). `CaseDoc` delegates here.
 */
import * as Y from 'yjs';
import { linkFieldsSchema, type LinkFields } from '../domain/entity-links';
import { NestError } from '../errors';
import { changesOf, summaryOf, type AuditEntry } from './case-audit';
import { insertRecord, readFields, requireRecord, stamp, validateWhole, writeFields, type Writer } from './records';
import type { Tx } from './case-seizures';

/**
 * The case's seizures held outside the case doc (its volume docs, volume-doc.ts), as link ends:
 * `held` for a record there (live or deleted), `live` for a live one. The data service builds it
 * from the volumes it stores (service/import/case-seizures-all.ts); without it only the case
 * doc's own seizures count.
 */
export interface VolumeSeizureEnds {
  held(id: string): boolean;
  live(id: string): boolean;
}

/** The raw parts of a case doc the link helpers use. */
export interface LinkParts {
  meta: Y.Map<unknown>;
  entities: Y.Map<Y.Map<unknown>>;
  seizures: Y.Map<Y.Map<unknown>>;
  links: Y.Map<Y.Map<unknown>>;
  audit: Y.Array<AuditEntry>;
  /** Seizures in the case's volume docs (absent: none are known here). */
  volumes?: VolumeSeizureEnds;
}

/** True when `id` is a live seizure of the case, in the case doc or a known volume. */
function liveSeizure(p: LinkParts, id: string): boolean {
  return live(p.seizures, id) || (p.volumes?.live(id) ?? false);
}

/** A link as read, with id and stamps. `toKind` says what the `to` end is. */
export type Link = LinkFields & { id: string; toKind: 'entity' | 'seizure'; createdBy: string; createdAt: number; updatedBy: string; updatedAt: number };

/** Fields a link deletion keeps in its audit summary. */
export const LINK_SUMMARY_FIELDS = ['from', 'to', 'relationship'] as const;

/** True when `map` holds a live record `id`. */
function live(map: Y.Map<Y.Map<unknown>>, id: string): boolean {
  const r = map.get(id);
  return r instanceof Y.Map && r.get('deleted') !== true;
}

/** The link record read (null when it does not have the link shape: from a newer or buggy peer). */
function toLink(p: LinkParts, id: string, rec: Y.Map<unknown>): Link | null {
  const raw = readFields(rec);
  const r = linkFieldsSchema.safeParse(raw);
  if (!r.success) return null;
  return {
    ...r.data,
    id,
    toKind: p.seizures.has(r.data.to) || p.volumes?.held(r.data.to) ? 'seizure' : 'entity',
    createdBy: typeof raw.createdBy === 'string' ? raw.createdBy : '',
    createdAt: typeof raw.createdAt === 'number' ? raw.createdAt : 0,
    updatedBy: typeof raw.updatedBy === 'string' ? raw.updatedBy : '',
    updatedAt: typeof raw.updatedAt === 'number' ? raw.updatedAt : 0,
  };
}

/** All live links whose both ends are live records of the case, oldest first. */
export function listLinks(p: LinkParts): Link[] {
  const out: Link[] = [];
  p.links.forEach((rec, id) => {
    if (!(rec instanceof Y.Map) || rec.get('deleted') === true) return;
    const l = toLink(p, id, rec);
    if (l && live(p.entities, l.from) && (live(p.entities, l.to) || liveSeizure(p, l.to))) out.push(l);
  });
  return out.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

/**
 * The `to` ends of live links from a live entity that are not live entities: the ids a window
 * must look up to know which are live seizures (in the case doc or a volume doc) — and so which
 * of those links {@link listLinks} lists once given the answer as `volumes`. Sorted, unique.
 */
export function seizureEndCandidates(p: LinkParts): string[] {
  const out = new Set<string>();
  p.links.forEach((rec) => {
    if (!(rec instanceof Y.Map) || rec.get('deleted') === true) return;
    const from = rec.get('from');
    const to = rec.get('to');
    if (typeof from === 'string' && typeof to === 'string' && live(p.entities, from) && !live(p.entities, to)) out.add(to);
  });
  return [...out].sort();
}

/** One live link, or null (`withDeleted`: also a deleted one, which the history still names). */
export function readLink(p: LinkParts, id: string, withDeleted = false): Link | null {
  const rec = p.links.get(id);
  if (!(rec instanceof Y.Map) || (!withDeleted && rec.get('deleted') === true)) return null;
  return toLink(p, id, rec);
}

/** @throws NestError('validation', entity.link-end) when `from` is not a live entity or `to` not a live entity or seizure. */
function requireEnds(p: LinkParts, l: LinkFields): void {
  if (!live(p.entities, l.from)) throw new NestError('validation', { id: 'entity.link-end', values: { id: l.from } }, [{ field: 'from', message: 'not an entity of this case' }]);
  if (!live(p.entities, l.to) && !liveSeizure(p, l.to)) throw new NestError('validation', { id: 'entity.link-end', values: { id: l.to } }, [{ field: 'to', message: 'not an entity or seizure of this case' }]);
}

/**
 * Adds a link between two live records of the case.
 * @throws NestError('validation') for a bad field, a missing end or a used id.
 */
export function addLink(p: LinkParts, tx: Tx, id: string, fields: unknown, w: Writer): void {
  const valid = validateWhole(linkFieldsSchema, fields);
  requireEnds(p, valid);
  if (p.links.has(id)) throw new NestError('validation', { id: 'record.exists', values: { kind: 'link', id } });
  const at = stamp(w);
  tx(w, () => {
    insertRecord(p.links, id, { ...valid, createdBy: w.memberId, createdAt: at, updatedBy: w.memberId, updatedAt: at });
    p.audit.push([{ at, by: w.memberId, action: 'link.add', target: id }]);
    writeFields(p.meta, { updatedBy: w.memberId, updatedAt: at });
  });
}

/**
 * Updates a link's fields (merged record validated whole; ends must stay live).
 * @returns the changed field names.
 * @throws NestError('not-found'); NestError('validation').
 */
export function updateLink(p: LinkParts, tx: Tx, id: string, patch: Partial<LinkFields>, w: Writer): string[] {
  const rec = requireRecord(p.links, id, 'link');
  const current = toLink(p, id, rec);
  if (!current) throw new NestError('not-found', { id: 'record.not-found', values: { kind: 'link', id } });
  const { id: _i, toKind: _k, createdBy: _cb, createdAt: _ca, updatedBy: _ub, updatedAt: _ua, ...fields } = current;
  const merged = validateWhole(linkFieldsSchema, { ...fields, ...patch }) as Record<string, unknown>;
  requireEnds(p, merged as LinkFields);
  const valid: Record<string, unknown> = {};
  for (const k of Object.keys(patch)) if (k in merged) valid[k] = merged[k];
  return tx(w, () => {
    const before = readFields(rec);
    const changed = writeFields(rec, valid);
    if (changed.length) {
      const at = stamp(w);
      writeFields(rec, { updatedBy: w.memberId, updatedAt: at });
      p.audit.push([{ at, by: w.memberId, action: 'link.update', target: id, fields: changed, changes: changesOf(changed, before, valid) }]);
      writeFields(p.meta, { updatedBy: w.memberId, updatedAt: at });
    }
    return changed;
  });
}

/**
 * Deletes a link (kept with `deleted: true`).
 * @throws NestError('not-found').
 */
export function deleteLink(p: LinkParts, tx: Tx, id: string, w: Writer): void {
  const rec = requireRecord(p.links, id, 'link');
  tx(w, () => {
    const at = stamp(w);
    writeFields(rec, { deleted: true, updatedBy: w.memberId, updatedAt: at });
    p.audit.push([{ at, by: w.memberId, action: 'link.delete', target: id, summary: summaryOf(readFields(rec), LINK_SUMMARY_FIELDS) }]);
    writeFields(p.meta, { updatedBy: w.memberId, updatedAt: at });
  });
}
