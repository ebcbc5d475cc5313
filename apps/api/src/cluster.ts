import cluster, { type Worker } from 'node:cluster';
import type { Logger } from 'pino';

/** The database URL the primary opened, handed to its workers (they never start or migrate a database). */
export const WORKER_DATABASE_URL = 'JV_WORKER_DATABASE_URL';

/** A worker that dies is replaced, unless this many died within the window: then the cluster gives up. */
export const CRASH_LIMIT = 5;
export const CRASH_WINDOW_MS = 60_000;
/**
 * Connections the workers' pools may hold on the embedded server: its max_connections (100, initdb's default)
 * less superuser_reserved_connections (3) and room for the db:* tasks and a psql session.
 */
export const EMBEDDED_CONNECTION_BUDGET = 90;

/** The warning to log when WEB_CONCURRENCY pools of DB_POOL_SIZE could exhaust the embedded server, else null. */
export function poolBudgetWarning(workers: number, poolSize: number, embedded: boolean): string | null {
  if (!embedded || workers * poolSize <= EMBEDDED_CONNECTION_BUDGET) return null;
  return (
    `WEB_CONCURRENCY=${workers} workers with DB_POOL_SIZE=${poolSize} may open ${workers * poolSize} connections, ` +
    `more than the embedded PostgreSQL allows (${EMBEDDED_CONNECTION_BUDGET}): lower one of them`
  );
}

/** How long a worker gets to finish its requests after SIGTERM before it is killed. */
export const WORKER_STOP_MS = 10_000;

/**
 * Counts worker deaths in a sliding window: `allow()` is false once CRASH_LIMIT of them fell within
 * CRASH_WINDOW_MS, so a worker that fails on every start (a bad configuration) does not respawn forever.
 */
export class CrashLoopGuard {
  private deaths: number[] = [];

  constructor(
    private readonly limit = CRASH_LIMIT,
    private readonly windowMs = CRASH_WINDOW_MS,
  ) {}

  /** Records a death at `now`; true when another worker may be started. */
  allow(now: number): boolean {
    this.deaths = [...this.deaths.filter((t) => now - t < this.windowMs), now];
    return this.deaths.length < this.limit;
  }
}

export interface Primary {
  /** resolves once every first worker listens */
  ready: Promise<void>;
  /** SIGTERM to every worker, waits for them (killing those that outlive WORKER_STOP_MS) */
  stop(): Promise<void>;
}

/**
 * Forks `count` workers on the database URL the primary opened and keeps that many running: a worker
 * that dies is replaced until the crash-loop guard says stop, then `onGiveUp` runs.
 */
export function startPrimary(opts: {
  count: number;
  databaseUrl: string;
  logger: Logger;
  onGiveUp: () => void;
}): Primary {
  const { count, databaseUrl, logger } = opts;
  const guard = new CrashLoopGuard();
  let stopping = false;
  let listening = 0;
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));
  const fork = () => cluster.fork({ [WORKER_DATABASE_URL]: databaseUrl });

  cluster.on('listening', () => {
    listening += 1;
    if (listening === count) resolveReady();
  });
  cluster.on('exit', (worker: Worker, code: number | null, signal: string | null) => {
    // Ctrl-C reaches every worker too, but the primary's handler sets `stopping` before any worker is closed
    if (stopping) return;
    if (!guard.allow(Date.now())) {
      logger.fatal(
        { pid: worker.process.pid, code, signal, limit: CRASH_LIMIT, windowMs: CRASH_WINDOW_MS },
        'API workers keep dying; stopping',
      );
      opts.onGiveUp();
      return;
    }
    logger.error({ pid: worker.process.pid, code, signal }, 'API worker died; starting another');
    fork();
  });
  for (let i = 0; i < count; i++) fork();

  return {
    ready,
    async stop() {
      stopping = true;
      const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead());
      await Promise.all(
        workers.map(
          (w) =>
            new Promise<void>((resolve) => {
              const timer = setTimeout(() => w.process.kill('SIGKILL'), WORKER_STOP_MS);
              w.once('exit', () => {
                clearTimeout(timer);
                resolve();
              });
              w.process.kill('SIGTERM');
            }),
        ),
      );
    },
  };
}
