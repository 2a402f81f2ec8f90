/**
 * The converted areas write no user-facing sentence at a throw site: every `new NestError(code, …)`
 * and `new TokenError(reason, …)` there passes a catalogue reference `{ id, values }`, zod
 * schemas take their messages from `t('field.…')`, and no count is pluralised by hand. The list
 * grows as areas are converted; a string or template literal coming back fails here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');

/** Folders converted completely, and single converted files (others are being rewritten elsewhere). */
const CONVERTED_DIRS = [
  'shared/docs',
  'shared/domain',
  'shared/auth',
  'shared/protocol',
  'node',
  ...['renderer-sync', 'relay-sync', 'rpc', 'cases', 'workspace', 'members', 'export', 'projections'].map((d) => `service/${d}`),
];
const CONVERTED_FILES = [
  ...['numbers', 'dates', 'coordinates', 'units', 'quantity', 'vocab', 'countries', 'sectors', 'build-seizure', 'geo-reader', 'detect-format', 'decode', 'plan', 'guess-mapping', 'header-names', 'parse-result'].map(
    (f) => `service/import/${f}.ts`,
  ),
  ...['case-valuation', 'compute', 'dto', 'ecb-files', 'network', 'rates-info', 'statement', 'workspace-rates'].map((f) => `service/valuation/${f}.ts`),
  ...['dates', 'estimates', 'interval', 'money', 'units', 'user-rates', 'ecb-csv', 'methodology'].map((f) => `shared/valuation/${f}.ts`),
  'service/data-service.ts',
  'service/import/import-handlers.ts',
  'service/import/index.ts',
  'relay/cli.ts',
  'relay/config.ts',
  'relay/data-dir.ts',
];

function tsFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return tsFiles(rel);
    return e.name.endsWith('.ts') ? [rel] : [];
  });
}

const FILES = [...CONVERTED_DIRS.flatMap(tsFiles), ...CONVERTED_FILES];

/** Occurrences of `pattern` in each file, as "file:line: text". */
function find(pattern: RegExp, files = FILES): string[] {
  return files.flatMap((f) => {
    const src = fs.readFileSync(path.join(ROOT, f), 'utf8');
    return [...src.matchAll(pattern)].map((m) => `${f}:${src.slice(0, m.index).split('\n').length}: ${m[0].replace(/\s+/g, ' ')}`);
  });
}

describe('converted throw sites', () => {
  it('lists files that exist', () => {
    for (const f of FILES) expect(fs.existsSync(path.join(ROOT, f)), f).toBe(true);
    expect(FILES.length).toBeGreaterThan(40);
  });

  it('pass a catalogue reference, never a string or template literal, to NestError and TokenError', () => {
    const literal = /new\s+(?:NestError|TokenError)\(\s*(?:'[^']*'|[\w.]+)\s*,\s*['"`]/g;
    expect(find(literal)).toEqual([]);
    // The pattern itself finds what it must.
    expect("new NestError('not-found', `case ${id}`)".match(literal)).toHaveLength(1);
    expect("new NestError(\n  'too-large',\n  'A case holds …')".match(literal)).toHaveLength(1);
    expect("new NestError('not-found', { id: 'record.not-found' })".match(literal)).toBeNull();
  });

  it('throw no bare Error with a sentence from migrations, the data-dir lock and auth', () => {
    const files = ['node/store/migrations.ts', 'node/fs/data-dir-lock.ts', ...tsFiles('shared/auth')];
    for (const f of files) expect(FILES, f).toContain(f);
    const bare = /new\s+Error\(\s*['"`]/g;
    expect(find(bare, files)).toEqual([]);
    expect('throw new Error(`migration file ${f} is misnamed`)'.match(bare)).toHaveLength(1);
  });

  it('build zod messages with t(), not with literals', () => {
    const zodLiteral = /\.(?:min|max|length|positive|nonnegative|negative|gt|gte|lt|lte|regex|int|finite)\([^()]*,\s*['"`]|message:\s*['"`]/g;
    expect(find(zodLiteral, tsFiles('shared/domain'))).toEqual([]);
    expect("z.number().min(-90, 'must be between')".match(zodLiteral)).toHaveLength(1);
  });

  it('print no sentence of their own from the command-line entries: usage, refusals and report lines come from the catalogue (tester finding F2)', () => {
    const files = ['service/entries/import-cli.ts', 'service/entries/serve-cli.ts', 'service/entries/verify-cli.ts'];
    /** String and template literals passed to console.log/error, Error or a stream write, or kept as a usage text, that hold words outside `${…}`. */
    const sentences = (src: string): string[] =>
      [...src.matchAll(/(?:console\.(?:log|error|warn)|new Error|std(?:out|err)\.write)\(\s*('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`\\]|\\.)*`)|const HELP = `/g)]
        .map((m) => m[1] ?? m[0])
        .filter((lit) => /[A-Za-z]{2,}/.test(lit.replace(/\$\{[^}]*\}/g, '').replace(/\\[a-z]/g, '')));
    for (const f of files) expect(sentences(fs.readFileSync(path.join(ROOT, f), 'utf8')), f).toEqual([]);
    // The pattern finds what it must, and lets a literal of markup alone pass.
    expect(sentences('console.log(`Created case ${n} "${title}".`); throw new Error(\'one file at a time\'); const HELP = `Usage`')).toHaveLength(3);
    expect(sentences('process.stdout.write(`\\r${text}\\x1b[K`); console.log(`  ${note}`); console.log(t(\'x\'))')).toEqual([]);
  });

  it('count with ICU plurals, not by hand', () => {
    expect(find(/=== 1 \? '' : 's'|=== 1 \? 'is' : 'are'/g)).toEqual([]);
  });
});
