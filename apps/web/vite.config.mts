import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

const here = fileURLToPath(new URL('.', import.meta.url));
const workspaceRoot = path.resolve(here, '../..');

// what every signed-in page needs before it renders and the first chunk does not (the login page's initial JS stays
// small): contracts, zod, the shell and the shared components and hooks, in one request instead of some fifteen,
// each extra level of the module waterfall having cost the first paint a round trip
const SIGNED_IN = new RegExp(
  [
    String.raw`node_modules[\\/]zod[\\/]`,
    String.raw`libs[\\/]contracts[\\/]`,
    String.raw`apps[\\/]web[\\/]src[\\/](lib|components)[\\/]`,
    String.raw`apps[\\/]web[\\/]src[\\/]app[\\/](shell|layout|require-auth)\.tsx`,
    String.raw`apps[\\/]web[\\/]src[\\/]i18n[\\/]zod-messages\.ts`,
  ].join('|'),
);
// what only some pages use (forms: with react-hook-form below; charts, CSV import)
const NOT_SIGNED_IN = /[\\/](form-fields|form-errors|text-area-field|chart[\w-]*|csv-import[\w-]*)\.tsx?$/;
// the first chunk's own imports: grouped before the signed-in chunk, which would otherwise take them in as its
// dependencies and be loaded by the login page, too
const FIRST = new RegExp(
  [
    String.raw`node_modules[\\/](@tanstack|i18next|react-i18next)[\\/]`,
    String.raw`libs[\\/]domain[\\/]`,
    String.raw`[\\/](query-client|unauthorized|is-api-error|lazy-page|session|require-permission)\.tsx?$`,
    String.raw`[\\/](loading-state|status-pages|button)\.tsx$`,
    String.raw`[\\/]i18n[\\/]i18n\.ts$|preload-helper`,
    // the stylesheets the route tables import
    String.raw`[\\/](notifications|partner-reports|systems)\.css$`,
  ].join('|'),
);

function featureApi(id: string): string | null {
  const feature = /features[\\/]([\w-]+)[\\/]api[\\/]/.exec(id)?.[1];
  return feature ? `${feature}-api` : null;
}

export default defineConfig({
  root: here,
  plugins: [
    react(),
    // `file.br` and `file.gz` beside each file: the API sends the one the browser accepts (apps/api/src/bootstrap.ts)
    // without compressing on every request; files under 1 KB are left alone (the API sends them as they are)
    compression({
      algorithms: [defineAlgorithm('brotliCompress'), defineAlgorithm('gzip', { level: 9 })],
      threshold: 1024,
    }),
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
    rolldownOptions: {
      output: {
        // long-lived vendor chunks: an app release does not make tablets download React again
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 30 },
            { name: 'router', test: /node_modules[\\/]react-router[\\/]/, priority: 20 },
            // what every page needs before its first render
            { name: 'data', test: FIRST, priority: 15 },
            { name: 'signed-in', test: (id: string) => SIGNED_IN.test(id) && !NOT_SIGNED_IN.test(id), priority: 10 },
            // a feature's queries and labels, shared by its pages (its components stay with the pages using them)
            { name: featureApi, test: /apps[\\/]web[\\/]src[\\/]features[\\/][\w-]+[\\/]api[\\/]/, priority: 5 },
            // only pages with a form (the login page among them) load this one
            {
              name: 'forms',
              test: /node_modules[\\/](react-hook-form|@hookform)[\\/]|[\\/](form-fields|form-errors|text-area-field)\.tsx?$/,
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
