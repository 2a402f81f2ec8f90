// @ts-check
/**
 * The architecture's layer rules as allow-lists (docs/architecture.md § Layers), one ESLint rule
 * like VS Code's `local/code-layering`. Each source file belongs to the first layer whose `files`
 * prefix matches its repository path; a relative import must land in one of the layer's `may`
 * folders, and a package import must pass the layer's package rule. Anything not allowed fails.
 */
import path from 'node:path';
import { builtinModules } from 'node:module';

const NODE_BUILTINS = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
/** Packages that only run under Node (native code, sockets, files). */
const NODE_ONLY = new Set(['better-sqlite3', 'better-sqlite3-multiple-ciphers', 'ws', 'pino', '@y/websocket-server', 'chardet', 'iconv-lite', 'pg', 'ioredis', 'yazl', 'yauzl']);
/** Packages that need a DOM. */
const DOM_ONLY = new Set(['react', 'react-dom', 'leaflet', 'react-leaflet']);

/**
 * @typedef {{ node?: boolean, electron?: boolean, dom?: boolean, only?: string[] }} PackageRule
 * @typedef {{ name: string, files: string[], may: string[], packages: PackageRule }} Layer
 */

/** @type {Layer[]} First match wins: more specific prefixes come first. */
export const LAYERS = [
  { name: 'preload', files: ['electron/preload.ts'], may: ['shared/desktop-api.ts'], packages: { only: ['electron'] } },
  { name: 'shell', files: ['electron/'], may: ['electron/', 'shared/', 'node/log.ts', 'node/fs/', 'node/web/', 'service/keys/'], packages: { node: true, electron: true } },
  { name: 'shared', files: ['shared/'], may: ['shared/'], packages: {} },
  { name: 'node', files: ['node/'], may: ['node/', 'shared/'], packages: { node: true } },
  { name: 'service', files: ['service/'], may: ['service/', 'node/', 'shared/', 'migrations/'], packages: { node: true } },
  { name: 'relay', files: ['relay/'], may: ['relay/', 'node/', 'shared/'], packages: { node: true } },
  { name: 'renderer', files: ['renderer/'], may: ['renderer/', 'shared/'], packages: { dom: true } },
];

/** @param {string} file repository-relative path with forward slashes */
export function layerOf(file) {
  return LAYERS.find((l) => l.files.some((f) => (f.endsWith('/') ? file.startsWith(f) : file === f))) ?? null;
}

/** @param {string} spec @returns {string} the package name of a bare import */
function packageName(spec) {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/**
 * Why `spec` imported from `file` breaks `layer`'s rules, or null when it is allowed.
 * @param {Layer} layer @param {string} file @param {string} spec @param {string} root
 */
export function violation(layer, file, spec, root) {
  if (spec.startsWith('.')) {
    const target = path.relative(root, path.resolve(root, path.dirname(file), spec)).split(path.sep).join('/');
    const ok = layer.may.some((m) => (m.endsWith('/') ? target.startsWith(m) : target === m || target === m.replace(/\.ts$/, '')));
    return ok ? null : `${layer.name} may import only ${layer.may.join(', ')}; "${spec}" is ${target}`;
  }
  const pkg = packageName(spec);
  const rule = layer.packages;
  if (rule.only) return rule.only.includes(pkg) ? null : `${layer.name} may import only the packages ${rule.only.join(', ')}`;
  if (pkg === 'electron') return rule.electron ? null : `only the Electron shell imports electron`;
  if (NODE_BUILTINS.has(spec) || NODE_BUILTINS.has(pkg)) return rule.node ? null : `${layer.name} must not import Node built-ins ("${spec}")`;
  if (NODE_ONLY.has(pkg)) return rule.node ? null : `${pkg} is Node-only; ${layer.name} must not import it`;
  if (DOM_ONLY.has(pkg)) return rule.dom ? null : `${pkg} needs a DOM; ${layer.name} must not import it`;
  return null;
}

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: { type: 'problem', docs: { description: 'Imports must follow the layer allow-lists of docs/architecture.md' }, schema: [] },
  create(context) {
    const root = context.cwd;
    const file = path.relative(root, context.filename).split(path.sep).join('/');
    const layer = layerOf(file);
    if (!layer) return {};
    /** @param {import('estree').Node} node @param {unknown} source */
    const check = (node, source) => {
      if (typeof source !== 'string') return;
      const why = violation(layer, file, source, root);
      if (why) context.report({ node, message: `Layer rule: ${why}.` });
    };
    return {
      ImportDeclaration: (n) => check(n, n.source.value),
      ExportNamedDeclaration: (n) => n.source && check(n, n.source.value),
      ExportAllDeclaration: (n) => check(n, n.source.value),
      ImportExpression: (n) => n.source.type === 'Literal' && check(n, n.source.value),
    };
  },
};

export default { rules: { layers: rule } };
