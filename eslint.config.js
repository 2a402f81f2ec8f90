// @ts-check
/**
 * Lint, including the architecture's layer rules (docs/architecture.md § Layers), written once as
 * allow-lists in eslint-rules/layers.mjs: every source folder (shared, node, service, relay,
 * renderer, the Electron shell and its preload) says what it may import; anything else fails.
 * Logging goes through node/log.ts: `console` is banned outside the files listed below.
 */
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import layers from './eslint-rules/layers.mjs';

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.native/**', 'reports/**', '.stryker-tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { local: layers },
    rules: {
      'no-console': 'error',
      'local/layers': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
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
    },
  },
  {
    // Command-line programs print their result on stdout: that is their interface, not logging.
    files: ['scripts/**', 'bench/**', 'service/entries/*-cli.ts', 'relay/cli.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
);
