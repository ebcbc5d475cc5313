import 'reflect-metadata';
import cluster from 'node:cluster';
import { createApp } from './bootstrap';
import { poolBudgetWarning, startPrimary, WORKER_DATABASE_URL } from './cluster';
import { rootLogger } from './common/logger';
import { type Env, InvalidEnvironmentError, loadEnv } from './config/env';
import { assertSafeForProduction, UnsafeProductionConfigError } from './config/production-guard';
import { openDatabase } from './database/open-database';

async function main() {
  let env;
  try {
    env = loadEnv();
    assertSafeForProduction(env);
  } catch (e) {
    if (e instanceof InvalidEnvironmentError || e instanceof UnsafeProductionConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
  const logger = rootLogger(env.LOG_LEVEL, env.LOG_FORMAT);
  const workerUrl = process.env[WORKER_DATABASE_URL];
  if (cluster.isWorker && workerUrl) return runWorker(env, workerUrl);
  const db = await openDatabase(env, logger);
  if (env.WEB_CONCURRENCY === 1) {
    const app = await createApp(env, db.url);
    await app.listen(env.PORT, env.HOST);
    // one shutdown path: close the app (module destroy hooks, pool), then stop the embedded PostgreSQL
    const shutdown = async () => {
      await app.close();
      await db.stop();
      process.exit(0);
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  } else {
    // the primary only holds the database and its workers: each worker builds the app and listens on the
    // shared port (node:cluster hands connections round-robin); the schedulers in every worker take
    // advisory locks, so a run happens once however many workers start it
    let stopping: Promise<void> | undefined;
    const shutdown = (code: number) =>
      (stopping ??= (async () => {
        await primary.stop();
        await db.stop();
        process.exit(code);
      })());
    const budget = poolBudgetWarning(env.WEB_CONCURRENCY, env.DB_POOL_SIZE, db.embedded);
    if (budget) logger.warn(budget);
    const primary = startPrimary({
      count: env.WEB_CONCURRENCY,
      databaseUrl: db.url,
      logger,
      onGiveUp: () => void shutdown(1),
    });
    process.once('SIGINT', () => void shutdown(0));
    process.once('SIGTERM', () => void shutdown(0));
    await primary.ready;
  }

  // Last of the start-up output: Nest's own lines were written (synchronously) before listen() returned.
  const url = `http://localhost:${env.PORT}`;
  const database = db.embedded ? `embedded PostgreSQL (data in ${env.DATA_DIR}/pg)` : 'DATABASE_URL';
  logger.info(
    { url, embeddedDatabase: db.embedded, seeded: db.seeded, workers: env.WEB_CONCURRENCY },
    'JV Tracker is listening',
  );
  // the banner is for the person who ran `npm start`, in a terminal or not (a log collector skips the
  // lines that are not JSON): it comes last, after every start-up log line
  const lines = ['', `  JV Tracker is running on ${url}`, `  API docs: ${url}/api/docs`, `  Database: ${database}`];
  if (env.WEB_CONCURRENCY > 1) lines.push(`  Workers: ${env.WEB_CONCURRENCY} processes`);
  if (db.hasDemoData) {
    lines.push('', '  Demo logins (password for all: jv-demo-password):');
    for (const [email, what] of DEMO_LOGINS) lines.push(`    ${email.padEnd(24)} ${what}`);
  }
  process.stdout.write(lines.join('\n') + '\n\n');
}

/** A cluster worker: the app on the primary's database; SIGTERM/SIGINT (or a lost primary) close it gracefully. */
async function runWorker(env: Env, databaseUrl: string) {
  const app = await createApp(env, databaseUrl);
  await app.listen(env.PORT, env.HOST);
  let closing: Promise<void> | undefined;
  const shutdown = () => (closing ??= app.close().then(() => process.exit(0)));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  process.once('disconnect', shutdown);
}

export const DEMO_LOGINS: Array<[string, string]> = [
  ['admin@jv.example', 'administrator'],
  ['workshop@jv.example', 'workshop staff, first repair workshop'],
  ['workshop2@jv.example', 'workshop staff, second repair workshop'],
  ['logistics@jv.example', 'logistics officer'],
  ['logistics2@jv.example', 'second logistics officer (approvals)'],
  ['training@jv.example', 'training coordinator'],
  ['partner@jv.example', 'partner observer (co-lead country)'],
  ['viewer@jv.example', 'command staff, read-only'],
];

main().catch((e) => {
  rootLogger().fatal({ err: e }, 'failed to start');
  process.exit(1);
});
