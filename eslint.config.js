// @ts-check
/**
 * Lint, including the architecture's layer rules (docs/architecture.md § Layers):
 * - shared/   imports no Node built-in, no Electron, no DOM-only package, nothing outside shared/;
 * - renderer/ imports only shared/ and browser packages;
 * - node/     (store, logger) imports shared/ and Node, never electron/, renderer/ or relay/;
 * - relay/    imports shared/ and node/, never electron/ or renderer/;
 * - only electron/main.ts, electron/preload.ts and electron/main/ (the shell's modules) import `electron`.
 * Logging goes through node/log.ts: `console` is banned outside the files listed below.
 */
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const noNode = { paths: nodeBuiltins.map((name) => ({ name, message: 'This layer must not import Node built-ins.' })) };
const noElectron = { name: 'electron', message: 'Only electron/main.ts, electron/preload.ts and electron/main/ import electron.' };
const NODE_ONLY_PACKAGES = ['better-sqlite3', 'ws', 'pino', '@y/websocket-server', 'chardet', 'iconv-lite'];
const noNodePackages = NODE_ONLY_PACKAGES.map((name) => ({ name, message: `${name} is Node-only.` }));

/** @param {string[]} folders @param {string} why */
const forbidFolders = (folders, why) => folders.map((f) => ({ group: [`**/${f}/**`, `**/${f}`], message: why }));

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.native/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', {
        paths: [...noNode.paths, noElectron, ...noNodePackages, { name: 'react', message: 'shared/ is UI-free.' }, { name: 'leaflet', message: 'shared/ is UI-free.' }],
        patterns: forbidFolders(['electron', 'renderer', 'relay', 'node'], 'shared/ imports only shared/.'),
      }],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      // Off: doc-backed memos key on version counters (e.g. useMemo(() => caseDoc.listSeizures(), [versions.seizures])),
      // a dependency the rule cannot see and would flag as unnecessary.
      'react-hooks/exhaustive-deps': 'off',
      'no-restricted-imports': ['error', {
        paths: [...noNode.paths, noElectron, ...noNodePackages],
        patterns: forbidFolders(['electron', 'relay', 'node'], 'renderer/ imports only shared/ and browser packages.'),
      }],
    },
  },
  {
    files: ['node/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron], patterns: forbidFolders(['electron', 'renderer', 'relay'], 'node/ is shared by the data service and the relay.') }] },
  },
  {
    files: ['relay/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron], patterns: forbidFolders(['electron', 'renderer'], 'The relay does not reach into the desktop app.') }] },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload.ts', 'electron/main/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron], patterns: forbidFolders(['renderer', 'relay'], 'The data service runs without Electron and does not import the renderer or the relay.') }] },
  },
  {
    // Command-line programs print their result on stdout: that is their interface, not logging.
    files: ['scripts/**', 'bench/**', 'electron/cli/**', 'relay/cli.ts', 'electron/host/cli.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
);
