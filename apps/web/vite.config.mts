import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { VitePWA } from 'vite-plugin-pwa';
import { leanContracts } from './build/lean-contracts.mts';
import { earlyStart } from './build/early-start.mts';

const here = fileURLToPath(new URL('.', import.meta.url));
const workspaceRoot = path.resolve(here, '../..');

// what every signed-in page needs before it renders and the first chunk does not (the login page's initial JS stays
// small): the endpoint table, the shell and the shared components and hooks, in one request instead of some fifteen,
// each extra level of the module waterfall having cost the first paint a round trip
const SIGNED_IN = new RegExp(
  [
    // the contracts' table and catalogues; their schema modules go with the forms using them (build/lean-contracts.mts)
    String.raw`libs[\\/]contracts[\\/]src[\\/](index|endpoint|endpoints[\\/][\w-]+|enums|errors|problem-details)\.ts$`,
    String.raw`apps[\\/]web[\\/]src[\\/](lib|components)[\\/]`,
    String.raw`apps[\\/]web[\\/]src[\\/]app[\\/](shell|layout|require-auth)\.tsx`,
  ].join('|'),
);
// what only some pages use (forms: with react-hook-form below; charts, CSV import; the outbox, with IndexedDB)
const NOT_SIGNED_IN =
  /[\\/](form-fields|form-errors|text-area-field|zod-resolver|chart[\w-]*|csv-import[\w-]*)\.tsx?$|[\\/]lib[\\/]outbox[\\/]/;
// the first chunk's own imports: grouped before the signed-in chunk, which would otherwise take them in as its
// dependencies and be loaded by the login page, too
const FIRST = new RegExp(
  [
    String.raw`node_modules[\\/](@tanstack|i18next|react-i18next)[\\/]`,
    String.raw`libs[\\/]domain[\\/]`,
    String.raw`[\\/](query-client|unauthorized|is-api-error|lazy-page|session|require-permission)\.tsx?$`,
    String.raw`[\\/](loading-state|status-pages|button)\.tsx$`,
    String.raw`[\\/]i18n[\\/]i18n\.ts$|preload-helper`,
    // the service worker's registration and the state it shares with the header
    String.raw`apps[\\/]web[\\/]src[\\/]pwa[\\/](register|pwa-state)\.ts$`,
    // a constant the outbox shares with screens: kept out of the outbox's chunk (IndexedDB code)
    String.raw`apps[\\/]web[\\/]src[\\/]lib[\\/]outbox[\\/]constants\.ts$`,
    // the stylesheets the route tables import
    String.raw`[\\/](notifications|partner-reports|systems)\.css$`,
  ].join('|'),
);

/**
 * The installable app (vite-plugin-pwa, Workbox `generateSW`). What the service worker (`sw.js`) does, for anyone
 * building on it (the outbox, tests that go offline):
 * - precaches the app shell: index.html and every hashed file of the build (all pages' code, styles, icons), so the
 *   app opens without a network; the `.br`/`.gz` copies are left out (the API picks those per request);
 * - answers every navigation (a reload on /repair-jobs/…) with the cached index.html, except under /api/;
 * - never caches or answers an API request: /api/ goes to the network untouched and fails there when offline.
 *   Last-seen data lives in IndexedDB per user (apps/web/src/pwa/offline-cache.ts), not in the worker;
 * - takes control of the page on its first install (clientsClaim); a new version waits until the user accepts
 *   "New version — reload" (apps/web/src/pwa/register.ts), so a page is never switched to new code mid-entry.
 * The API sends sw.js, the manifest and workbox-*.js with `Cache-Control: no-cache` (apps/api/src/bootstrap.ts).
 */
