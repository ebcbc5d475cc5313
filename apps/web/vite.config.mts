import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = fileURLToPath(new URL('.', import.meta.url));
const workspaceRoot = path.resolve(here, '../..');

export default defineConfig({
  root: here,
  plugins: [react()],
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
            {
              name: 'data',
              test: /node_modules[\\/](@tanstack|react-hook-form|@hookform|zod|i18next|react-i18next)[\\/]/,
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
