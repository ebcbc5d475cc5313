import { rmSync } from 'node:fs';
import path from 'node:path';
import { createDataSource } from '../src/database/data-source';
import { startEmbeddedPostgres } from '../src/database/embedded';
import { migrate } from '../src/database/tasks';

/** Starts one real PostgreSQL for the whole integration run and migrates it once. */
export default async function globalSetup() {
  process.env.TZ = 'UTC';
  let url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const dataDir = path.resolve(__dirname, '../../../.data/test-integration');
    rmSync(dataDir, { recursive: true, force: true });
    const db = await startEmbeddedPostgres({ dataDir, port: Number(process.env.TEST_PG_PORT ?? 54339) });
    (globalThis as { __JV_PG__?: { stop(): Promise<void> } }).__JV_PG__ = db;
    url = db.url;
  }
  const ds = createDataSource({ url });
  await ds.initialize();
  await migrate(ds);
  await ds.destroy();
  process.env.JV_TEST_DATABASE_URL = url;
}