const pwa = VitePWA({
  registerType: 'prompt',
  // registered by apps/web/src/pwa/register.ts with workbox-window, after the first render
  injectRegister: false,
  manifest: {
    id: '/',
    name: 'JV Tracker — системи, ремонти, навчання',
    short_name: 'JV Tracker',
    description: 'Облік артилерійських систем, ремонтів, запитів на компоненти та навчання',
    lang: 'uk',
    dir: 'ltr',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    orientation: 'any',
    // the header's navy and the page background (apps/web/src/styles.css: --navy-900, --bg)
    theme_color: '#0b1f3a',
    background_color: '#f4f6f8',
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
    // the manifest has one language; `translations` (manifest localization, read by Chromium where supported and
    // ignored elsewhere) gives the English names
    ...{
      translations: {
        en: {
          name: 'JV Tracker — systems, repairs, training',
          short_name: 'JV Tracker',
          description: 'Artillery systems, repair jobs, component requests and training',
        },
      },
    },
  },
  workbox: {
    globPatterns: ['**/*.{js,css,html,png,svg,woff2}'],
    navigateFallback: 'index.html',
    navigateFallbackDenylist: [/^\/api\//],
    // no runtimeCaching: API answers are never stored by the worker
    runtimeCaching: [],
    cleanupOutdatedCaches: true,
    clientsClaim: true,
    skipWaiting: false,
  },
});

function featureApi(id: string): string | null {
  const feature = /features[\\/]([\w-]+)[\\/]api[\\/]/.exec(id)?.[1];
  return feature ? `${feature}-api` : null;
}

export default defineConfig({
  root: here,
  plugins: [
    leanContracts(),
    earlyStart(),
    react(),
    // `file.br` and `file.gz` beside each file: the API sends the one the browser accepts (apps/api/src/bootstrap.ts)
    // without compressing on every request; files under 1 KB are left alone (the API sends them as they are)
    compression({
      algorithms: [defineAlgorithm('brotliCompress'), defineAlgorithm('gzip', { level: 9 })],
      threshold: 1024,
    }),
    pwa,
  ],
  resolve: {
    alias: {
      '@jv/contracts': path.resolve(workspaceRoot, 'libs/contracts/src/index.ts'),
      '@jv/domain': path.resolve(workspaceRoot, 'libs/domain/src/index.ts'),
    },
  },
  build: {
    outDir: path.resolve(workspaceRoot, 'dist/web'),
    emptyOutDir: true,
    // no source maps in the shipped build (the server also answers 404 for *.map); `npm run dev` has its own
    sourcemap: false,
    // one stylesheet for the whole app (10 KB gzip): a page loads one file instead of up to five (each a round trip
    // on a slow link, before the first paint), and a page visited later needs no stylesheet of its own
    cssCodeSplit: false,
    rolldownOptions: {
      output: {
        // long-lived vendor chunks: an app release does not make tablets download React again
        codeSplitting: {
          groups: [
            // React and the router: one file, the largest and the least often changed
            { name: 'vendor', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 30 },
            // what every page needs before its first render
            { name: 'data', test: FIRST, priority: 15 },
            // IndexedDB (Dexie) and the outbox's parts that use it: loaded on demand (lib/outbox/runtime.ts), never at start
            {
              name: 'outbox',
              test: /node_modules[\\/]dexie[\\/]|apps[\\/]web[\\/]src[\\/]lib[\\/]outbox[\\/](db|outbox|store|engine|live)\.ts$/,
              priority: 12,
            },
            { name: 'signed-in', test: (id: string) => SIGNED_IN.test(id) && !NOT_SIGNED_IN.test(id), priority: 10 },
            // a repair job's queries and what shows and moves it (labels, badges, moves, pending entries), and the
            // pages' layout: one file for the job page, the board and the workshop home instead of nine (each a round
            // trip on a slow link)
            {
              name: 'repair-jobs-core',
              test: /features[\\/]repair-jobs[\\/](api[\\/](?!import-)|components[\\/](job-labels|job-badges|pending-entries|transition-buttons|use-job-access|move-rules|more-menu|repair-jobs-layout)\.tsx?$)/,
              priority: 6,
            },
            // the same for a system: its queries, labels, badges, wear bar and the fleet pages' tabs and filters
            // (the systems list made eight requests for its code; four now)
            {
              name: 'systems-core',
              test: /features[\\/]systems[\\/](api[\\/](?!import-)|components[\\/](system-list-filters|system-labels|system-badges|system-permissions|systems-nav|wear-bar)\.tsx?$)/,
              priority: 6,
            },
            // a feature's queries and labels, shared by its pages (its components stay with the pages using them)
            // (CSV imports stay with their page: they validate the answer with zod, which the lists do not need)
            {
              name: featureApi,
              test: /apps[\\/]web[\\/]src[\\/]features[\\/][\w-]+[\\/]api[\\/](?!import-)/,
              priority: 5,
            },
            // only pages with a form (the login page among them) load this one
            {
              name: 'forms',
              test: /node_modules[\\/](react-hook-form|@hookform)[\\/]|[\\/](form-fields|form-errors|text-area-field|zod-resolver)\.tsx?$/,
              priority: 10,
            },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      // the API of `npm run dev` (PORT, 3000 by default)
      '/api': { target: `http://localhost:${process.env.PORT ?? 3000}`, changeOrigin: false },
    },
  },
  preview: { port: 4173 },
});
