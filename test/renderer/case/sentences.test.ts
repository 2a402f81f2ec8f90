/**
 * The case screen's folder (renderer/src/case/) takes its user-facing sentences from the catalogue
 * (shared/messages/en/case.ts): no JSX text with words, no literal title / aria-label /
 * placeholder / label attribute, no literal toast, and no string literal that reads like a
 * sentence (a capital, then words). Walks the sources with the TypeScript
 * parser, so a sentence in a comment or a type does not count and one in JSX cannot hide.
 * Add a folder to CONVERTED once its sentences have moved.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { t } from '../../../shared/messages';

const CONVERTED = ['renderer/src/case'];
const ATTRIBUTES = new Set(['title', 'aria-label', 'placeholder', 'label', 'confirmLabel', 'alt', 'what']);
/** Text with a word of two letters or more (a "—" or "·" separator is not a sentence). */
const WORDS = /[A-Za-z]{2,}/;
/** A string literal that reads like a sentence or a label: a capital, then words ("Opening the case…"). */
const SENTENCE = /^[A-Z][a-z’']+( [^ ]+)+$/;

/** The inline sentences of one source file, as "line: text". */
function inlineSentences(file: string): string[] {
  const src = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const at = (n: ts.Node, text: string): void => {
    found.push(`${path.basename(file)}:${src.getLineAndCharacterOfPosition(n.getStart()).line + 1}: ${text.trim()}`);
  };
  const visit = (n: ts.Node): void => {
    if (ts.isJsxText(n) && WORDS.test(n.text)) at(n, n.text);
    if (ts.isJsxAttribute(n) && n.initializer && ts.isStringLiteral(n.initializer) && ATTRIBUTES.has(n.name.getText(src)) && WORDS.test(n.initializer.text)) at(n, n.initializer.text);
    if ((ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) && SENTENCE.test(n.text) && !ts.isImportDeclaration(n.parent) && !ts.isJsxAttribute(n.parent)) at(n, n.text);
    if (ts.isCallExpression(n) && n.expression.getText(src) === 'toast' && n.arguments[0] && (ts.isStringLiteral(n.arguments[0]) || ts.isTemplateExpression(n.arguments[0]) || ts.isNoSubstitutionTemplateLiteral(n.arguments[0]))) at(n, n.arguments[0].getText(src));
    ts.forEachChild(n, visit);
  };
  visit(src);
  return found;
}

describe('renderer sentences come from the catalogue', () => {
  it('leaves no inline sentence in the converted folders', () => {
    for (const dir of CONVERTED) {
      const files = fs.readdirSync(dir).filter((f) => /\.tsx?$/.test(f)).map((f) => path.join(dir, f));
      expect(files.length).toBeGreaterThan(5);
      expect(files.flatMap(inlineSentences), dir).toEqual([]);
    }
  });

  it('finds each kind of inline sentence (the scanner itself works)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nest-sentences-'));
    const file = path.join(dir, 'sample.tsx');
    fs.writeFileSync(file, [
      "const FAULT = 'This part could not be shown';",
      "const cls = 'btn btn-sm';",
      'export const A = () => <p title="Copy the address" className="x">Nothing here yet {n} — <b>·</b></p>;',
      "toast(`Exported ${name}`);",
    ].join('\n'));
    expect(inlineSentences(file)).toEqual([
      'sample.tsx:1: This part could not be shown',
      'sample.tsx:3: Copy the address',
      'sample.tsx:3: Nothing here yet',
      'sample.tsx:4: `Exported ${name}`',
    ]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('renders the moved case sentences in the same English, with plurals', () => {
    expect(t('ui.case.seizures.count', { count: 1 })).toBe('1 seizure');
    expect(t('ui.case.seizures.count-filtered', { shown: 3, count: 1200 })).toBe('3 of 1,200 seizures');
    expect(t('ui.case.stats.value-note', { count: 1, others: 0 })).toBe('1 seizure, as reported');
    expect(t('ui.case.stats.value-note', { count: 4, others: 2 })).toBe('4 seizures; + 2 other currencies, as reported');
    expect(t('ui.case.presence.one', { name: 'Bo Tan', same: 'no' })).toBe('Bo Tan is also here');
    expect(t('ui.case.presence.one', { name: 'Bo Tan', same: 'yes' })).toBe('Bo Tan (another window) is also here');
    expect(t('ui.case.conflict.title', { name: 'Bo Tan', field: 'quantity' })).toBe('Bo Tan changed the quantity at the same time');
  });
});
