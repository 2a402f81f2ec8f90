/**
 * The randomised convergence property's pieces (y-protocols' `applyRandomTests` in spirit),
 * shared by the single-relay test (relay-sync.test.ts) and the three-process one
 * (relay-cluster-processes.test.ts): a seeded PRNG so a failing seed can be replayed, one random
 * edit of a map, a text and an array, and a canonical rendering of a doc to compare replicas.
 */
import type * as Y from 'yjs';

/** A small seeded PRNG (mulberry32): numbers in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One random edit of `doc` (map set, text insert or delete, array insert or delete), tagged `tag`. */
export function randomEdit(doc: Y.Doc, rnd: () => number, tag: string): void {
  const r = rnd();
  const text = doc.getText('summary');
  const list = doc.getArray<string>('timeline');
  if (r < 0.35) doc.getMap('seizures').set(`s${Math.floor(rnd() * 20)}`, { kg: Math.floor(rnd() * 1000), by: tag });
  else if (r < 0.6) text.insert(Math.floor(rnd() * (text.length + 1)), `${tag} `);
  else if (r < 0.7 && text.length > 4) text.delete(Math.floor(rnd() * (text.length - 3)), 3);
  else if (r < 0.9) list.insert(Math.floor(rnd() * (list.length + 1)), [tag]);
  else if (list.length > 0) list.delete(Math.floor(rnd() * list.length), 1);
}

/** The doc's content as canonical JSON (Y.Map key order differs between replicas). */
export const snapshot = (d: Y.Doc): string => canonical({ s: d.getMap('seizures').toJSON(), t: d.getText('summary').toString(), l: d.getArray('timeline').toJSON() });

/** JSON with object keys sorted, so equal content renders equally. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}
