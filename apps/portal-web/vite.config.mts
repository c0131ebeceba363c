import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// The individual's web app, built into dist/portal-web and served by the portal at `/`.
export default defineConfig({
  root: here('.'),
  plugins: [react()],
  resolve: { alias: { '@infobank/web-ui': here('../../libs/web-ui/src/index.ts') } },
  build: {
    outDir: here('../../dist/portal-web'),
    emptyOutDir: true,
    // The portal's Content-Security-Policy allows no inline script; the polyfill would add one.
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
});
