#!/usr/bin/env node
// `npm run dev`: the API from TypeScript with reload on change (port 3000, embedded PostgreSQL unless
// DATABASE_URL is set) and the Vite dev server with hot reload on http://localhost:5173 (proxies /api).
import concurrently from 'concurrently';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { result } = concurrently(
  [
    {
      name: 'api',
      command: 'node --watch-path=apps/api/src --watch-path=libs -r @swc-node/register apps/api/src/main.ts',
      env: { SWC_NODE_PROJECT: 'apps/api/tsconfig.spec.json', TRUSTED_ORIGINS: 'http://localhost:5173' },
      prefixColor: 'blue',
    },
    { name: 'web', command: 'npx vite --config apps/web/vite.config.mts', prefixColor: 'green' },
  ],
  { cwd: root, killOthersOn: ['failure'] },
);
result.catch(() => process.exit(1));
