import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { localeParts } from './scripts/locale-parts';
import { routePreloads } from './scripts/route-preloads';
import { LANGUAGES } from './src/app/languages';

// The API server the dev server forwards /api to (`npm start` in the repository root).
const apiTarget = process.env.POA_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [
    react(),
    localeParts({ dir: path.resolve(import.meta.dirname, 'src/locales'), languages: LANGUAGES }),
    // Each route's files, for the server to announce in index.html (server/src/platform/http/web-app.ts).
    routePreloads({ router: path.resolve(import.meta.dirname, 'src/app/router.tsx'), languages: LANGUAGES }),
  ],
  build: {
    // WEB_DIST lets several builds live side by side (the server reads the same setting).
    outDir: process.env.WEB_DIST ?? 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // .vite/manifest.json: the build's chunks by source module, beside .vite/route-preloads.json (neither is served).
    manifest: true,
    // The server's Content-Security-Policy allows no inline script.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    // Sizes that matter are measured gzipped by `npm run bench -w web` (bench/WEB.md).
    chunkSizeWarningLimit: 600,
    // One stylesheet for the whole app (22 KB gzip, 18 KB of it the shell's): a page then waits for no
    // CSS file of its own, each of which cost a request of its own (four for the analysis) on a slow
    // connection over HTTP/1.1, for 4 KB more on the home page.
    cssCodeSplit: false,
    rollupOptions: {
      // A feature's public file (features/<name>/index.ts) only passes exports on: a page that uses
      // one of them loads that module alone, not every module the public file names.
      treeshake: { moduleSideEffects: (id: string) => !/[\\/]src[\\/]features[\\/][^\\/]+[\\/]index\.ts$/.test(id) },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  preview: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
});
