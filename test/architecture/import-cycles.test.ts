/**
 * No import cycle among the app's sources (shared, node, service, relay, renderer, electron). A
 * cycle makes load order matter and hid the handler → service dependency the handler context
 * replaced. Type-only imports are ignored: they are erased at compile time (see import-graph.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCycles, importGraph, runtimeImports } from './import-graph';

const ROOT = path.resolve(__dirname, '../..');

describe('import cycles', () => {
  it('there is none among the source folders', () => {
    const graph = importGraph(ROOT);
    expect(graph.size).toBeGreaterThan(100);
    const cycles = findCycles(graph).map((c) => c.map((f) => path.relative(ROOT, f)).join(' → '));
    expect(cycles).toEqual([]);
  });

  it('finds and names a cycle, ignoring type-only imports', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nest-cycles-'));
    fs.mkdirSync(path.join(dir, 'service'));
    const write = (name: string, text: string): void => fs.writeFileSync(path.join(dir, 'service', name), text);
    write('a.ts', "import { b } from './b';\nexport const a = b;\n");
    write('b.ts', "import {\n  c,\n} from './c';\nexport const b = c;\n");
    write('c.ts', "import type { a } from './a';\nexport { x as c } from './d';\n");
    write('d.ts', "import './a';\nexport const x = 1;\n");
    write('e.ts', "import type { a } from './a';\nexport type E = typeof a;\n");
    const cycles = findCycles(importGraph(dir, ['service'])).map((c) => c.map((f) => path.basename(f)));
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toEqual(['a.ts', 'b.ts', 'c.ts', 'd.ts', 'a.ts']);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads mixed imports as run-time imports and type-only ones as none', () => {
    expect(runtimeImports("import { type A, b } from './x';\nimport type { C } from './y';\nexport type { D } from './z';\nexport * from './w';\nimport fs from 'node:fs';")).toEqual(['./x', './w']);
  });
});
