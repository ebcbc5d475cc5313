import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { createDataSource } from '../src/database/data-source';
import { startEmbeddedPostgres } from '../src/database/embedded';
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
  let url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const dataDir = path.resolve(__dirname, `../../../.data/test-integration-${process.pid}`);
    rmSync(dataDir, { recursive: true, force: true });
    const db = await startEmbeddedPostgres({ dataDir, port: await freePort() });
    (globalThis as { __JV_PG__?: unknown }).__JV_PG__ = { stop: db.stop, dataDir };
    url = db.url;
  }
  const ds = createDataSource({ url });
  await ds.initialize();
  await migrate(ds);
  await ds.destroy();
  process.env.JV_TEST_DATABASE_URL = url;
}
