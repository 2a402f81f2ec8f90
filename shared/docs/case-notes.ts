/**
 * A case's collaborative notes (issue 12 item 2): the `notes` Y.XmlFragment of the case doc, in the
 * ProseMirror layout of y-prosemirror / @tiptap/y-tiptap (block elements such as `paragraph`,
 * `heading` {level}, `bulletList`, `table`, each holding Y.XmlText with marks such as `link`).
 * The editor binds to the fragment directly; this module reads it as plain text (search, exports)
 * and migrates the layout-1 plain `summary` Y.Text into it.
 *
 * Migration, safe under concurrency: two replicas that open a layout-1 case at once must not both
 * insert the summary. The notes content is built in a scratch Y.Doc whose client id is derived
 * from the case id and the summary text ({@link migrationClientId}), so every replica that
 * migrates the same summary produces byte-identical Yjs items (same client, same clocks); when
 * the replicas merge, Yjs sees one set of items, not two. The summary Y.Text is left as it is, so
 * replicas of layout 1 still read it. (Two replicas that migrate *different* summary texts, i.e.
 * a summary edited concurrently with the migration, produce different ids and keep both versions:
 * text is duplicated, never lost.)
 */
import * as Y from 'yjs';
import { CASE_DOC_ROOTS } from './root-types';
import { DocView } from './doc-view';
import type { Writer, WriteOrigin } from './records';
import { writeFields } from './records';

/** The name of the notes fragment in the case doc. */
export const NOTES_ROOT = 'notes';

/** The meta key set once the summary has been copied into the notes (by any replica). */
export const NOTES_MIGRATED_KEY = 'notesMigrated';

/** Block element names whose text ends a line in {@link notesText}. */
const BLOCKS = new Set(['paragraph', 'heading', 'listItem', 'tableCell', 'tableHeader', 'blockquote', 'codeBlock']);

/**
 * A 32-bit FNV-1a hash of `caseId` and `summary`, used as the Yjs client id of the migration's
 * items (never 0, the id Yjs treats specially in some tools).
 */
export function migrationClientId(caseId: string, summary: string): number {
  let h = 0x811c9dc5;
  const s = `${caseId}\n${summary}`;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h === 0 ? 1 : h;
}

/** The plain text of a notes fragment: one line per block (paragraph, heading, list item, table cell). */
export function notesText(frag: Y.XmlFragment | Y.XmlElement): string {
  const lines: string[] = [];
  let line = '';
  const walk = (node: Y.XmlElement | Y.XmlText | Y.XmlHook | Y.XmlFragment): void => {
    if (node instanceof Y.XmlText) {
      for (const d of node.toDelta() as { insert?: unknown }[]) if (typeof d.insert === 'string') line += d.insert;
      return;
    }
    if (!(node instanceof Y.XmlElement) && !(node instanceof Y.XmlFragment)) return;
    if (node instanceof Y.XmlElement && node.nodeName === 'hardBreak') {
      line += '\n';
      return;
    }
    const block = node instanceof Y.XmlElement && BLOCKS.has(node.nodeName);
    const children = node.toArray();
    for (const child of children) walk(child);
    // A block that holds blocks (a list item's paragraph) has ended its lines already.
    const holdsBlocks = children.some((c) => c instanceof Y.XmlElement && BLOCKS.has(c.nodeName));
    if (block && !holdsBlocks) {
      lines.push(line);
      line = '';
    }
  };
  walk(frag);
  if (line) lines.push(line);
  return lines.join('\n');
}

/** The notes content a summary becomes: one `paragraph` per line of `summary` (empty lines kept as empty paragraphs). */
export function summaryParagraphs(summary: string): Y.XmlElement[] {
  return summary.split('\n').map((line) => {
    const p = new Y.XmlElement('paragraph');
    if (line) p.insert(0, [new Y.XmlText(line)]);
    return p;
  });
}

/** Typed view over the notes of one case Y.Doc. Cheap to construct; holds no state of its own. */
export class CaseNotes extends DocView {
  constructor(doc: Y.Doc) {
    super(doc, CASE_DOC_ROOTS);
  }

  /** The notes fragment the editor binds to. */
  get fragment(): Y.XmlFragment {
    return this.doc.getXmlFragment(NOTES_ROOT);
  }

  /** The notes as plain text (one line per block). */
  readText(): string {
    return notesText(this.fragment);
  }

  /** True once some replica has copied the summary into the notes. */
  isMigrated(): boolean {
    return this.doc.getMap('meta').get(NOTES_MIGRATED_KEY) === true;
  }

  /**
   * Copies the plain summary into the notes once (see the module doc for why concurrent
   * migrations do not duplicate), marks the case migrated and its layout `layout`. Does nothing
   * when already migrated or the case has no meta id yet. Returns true when this call migrated.
   */
  migrateSummary(w: Writer, layout: number): boolean {
    const meta = this.doc.getMap('meta');
    const caseId = meta.get('id');
    if (this.isMigrated() || typeof caseId !== 'string') return false;
    const summary = this.doc.getText('summary').toString();
    const origin: WriteOrigin = { memberId: w.memberId, kind: 'local-write' };
    // Applied on its own, not inside a local transaction: Yjs reads an update applied within a
    // local transaction as a remote client writing under this doc's id, and changes the doc's id.
    if (summary) Y.applyUpdate(this.doc, migrationUpdate(caseId, summary), origin);
    this.write(w, () => writeFields(meta, { [NOTES_MIGRATED_KEY]: true, layout }));
    return true;
  }
}

/** The deterministic Yjs update that puts `summary`'s paragraphs at the start of an empty notes fragment. */
export function migrationUpdate(caseId: string, summary: string): Uint8Array {
  const scratch = new Y.Doc();
  scratch.clientID = migrationClientId(caseId, summary);
  scratch.getXmlFragment(NOTES_ROOT).insert(0, summaryParagraphs(summary));
  const update = Y.encodeStateAsUpdate(scratch);
  scratch.destroy();
  return update;
}
