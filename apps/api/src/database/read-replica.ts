import type { DataSource } from 'typeorm';

/**
 * Runs one read-only statement on a streaming replica when `DATABASE_REPLICA_URLS` names any (TypeORM's
 * `replication`, whose default mode stays `master`), else on the primary. Only for figures that may lag
 * the primary by a few seconds — metrics, the dashboard, a report preview — never to read back what the
 * caller has just written.
 */
export async function queryReplica<T = unknown>(db: DataSource, sql: string, params: unknown[] = []): Promise<T[]> {
  const runner = db.createQueryRunner('slave');
  try {
    return (await runner.query(sql, params)) as T[];
  } finally {
    await runner.release();
  }
}
