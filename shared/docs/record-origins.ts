/**
 * Who last changed each record of a case doc according to the relay's authenticated update log
 * (issue 14 item 2): the retained updates are decoded with Yjs to learn which member's update first
 * carried each item id (client, clock); each record's current items (its fields' live values, or a
 * custody entry itself) are then looked up, and the one from the latest update names the member who
 * last changed the record. That member is compared with the record's in-document attribution
 * (`updatedBy`, `deletedBy`/`addedBy`, `recordedBy`), which any writer can forge. The raw Y
 * access lives here, with the other layout helpers. Pure; isomorphic.
 */
import * as Y from 'yjs';

/** What the relay recorded for one accepted update. */
export interface UpdateOrigin {
  seq: number;
  /** The member the relay authenticated. */
  memberId: string;
  /** When the relay accepted it, ms since epoch. */
  at: number;
}

/** Item ids → the first update (lowest seq) that carried them. Add updates in seq order. */
export class OriginIndex {
  private readonly byClient = new Map<number, { start: number; end: number; origin: UpdateOrigin }[]>();
  private lastSeq = 0;

  /** Records the item ranges of `update` (a Yjs v1 update as the relay stored it). */
  add(update: Uint8Array, origin: UpdateOrigin): void {
    this.lastSeq = Math.max(this.lastSeq, origin.seq);
    for (const s of Y.decodeUpdate(update).structs) {
      if (s instanceof Y.Skip) continue;
      const list = this.byClient.get(s.id.client) ?? [];
      list.push({ start: s.id.clock, end: s.id.clock + s.length, origin });
      this.byClient.set(s.id.client, list);
    }
  }

  /** The highest seq added (0 for none). */
  get upToSeq(): number {
    return this.lastSeq;
  }

  /**
   * The update that first carried item (client, clock), or null when none did (a change the
   * relay has not received). A later update repeating the item (a resend) does not count.
   */
  find(client: number, clock: number): UpdateOrigin | null {
    for (const r of this.byClient.get(client) ?? []) if (clock >= r.start && clock < r.end) return r.origin;
    return null;
  }
}

/** A record's kind in a case doc. */
export type RecordKind = 'seizure' | 'entity' | 'exhibit' | 'file' | 'custody';

/** One record's current items and its in-document attribution. */
export interface RecordItems {
  kind: RecordKind;
  id: string;
  /** The member id the document names as the last to change it ('' when it names none). */
  docAttribution: string;
  /** Ids of the record's live items (each field's current value; the entry itself for custody). */
  items: { client: number; clock: number }[];
}

const MAP_ROOTS: [RecordKind, string][] = [
  ['seizure', 'seizures'],
  ['entity', 'entities'],
  ['exhibit', 'exhibits'],
  ['file', 'files'],
];

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Every record of `doc` (deleted-marked ones too: a deletion is a change) with its live items. */
export function recordItems(doc: Y.Doc): RecordItems[] {
  const out: RecordItems[] = [];
  for (const [kind, root] of MAP_ROOTS) {
    doc.getMap<unknown>(root).forEach((rec, id) => {
      if (!(rec instanceof Y.Map)) return;
      const items: { client: number; clock: number }[] = [];
      for (const item of rec._map.values()) if (!item.deleted) items.push({ client: item.id.client, clock: item.id.clock });
      const attribution = kind === 'file' ? (rec.get('deleted') === true ? str(rec.get('deletedBy')) : str(rec.get('addedBy'))) : str(rec.get('updatedBy')) || str(rec.get('createdBy'));
      out.push({ kind, id, docAttribution: attribution, items });
    });
  }
  // Custody entries are plain values inside the array's items: entry i of an item has clock + i.
  let item = doc.getArray<unknown>('custody')._start;
  while (item) {
    if (!item.deleted && item.countable) {
      item.content.getContent().forEach((v: unknown, i: number) => {
        const e = v as { id?: unknown; recordedBy?: unknown } | null;
        if (e && typeof e === 'object' && typeof e.id === 'string') out.push({ kind: 'custody', id: e.id, docAttribution: str(e.recordedBy), items: [{ client: item!.id.client, clock: item!.id.clock + i }] });
      });
    }
    item = item.right;
  }
  return out;
}

/** What the relay's log says of one record. */
export interface RecordOrigin {
  kind: RecordKind;
  id: string;
  docAttribution: string;
  /** The update that last changed the record (the latest update among its items'), or null when the relay has none of them. */
  relay: UpdateOrigin | null;
  /**
   * `agrees`: the relay's member is the document's; `disagrees`: they differ (flagged);
   * `not-on-relay`: the record's current state has not reached the relay (changed locally since).
   */
  status: 'agrees' | 'disagrees' | 'not-on-relay';
}

/** The relay's view of each record of `records`, by the index of the relay's log. */
export function recordOrigins(records: readonly RecordItems[], index: OriginIndex): RecordOrigin[] {
  return records.map((r) => {
    let latest: UpdateOrigin | null = null;
    let missing = false;
    for (const it of r.items) {
      const o = index.find(it.client, it.clock);
      if (!o) missing = true;
      else if (!latest || o.seq > latest.seq) latest = o;
    }
    // Member ids are compared without case: the relay and doc names keep them lower-cased in places.
    const status = missing || !latest ? 'not-on-relay' : latest.memberId.toLowerCase() === r.docAttribution.toLowerCase() ? 'agrees' : 'disagrees';
    return { kind: r.kind, id: r.id, docAttribution: r.docAttribution, relay: latest, status };
  });
}
