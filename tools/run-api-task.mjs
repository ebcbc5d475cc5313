#!/usr/bin/env node
// Runs an API task (apps/api/src/cli.ts) straight from TypeScript with @swc-node/register,
// so db:migrate, db:generate and friends need no build first.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const r = spawnSync(
  process.execPath,
  ['-r', '@swc-node/register', path.join(root, 'apps/api/src/cli.ts'), ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, SWC_NODE_PROJECT: path.join(root, 'apps/api/tsconfig.spec.json') },
  },
);
process.exit(r.status ?? 1);
