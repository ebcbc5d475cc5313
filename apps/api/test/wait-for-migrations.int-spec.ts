import type { DataSource } from 'typeorm';
import { createDataSource } from '../src/database/data-source';
import { pendingMigrations, waitForMigrations } from '../src/database/tasks';

/* The API pod's init container (`cli.js wait-for-migrations`): it waits, as the app's role, until the
   database has run every migration of its image, which the release's migration Job runs first. */
describe('wait-for-migrations (integration)', () => {
  const appUrl = process.env.JV_TEST_DATABASE_URL ?? '';
  const ownerUrl = process.env.JV_TEST_DATABASE_OWNER_URL ?? appUrl;
  let owner: DataSource;
  const openApp = () => createDataSource({ url: appUrl, poolSize: 1 }).initialize();

  beforeAll(async () => {
    owner = await createDataSource({ url: ownerUrl, poolSize: 1 }).initialize();
  });
  afterAll(async () => owner?.destroy());

  /** Takes the newest migration's row away for the test (as if this image were newer than the database). */
  async function withNewestUnrun(test: (name: string, rerun: () => Promise<void>) => Promise<void>) {
    const [row] = await owner.query(`SELECT id, timestamp, name FROM schema_migrations ORDER BY id DESC LIMIT 1`);
    await owner.query(`DELETE FROM schema_migrations WHERE id = $1`, [row.id]);
    let restored = false;
    const rerun = async () => {
      if (restored) return;
      restored = true;
      await owner.query(`INSERT INTO schema_migrations (id, timestamp, name) VALUES ($1, $2, $3)`, [
        row.id,
        row.timestamp,
        row.name,
      ]);
    };
    try {
      await test(row.name, rerun);
    } finally {
      await rerun();
    }
  }

  it('finds nothing pending on a migrated database, as the app role', async () => {
    const ds = await openApp();
    try {
      expect(await pendingMigrations(ds)).toEqual([]);
    } finally {
      await ds.destroy();
    }
  });

  it('names a migration of this build the database has not run, and gives up after the timeout', async () => {
    await withNewestUnrun(async (name) => {
      const ds = await openApp();
      try {
        expect(await pendingMigrations(ds)).toEqual([name]);
      } finally {
        await ds.destroy();
      }
      expect(await waitForMigrations(openApp, { timeoutMs: 0 })).toEqual([name]);
    });
  });

  it('returns once the migration has run', async () => {
    await withNewestUnrun(async (name, rerun) => {
      const lines: string[] = [];
      const pending = await waitForMigrations(openApp, {
        timeoutMs: 60_000,
        intervalMs: 10,
        // the migration Job "runs" right after the first check saw it pending
        log: (line) => {
          lines.push(line);
          void rerun();
        },
      });
      expect(pending).toEqual([]);
      expect(lines[0]).toBe(`Waiting for 1 migration(s): ${name}`);
    });
  });

  it('retries a database it cannot reach', async () => {
    const lines: string[] = [];
    const unreachable = () => Promise.reject(new Error('connect ECONNREFUSED'));
    expect(await waitForMigrations(unreachable, { timeoutMs: 0, log: (l) => lines.push(l) })).toEqual([
      '(database not reached)',
    ]);
    expect(lines).toEqual(['Waiting for the database: connect ECONNREFUSED']);
  });
});
