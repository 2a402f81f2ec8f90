/**
 * The base of every typed doc helper (CaseDoc, WorkspaceDoc, CaseValuations, ReferenceLists):
 * it holds the Y.Doc, defines the layout's root types before anything reads them, and runs each
 * write in one Yjs transaction whose origin names the member (the store records it).
 */
import type * as Y from 'yjs';
import { defineRoots } from './root-types';
import type { WriteOrigin, Writer } from './records';

/** A typed view over one Y.Doc of a given layout. */
export abstract class DocView {
  /** The wrapped Y.Doc. */
  readonly doc: Y.Doc;

  /** @param roots the layout's root types (root-types.ts), defined on `doc` at once. */
  protected constructor(doc: Y.Doc, roots: Record<string, 'map' | 'text' | 'array' | 'xml'>) {
    this.doc = doc;
    defineRoots(doc, roots);
  }

  /** Runs `fn` in one transaction attributed to `w.memberId`; returns what `fn` returns. */
  protected write<T>(w: Writer, fn: () => T): T {
    const origin: WriteOrigin = { memberId: w.memberId, kind: 'local-write' };
    let out!: T;
    this.doc.transact(() => {
      out = fn();
    }, origin);
    return out;
  }
}
