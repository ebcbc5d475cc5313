import type { Logger } from 'pino';
import type { Env } from '../config/env';
import { createDataSource } from './data-source';
import { startEmbeddedPostgres } from './embedded';
import { seedDemo } from './seeds/demo-seed';
import { migrate } from './tasks';

export interface OpenDatabase {
  url: string;
  embedded: boolean;
  seeded: boolean;
  hasDemoData: boolean;
  stop(): Promise<void>;
}

/**
 * Without DATABASE_URL: starts the embedded PostgreSQL under DATA_DIR and seeds demo data on its
 * first start. With DATABASE_URL: uses that server and seeds only when SEED_DEMO=true.
 * Pending migrations run in both cases (unless RUN_MIGRATIONS=false).
 */
export async function openDatabase(env: Env, logger: Logger): Promise<OpenDatabase> {
  let url = env.DATABASE_URL;
  let stop = async () => undefined as void;
  if (!url) {
    const embedded = await startEmbeddedPostgres({ dataDir: env.DATA_DIR, port: env.EMBEDDED_PG_PORT, logger });
    url = embedded.url;
    stop = embedded.stop;
  }
  const ds = createDataSource({ url, poolSize: 2 });
  await ds.initialize();
  try {
    if (env.RUN_MIGRATIONS) {
      const ran = await migrate(ds);
      if (ran.length) logger.info({ migrations: ran }, 'migrations applied');
    }
    // seedDemo does nothing on a database that already has users
    const shouldSeed = env.SEED_DEMO === 'true' || (env.SEED_DEMO === 'auto' && !env.DATABASE_URL);
    let seeded = false;
    if (shouldSeed) {
      seeded = await seedDemo(ds);
      if (seeded) logger.info('demo data seeded');
    }
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM users WHERE email LIKE '%@jv.example'`);
    return { url, embedded: !env.DATABASE_URL, seeded, hasDemoData: n > 0, stop };
  } finally {
    await ds.destroy();
  }
}
