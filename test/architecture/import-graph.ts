/**
 * The relative-import graph of the app's source folders, read from the files' text (no compiler):
 * enough to find import cycles. Type-only imports (`import type …`, `export type … from`) are left
 * out: they vanish at compile time and cannot cause a load-order cycle. A mixed import
 * (`import { type A, b }`) counts. Bare-package imports are ignored.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Folders (relative to the repo root) whose .ts/.tsx files are read. */
export const SOURCE_FOLDERS = ['shared', 'node', 'service', 'relay', 'renderer', 'electron'];

// `import x from '…'`, `import '…'`, `export … from '…'`; the `type` keyword right after
// import/export marks a type-only statement. [^;]*? spans multi-line import lists.
const STATEMENT = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^;'"]*?\sfrom\s+)?['"]([^'"]+)['"]/g;

/** Every .ts/.tsx file under `dir` (skipping node_modules, dist and .d.ts files). */
export function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules' && e.name !== 'dist') out.push(...sourceFiles(p));
    } else if (/\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** The relative specifiers a source text imports at run time (type-only imports left out). */
export function runtimeImports(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(STATEMENT)) {
    if (m[2]) continue;
    const spec = m[3]!;
    if (spec.startsWith('.')) out.push(spec);
  }
  return out;
}

/** The file a relative specifier names, or null when it names none of ours (e.g. a .json or .css). */
export function resolveImport(from: string, spec: string): string | null {
  const base = path.resolve(path.dirname(from), spec.replace(/\.js$/, ''));
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (/\.tsx?$/.test(candidate) && fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** file → the files it imports at run time, for every source file under `root`'s folders. */
export function importGraph(root: string, folders = SOURCE_FOLDERS): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const folder of folders) {
    for (const file of sourceFiles(path.join(root, folder))) {
      const targets = runtimeImports(fs.readFileSync(file, 'utf8'))
        .map((spec) => resolveImport(file, spec))
        .filter((t): t is string => t !== null);
      graph.set(file, targets);
    }
  }
  return graph;
}

/** Every import cycle's files, each as a path `a → b → … → a` (one per strongly connected part). */
export function findCycles(graph: Map<string, string[]>): string[][] {
  // Tarjan's strongly connected components, iterative so deep graphs cannot overflow the stack.
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  for (const start of graph.keys()) {
    if (idx.has(start)) continue;
    const work: { node: string; next: number }[] = [{ node: start, next: 0 }];
    idx.set(start, index);
    low.set(start, index++);
    stack.push(start);
    onStack.add(start);
    while (work.length) {
      const top = work[work.length - 1]!;
      const edges = graph.get(top.node) ?? [];
      if (top.next < edges.length) {
        const to = edges[top.next++]!;
        if (!idx.has(to)) {
          idx.set(to, index);
          low.set(to, index++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, next: 0 });
        } else if (onStack.has(to)) low.set(top.node, Math.min(low.get(top.node)!, idx.get(to)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1]!.node;
        low.set(parent, Math.min(low.get(parent)!, low.get(top.node)!));
      }
      if (low.get(top.node) !== idx.get(top.node)) continue;
      const part: string[] = [];
      let n: string;
      do {
        n = stack.pop()!;
        onStack.delete(n);
        part.push(n);
      } while (n !== top.node);
      const selfLoop = (graph.get(top.node) ?? []).includes(top.node);
      if (part.length > 1 || selfLoop) cycles.push(cyclePath(graph, new Set(part), top.node));
    }
  }
  return cycles;
}

/** One concrete cycle through `start` inside the strongly connected part `part` (breadth-first). */
function cyclePath(graph: Map<string, string[]>, part: Set<string>, start: string): string[] {
  const prev = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const n = queue.shift()!;
    for (const to of graph.get(n) ?? []) {
      if (!part.has(to)) continue;
      if (to === start) {
        const middle: string[] = [];
        for (let c: string | undefined = n; c !== undefined && c !== start; c = prev.get(c)) middle.unshift(c);
        return [start, ...middle, start];
      }
      if (!prev.has(to)) {
        prev.set(to, n);
        queue.push(to);
      }
    }
  }
  return [start, start];
}
