import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { createDataSource } from '../src/database/data-source';
import { startEmbeddedPostgres } from '../src/database/embedded';
import { appRoleFor } from '../src/database/roles';
import { migrate } from '../src/database/tasks';

/** A free TCP port on loopback, so parallel runs on one machine never collide. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** Starts one real PostgreSQL for the whole integration run and migrates it once. */
export default async function globalSetup() {
  process.env.TZ = 'UTC';
  // TEST_DATABASE_URL: an external database's owner; TEST_DATABASE_APP_URL: its app role (else the owner)
  let url = process.env.TEST_DATABASE_URL;
  let appUrl = process.env.TEST_DATABASE_APP_URL ?? url;
  if (!url) {
    const dataDir = path.resolve(__dirname, `../../../.data/test-integration-${process.pid}`);
    rmSync(dataDir, { recursive: true, force: true });
    const db = await startEmbeddedPostgres({ dataDir, port: await freePort() });
    (globalThis as { __JV_PG__?: unknown }).__JV_PG__ = { stop: db.stop, dataDir };
    url = db.url;
    appUrl = db.appUrl;
  }
  const ds = createDataSource({ url });
  await ds.initialize();
  await migrate(ds, appRoleFor(appUrl ?? url, url));
  await ds.destroy();
  // the app connects as the app's role; resetDatabase and the tests' own queries as the owner
  process.env.JV_TEST_DATABASE_URL = appUrl ?? url;
  process.env.JV_TEST_DATABASE_OWNER_URL = url;
}
