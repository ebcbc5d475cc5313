import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { grantAppRole } from './roles';

const MIGRATION_LOCK = 74_610_001;

/**
 * Runs pending migrations under an advisory lock, so two processes starting at once migrate once. Given the
 * app's role (a role other than the one migrating), then (re)applies its privileges on every table.
 */
export async function migrate(ds: DataSource, appRole?: string | null): Promise<string[]> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const done = await ds.runMigrations({ transaction: 'each' });
    if (appRole) await grantAppRole(ds, appRole);
    return done.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}

/**
 * The migrations this build knows that the database has not run, in its order (every one on an empty
 * database). Read-only, so the app's role may ask: it may SELECT `schema_migrations`, never create it.
 */
export async function pendingMigrations(ds: DataSource): Promise<string[]> {
  const [{ exists }] = await ds.query(`SELECT to_regclass('schema_migrations') IS NOT NULL AS exists`);
  const rows: Array<{ name: string }> = exists ? await ds.query(`SELECT name FROM schema_migrations`) : [];
  const ran = new Set(rows.map((r) => r.name));
  // TypeORM's own name for a migration: its `name`, else its class name
  return ds.migrations.map((m) => m.name ?? m.constructor.name).filter((name) => !ran.has(name));
}

/**
 * Waits until the database has run every migration of this build (a release's migration Job runs them as
 * the owner; the API's pods start after it). Retries an unreachable database too. Resolves with what is
 * still pending when the time is up: empty means ready.
 */
export async function waitForMigrations(
  open: () => Promise<DataSource>,
  o: { timeoutMs: number; intervalMs?: number; log?: (line: string) => void },
): Promise<string[]> {
  const deadline = Date.now() + o.timeoutMs;
  let pending: string[] = ['(database not reached)'];
  // a line each time the answer changes, not every few seconds for as long as a migration takes
  let said = '';
  const say = (line: string) => {
    if (line !== said) o.log?.((said = line));
  };
  for (;;) {
    let ds: DataSource | undefined;
    try {
      ds = await open();
      pending = await pendingMigrations(ds);
      if (pending.length === 0) return [];
      say(`Waiting for ${pending.length} migration(s): ${pending.join(', ')}`);
    } catch (e) {
      say(`Waiting for the database: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      if (ds?.isInitialized) await ds.destroy().catch(() => undefined);
    }
    if (Date.now() >= deadline) return pending;
    await new Promise((resolve) => setTimeout(resolve, o.intervalMs ?? 2000));
  }
}

export async function revertLast(ds: DataSource): Promise<void> {
  await ds.undoLastMigration({ transaction: 'each' });
}

/** The SQL that would bring the database in line with the entities; empty when they agree. */
export async function pendingSchemaChanges(ds: DataSource): Promise<{ up: string[]; down: string[] }> {
  const log = await ds.driver.createSchemaBuilder().log();
  return {
    up: log.upQueries.map((q) => q.query),
    down: log.downQueries.map((q) => q.query),
  };
}

/** Writes a migration from the difference between the entities and the migrated database. */
export async function generateMigration(ds: DataSource, name: string, dir: string): Promise<string | null> {
  const { up, down } = await pendingSchemaChanges(ds);
  if (up.length === 0) return null;
  const ts = Date.now();
  const className = `${name.replace(/[^A-Za-z0-9]/g, '')}${ts}`;
  const q = (s: string) => '`' + s.replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
  const body = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${up.map((s) => `    await queryRunner.query(${q(s)});`).join('\n')}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${down
  .reverse()
  .map((s) => `    await queryRunner.query(${q(s)});`)
  .join('\n')}
  }
}
`;
  const file = path.join(dir, `${ts}-${name}.ts`);
  writeFileSync(file, body);
  return file;
}

/** Drops everything in the public schema (development and tests only). */
export async function dropAll(ds: DataSource): Promise<void> {
  await ds.query('DROP SCHEMA public CASCADE');
  await ds.query('CREATE SCHEMA public');
}
