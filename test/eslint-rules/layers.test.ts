/**
 * The layer rules fail on a forbidden import in every layer and pass the allowed ones, through
 * the real ESLint configuration (eslint.config.js), as `npm run lint` runs it.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const eslint = new ESLint({ cwd: root });

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.ruleId === 'local/layers').map((m) => m.message);
}

const cases: { file: string; forbidden: string[]; allowed: string[] }[] = [
  {
    file: 'shared/x.ts',
    forbidden: ["import '../node/log';", "import 'node:fs';", "import 'better-sqlite3';", "import 'react';", "import 'electron';", "import '../service/data-service';"],
    allowed: ["import './errors';", "import 'zod';", "import 'yjs';"],
  },
  {
    file: 'node/store/x.ts',
    forbidden: ["import '../../service/data-service';", "import '../../relay/hub';", "import '../../renderer/src/main';", "import 'electron';", "import 'react';"],
    allowed: ["import '../../shared/errors';", "import '../log';", "import 'node:fs';", "import 'better-sqlite3';"],
  },
  {
    file: 'service/cases/x.ts',
    forbidden: ["import '../../relay/hub';", "import '../../electron/main';", "import '../../renderer/src/main';", "import 'electron';", "import 'leaflet';"],
    allowed: ["import '../../node/log';", "import '../../shared/errors';", "import '../data-service';", "import 'node:path';"],
  },
  {
    file: 'relay/x.ts',
    forbidden: ["import '../service/data-service';", "import '../electron/main';", "import 'electron';", "import 'react';"],
    allowed: ["import '../node/log';", "import '../shared/errors';", "import 'ws';"],
  },
  {
    file: 'renderer/src/case/x.tsx',
    forbidden: ["import '../../../node/log';", "import '../../../service/data-service';", "import 'node:fs';", "import 'better-sqlite3';", "import 'electron';"],
    allowed: ["import '../../../shared/errors';", "import '../ui/dialog';", "import 'react';", "import 'leaflet';"],
  },
  {
    file: 'electron/main/x.ts',
    forbidden: ["import '../../service/data-service';", "import '../../relay/hub';", "import '../../renderer/src/main';", "import '../../node/store/sqlite';"],
    allowed: ["import 'electron';", "import '../../node/log';", "import '../../shared/errors';", "import './menu';", "import 'node:path';"],
  },
  {
    file: 'electron/preload.ts',
    forbidden: ["import 'node:fs';", "import '../shared/errors';", "import '../node/log';", "import 'zod';"],
    allowed: ["import 'electron';", "import '../shared/desktop-api';"],
  },
];

describe('layer rules', () => {
  for (const c of cases) {
    it(`${c.file}: refuses ${c.forbidden.length} forbidden imports and accepts ${c.allowed.length} allowed ones`, async () => {
      for (const code of c.forbidden) expect(await layerErrors(c.file, code), code).toHaveLength(1);
      for (const code of c.allowed) expect(await layerErrors(c.file, code), code).toEqual([]);
    });
  }

  it('names the rule and the offending target in its message', async () => {
    const [message] = await layerErrors('shared/x.ts', "import '../node/log';");
    expect(message).toContain('shared may import only shared/');
    expect(message).toContain('node/log');
  });
});
