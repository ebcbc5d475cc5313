import { DataSource, type DataSourceOptions } from 'typeorm';
import { entities } from './entities';
import { migrations } from './migrations';

export interface DataSourceSettings {
  url: string;
  /** streaming replicas (`DATABASE_REPLICA_URLS`): only `queryReplica` reads from them */
  replicaUrls?: readonly string[];
  poolSize?: number;
  statementTimeoutMs?: number;
}

/** The one TypeORM DataSource definition. `synchronize` stays off: the schema comes from migrations. */
export function dataSourceOptions(s: DataSourceSettings): DataSourceOptions {
  const replicas = s.replicaUrls ?? [];
  return {
    type: 'postgres',
    uuidExtension: 'pgcrypto',
    // with replicas, `defaultMode: 'master'` keeps every query that does not ask for a replica on the primary,
    // so nobody reads a row older than what they have just written
    ...(replicas.length > 0
      ? {
          replication: {
            master: { url: s.url },
            slaves: replicas.map((url) => ({ url })),
            defaultMode: 'master' as const,
          },
        }
      : { url: s.url }),
    entities,
    migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra: {
      max: s.poolSize ?? 10,
      connectionTimeoutMillis: 10_000,
      statement_timeout: s.statementTimeoutMs ?? 15_000,
      idle_in_transaction_session_timeout: 60_000,
    },
  };
}

export function createDataSource(s: DataSourceSettings): DataSource {
  return new DataSource(dataSourceOptions(s));
}
