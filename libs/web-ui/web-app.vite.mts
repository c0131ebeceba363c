import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type UserConfig } from 'vite';

/** A path from the repository's root. */
const fromRoot = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/**
 * The Vite config every web app shares (each `apps/<app>/vite.config.mts` calls it): React,
 * `@infobank/web-ui` from its source, built into `dist/<app>` for its server to serve at `/`.
 */
export function webAppViteConfig(app: 'portal-web' | 'board-web'): UserConfig {
  return defineConfig({
    root: fromRoot(`apps/${app}`),
    plugins: [react()],
    resolve: { alias: { '@infobank/web-ui': fromRoot('libs/web-ui/src/index.ts') } },
    build: {
      outDir: fromRoot(`dist/${app}`),
      emptyOutDir: true,
      // The servers' Content-Security-Policy allows no inline script; the polyfill would add one.
      modulePreload: { polyfill: false },
      sourcemap: false,
    },
  });
}
