/**
 * The case notes (the `notes` Y.XmlFragment, ProseMirror layout of y-prosemirror / @tiptap/y-tiptap)
 * as a plain JSON tree, so code outside `shared/docs/` (the case pack's report) can render them
 * without touching raw Y types. Element names and attributes are copied as they are stored; text
 * comes with its marks (`bold`, `italic`, `link` {href} …). Pure read.
 */
import * as Y from 'yjs';
import { NOTES_ROOT } from './case-notes';

/** A run of text with the marks that apply to it (mark name → its attributes, `true` when it has none). */
export interface NotesText {
  text: string;
  marks: Record<string, Record<string, unknown> | true>;
}

/** A block or inline element (`paragraph`, `heading` {level}, `bulletList`, `hardBreak` …) and its children. */
export interface NotesElement {
  name: string;
  attrs: Record<string, unknown>;
  children: NotesNode[];
}

/** One node of the notes tree. */
export type NotesNode = NotesElement | NotesText;

function marksOf(attributes: unknown): NotesText['marks'] {
  const out: NotesText['marks'] = {};
  if (!attributes || typeof attributes !== 'object') return out;
  for (const [k, v] of Object.entries(attributes as Record<string, unknown>)) out[k] = v && typeof v === 'object' ? (v as Record<string, unknown>) : true;
  return out;
}

function nodeOf(n: unknown): NotesNode[] {
  if (n instanceof Y.XmlText) {
    return (n.toDelta() as { insert?: unknown; attributes?: unknown }[]).filter((d) => typeof d.insert === 'string').map((d) => ({ text: d.insert as string, marks: marksOf(d.attributes) }));
  }
  if (n instanceof Y.XmlElement) return [{ name: n.nodeName, attrs: { ...n.getAttributes() }, children: n.toArray().flatMap(nodeOf) }];
  return [];
}

/** The notes of the case in `doc` as a tree (an empty list when there are none). */
export function readNotesTree(doc: Y.Doc): NotesNode[] {
  return doc.getXmlFragment(NOTES_ROOT).toArray().flatMap(nodeOf);
}
