import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { Env } from '../config/env';
import { createDataSource } from './data-source';
import { startEmbeddedPostgres } from './embedded';
import { appRoleFor } from './roles';
import { seedDemo } from './seeds/demo-seed';
import { migrate } from './tasks';

export interface OpenDatabase {
  /** the URL the API server connects with: the app's least-privilege role when there is one */
  url: string;
  embedded: boolean;
  seeded: boolean;
  hasDemoData: boolean;
  stop(): Promise<void>;
}

/**
 * Without DATABASE_URL: starts the embedded PostgreSQL under DATA_DIR and seeds demo data on its
 * first start. With DATABASE_URL: uses that server and seeds only when SEED_DEMO=true.
 * Pending migrations run in both cases (unless RUN_MIGRATIONS=false), as the owner (DATABASE_MIGRATION_URL,
 * else DATABASE_URL), then the app's role gets its privileges again; the server connects as the app's role.
 */
export async function openDatabase(env: Env, logger: Logger): Promise<OpenDatabase> {
  let stop = async () => undefined as void;
  let urls: { appUrl: string; ownerUrl: string };
  if (!env.DATABASE_URL) {
    if (env.DATABASE_MIGRATION_URL) throw new Error('DATABASE_MIGRATION_URL is set without DATABASE_URL: set both');
    const embedded = await startEmbeddedPostgres({ dataDir: env.DATA_DIR, port: env.EMBEDDED_PG_PORT, logger });
    urls = { appUrl: embedded.appUrl, ownerUrl: embedded.url };
    stop = embedded.stop;
  } else {
    urls = { appUrl: env.DATABASE_URL, ownerUrl: env.DATABASE_MIGRATION_URL ?? env.DATABASE_URL };
  }
  const appRole = appRoleFor(urls.appUrl, urls.ownerUrl);
  const ds = createDataSource({ url: urls.ownerUrl, poolSize: 2 });
  await ds.initialize();
  try {
    if (env.RUN_MIGRATIONS) {
      const ran = await migrate(ds, appRole);
      if (ran.length) logger.info({ migrations: ran }, 'migrations applied');
    }
    // seedDemo does nothing on a database that already has users
    const shouldSeed = env.SEED_DEMO === 'true' || (env.SEED_DEMO === 'auto' && !env.DATABASE_URL);
    let seeded = false;
    if (shouldSeed) {
      seeded = await seedDemo(ds);
      if (seeded) logger.info('demo data seeded');
    }
    // one URL for both: say so when that role is a superuser or owns the tables (NODE_ENV=production)
    if (!appRole && env.NODE_ENV === 'production' && (await ownsTables(ds)))
      logger.warn(
        'the API connects to PostgreSQL as a superuser or the owner of its tables: set DATABASE_MIGRATION_URL ' +
          'to the owner and DATABASE_URL to a least-privilege role (docs/operations.md, "Database roles")',
      );
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM users WHERE email LIKE '%@jv.example'`);
    return { url: urls.appUrl, embedded: !env.DATABASE_URL, seeded, hasDemoData: n > 0, stop };
  } finally {
    await ds.destroy();
  }
}

async function ownsTables(ds: DataSource): Promise<boolean> {
  const [{ owner }] = await ds.query(
    `SELECT r.rolsuper OR EXISTS (SELECT 1 FROM pg_class c WHERE c.relowner = r.oid
       AND c.relnamespace = 'public'::regnamespace) AS owner FROM pg_roles r WHERE r.rolname = current_user`,
  );
  return owner;
}
