/**
 * Finds user-facing sentences written inline in renderer source files, with the TypeScript parser:
 * JSX text with words, words in the JSX attributes people read (label, title, aria-label,
 * placeholder, …), and string or template literals that read as a phrase (a capitalised word
 * followed by another word, or three words or more). Used by ui-messages.test.ts on the folders
 * whose sentences come from the catalogue.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** JSX attributes whose value is read by people (or screen readers). */
const READ_ATTRIBUTES = new Set(['label', 'title', 'aria-label', 'placeholder', 'description', 'submitLabel', 'busyLabel', 'header', 'hint', 'alt', 'confirmLabel', 'footerNote']);

/** A literal that reads as a phrase: "Open seizure", "Seizure map · …", "is not a real date". */
export function readsAsPhrase(text: string): boolean {
  const words = text
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/^[(“"]+|[)”",.;:…!?]+$/g, ''))
    .filter((w) => w && !/^[·—–]$/.test(w));
  if (words.length < 2 || !words.every((w) => /^[A-Za-z’']+$/.test(w))) return false;
  return /^[A-Z][a-z]/.test(words[0]!) || words.length >= 3;
}

/**
 * Text that is a code, not words: an ISO code ("USD", "TLP"), a file name ("eurofxref-hist.csv"),
 * an example address ("wss://relay.example.org") or a command-line flag ("--data-dir").
 */
export function isCode(text: string): boolean {
  const t = text.trim();
  return /^[A-Z0-9]{2,4}$/.test(t) || /^[\w-]+(\.[a-z0-9]{2,4})+$/.test(t) || /^[a-z]+:\/\/\S+$/.test(t) || /^--[a-z-]+$/.test(t);
}

/** Inline sentences of one source file, as "file:line: text". */
export function inlineSentences(root: string, file: string): string[] {
  const src = fs.readFileSync(path.join(root, file), 'utf8');
  const sf = ts.createSourceFile(file, src, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const hits: string[] = [];
  const hit = (node: ts.Node, text: string): void => {
    hits.push(`${file}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}: ${text.trim()}`);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    if (ts.isJsxText(node)) {
      // A command or code sample shown as <code> is not a sentence.
      const inCode = ts.isJsxElement(node.parent) && node.parent.openingElement.tagName.getText(sf) === 'code';
      if (/[A-Za-z]{2,}/.test(node.text) && !inCode && !isCode(node.text)) hit(node, node.text);
    } else if (ts.isJsxAttribute(node)) {
      const name = node.name.getText(sf);
      const init = node.initializer;
      if (READ_ATTRIBUTES.has(name) && init && ts.isStringLiteral(init) && /[A-Za-z]{2,}/.test(init.text) && !isCode(init.text)) hit(node, `${name}="${init.text}"`);
      if (name === 'className' || name.startsWith('data-')) return; // class names and test ids are not read
    } else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      // Module specifiers and catalogue ids never read as phrases; a directive string neither.
      // `new Error('…')` is a programming error (a bug): the error boundary shows it only as the
      // technical detail under the catalogue's own title, so it is not a user-facing sentence.
      const programmingError = ts.isNewExpression(node.parent) && node.parent.expression.getText(sf) === 'Error';
      if (readsAsPhrase(node.text) && !programmingError) hit(node, node.text);
    } else if (ts.isTemplateExpression(node)) {
      const parts = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)];
      // The literal parts together: `${n} mapped seizure${s} across cases` reads "mapped seizure across cases".
      if (parts.some((p) => readsAsPhrase(p)) || readsAsPhrase(parts.join(' '))) hit(node, node.getText(sf));
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return hits;
}

/** Source files (.ts, .tsx) under `dir` of `root`, minus `except` (paths relative to `root`). */
export function sourceFiles(root: string, dir: string, except: readonly string[] = []): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return sourceFiles(root, rel, except);
    return /\.tsx?$/.test(e.name) && !except.includes(rel) ? [rel] : [];
  });
}
