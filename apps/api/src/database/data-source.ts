import { DataSource, type DataSourceOptions } from 'typeorm';
import { entities } from './entities';
import { migrations } from './migrations';

export interface DataSourceSettings {
  url: string;
  poolSize?: number;
  statementTimeoutMs?: number;
}

/** The one TypeORM DataSource definition. `synchronize` stays off: the schema comes from migrations. */
export function dataSourceOptions(s: DataSourceSettings): DataSourceOptions {
  return {
    type: 'postgres',
    uuidExtension: 'pgcrypto',
    url: s.url,
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
