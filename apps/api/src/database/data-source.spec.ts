import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import { loadEnv } from '../config/env';
import { dataSourceOptions } from './data-source';

const primary = 'postgres://jv_app:p@jv-tracker-pooler-rw:5432/jv_tracker';
const replicaA = 'postgres://jv_app:p@jv-tracker-pooler-ro:5432/jv_tracker';
const replicaB = 'postgresql://jv_app:p@10.0.0.7/jv_tracker?application_name=replica-b';

describe('DATABASE_REPLICA_URLS', () => {
  it('is empty when unset or blank, so the app runs on one server', () => {
    expect(loadEnv({}).DATABASE_REPLICA_URLS).toEqual([]);
    expect(loadEnv({ DATABASE_REPLICA_URLS: '' }).DATABASE_REPLICA_URLS).toEqual([]);
    expect(loadEnv({ DATABASE_REPLICA_URLS: ' , ' }).DATABASE_REPLICA_URLS).toEqual([]);
  });

  it('splits a comma-separated list and trims each URL', () => {
    expect(loadEnv({ DATABASE_REPLICA_URLS: `${replicaA} , ${replicaB},` }).DATABASE_REPLICA_URLS).toEqual([
      replicaA,
      replicaB,
    ]);
  });

  it('refuses a URL that is not PostgreSQL, naming the variable', () => {
    expect(() => loadEnv({ DATABASE_REPLICA_URLS: `${replicaA},mysql://u@h/db` })).toThrow(/DATABASE_REPLICA_URLS/);
    expect(() => loadEnv({ DATABASE_REPLICA_URLS: 'not a url' })).toThrow(/DATABASE_REPLICA_URLS/);
  });
});

describe('dataSourceOptions', () => {
  it('connects to one URL without replicas', () => {
    const o = dataSourceOptions({ url: primary }) as PostgresDataSourceOptions;
    expect(o.url).toBe(primary);
    expect(o.replication).toBeUndefined();
    expect(dataSourceOptions({ url: primary, replicaUrls: [] })).toEqual(o);
  });

  it('turns replicas into TypeORM replication whose default mode stays on the primary', () => {
    const o = dataSourceOptions({ url: primary, replicaUrls: [replicaA, replicaB] }) as PostgresDataSourceOptions;
    expect(o.url).toBeUndefined();
    expect(o.replication).toEqual({
      master: { url: primary },
      slaves: [{ url: replicaA }, { url: replicaB }],
      defaultMode: 'master',
    });
  });
});
