import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// The board's console (審査会コンソール), built into dist/board-web and served by the ethics board at `/`.
export default defineConfig({
  root: here('.'),
  plugins: [react()],
  resolve: { alias: { '@infobank/web-ui': here('../../libs/web-ui/src/index.ts') } },
  build: {
    outDir: here('../../dist/board-web'),
    emptyOutDir: true,
    // The ethics board's Content-Security-Policy allows no inline script; the polyfill would add one.
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
});
