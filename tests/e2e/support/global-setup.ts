import { spawn } from 'node:child_process';
import { openSync, rmSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { freePort } from './free-port';

const root = path.resolve(__dirname, '../../..');

/**
 * Starts the built app (dist/) exactly as `npm start` runs it, on its own embedded PostgreSQL
 * under .data/e2e, seeded with the demo data on first start.
 */
export default async function globalSetup() {
  // An app someone already runs (e.g. from source with its own WEB_DIST, while dist/ is busy): drive that one.
  if (process.env.E2E_BASE_URL) {
    process.env.JV_E2E_BASE_URL = process.env.E2E_BASE_URL.replace(/\/$/, '');
    return;
  }
  const port = Number(process.env.E2E_PORT ?? (await freePort()));
  const BASE_URL = `http://127.0.0.1:${port}`;
  process.env.JV_E2E_BASE_URL = BASE_URL;
  const dataDir = path.join(root, `.data/e2e-${process.pid}`);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(path.join(root, 'tmp'), { recursive: true });
  const log = openSync(path.join(root, 'tmp/e2e-server.log'), 'w');
  const child = spawn(process.execPath, [path.join(root, 'dist/api/apps/api/src/main.js')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(await freePort()),
      DATABASE_URL: '',
      // not production: production refuses the embedded database's default password and the demo seed
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      TRUSTED_ORIGINS: BASE_URL,
    },
    stdio: ['ignore', log, log],
    detached: false,
  });
  (globalThis as { __JV_E2E_SERVER__?: typeof child; __JV_E2E_DATA__?: string }).__JV_E2E_SERVER__ = child;
  (globalThis as { __JV_E2E_DATA__?: string }).__JV_E2E_DATA__ = dataDir;
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}; see tmp/e2e-server.log`);
    try {
      const res = await fetch(`${BASE_URL}/api/health/ready`);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  child.kill('SIGTERM');
  throw new Error('the app did not become ready within 90 s; see tmp/e2e-server.log');
}
