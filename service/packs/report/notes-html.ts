/**
 * The case notes (a ProseMirror/TipTap tree, shared/docs/notes-tree.ts) as safe HTML: a fixed set
 * of block and inline elements is mapped to HTML; every text is escaped; link targets are printed
 * as text after the link (a PDF reader should see where it pointed, and nothing is fetched);
 * anything unknown keeps its text and loses its element. No attribute is copied through.
 */
import type { NotesNode } from '../../../shared/docs/notes-tree';
import { esc } from './html';

const BLOCKS: Record<string, string> = {
  paragraph: 'p',
  blockquote: 'blockquote',
  bulletList: 'ul',
  orderedList: 'ol',
  listItem: 'li',
  codeBlock: 'pre',
  table: 'table',
  tableRow: 'tr',
  tableCell: 'td',
  tableHeader: 'th',
};
const MARKS: Record<string, string> = { bold: 'strong', italic: 'em', underline: 'u', strike: 's', code: 'code', subscript: 'sub', superscript: 'sup' };
/** Elements whose text direction follows their own content (dir="auto"). */
const TEXT_BLOCKS = new Set(['p', 'li', 'td', 'th', 'blockquote', 'h3', 'h4', 'h5']);

function inline(n: { text: string; marks: Record<string, Record<string, unknown> | true> }): string {
  let s = esc(n.text);
  for (const [mark, attrs] of Object.entries(n.marks)) {
    const tag = MARKS[mark];
    if (tag) s = `<${tag}>${s}</${tag}>`;
    else if (mark === 'link' && attrs !== true && typeof attrs.href === 'string') s = `<span class="link">${s}</span> <span class="href">(${esc(attrs.href)})</span>`;
  }
  return s;
}

function node(n: NotesNode): string {
  if ('text' in n) return inline(n);
  const inner = n.children.map(node).join('');
  if (n.name === 'hardBreak') return '<br>';
  if (n.name === 'horizontalRule') return '<hr>';
  // Headings inside the report sit under its own h2: notes' levels 1–3 become h3–h5.
  const level = typeof n.attrs.level === 'number' ? Math.min(Math.max(Math.round(n.attrs.level), 1), 3) : 1;
  const tag = n.name === 'heading' ? `h${level + 2}` : BLOCKS[n.name];
  if (!tag) return inner;
  if (tag === 'table') return `<table class="notes-table"><tbody>${inner}</tbody></table>`;
  return `<${tag}${TEXT_BLOCKS.has(tag) ? ' dir="auto"' : ''}>${inner}</${tag}>`;
}

/** The notes as HTML (an empty string for no notes). */
export function notesHtml(nodes: readonly NotesNode[]): string {
  return nodes.map(node).join('\n');
}

/** A plain summary (layout 1) as paragraphs. */
export function summaryHtml(summary: string): string {
  return summary
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => `<p dir="auto">${esc(l)}</p>`)
    .join('\n');
}
