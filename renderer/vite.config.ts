/**
 * Builds the renderer into dist/renderer with relative asset paths, so the same files are served
 * by Electron's app:// protocol and by the browser-mode host. Paths come from
 * `import.meta.dirname` (Node ≥ 20.11), so this file needs no Node built-in import, which the
 * renderer layer's lint rule forbids.
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = import.meta.dirname;

export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  build: {
    outDir: `${here}/../dist/renderer`,
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
});
