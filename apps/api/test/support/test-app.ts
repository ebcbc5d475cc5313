import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { CurrentUser, Role } from '@jv/contracts';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import type { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { createApp } from '../../src/bootstrap';
import { loadEnv } from '../../src/config/env';
import { createDataSource } from '../../src/database/data-source';
import { hashPassword } from '../../src/modules/auth/passwords';

export const TEST_PASSWORD = 'test-password-123';

export interface TestContext {
  app: NestExpressApplication;
  /** the test's own hand on the database, as the owner (like a DBA): arrange rows, reset, check triggers */
  db: DataSource;
  /** the application's DataSource, as the app's least-privilege role (what every request runs as) */
  appDb?: DataSource;
  http: () => TestAgent;
  close(): Promise<void>;
}

/**
 * The real application on the integration database (no mocks): HTTP through supertest. The app connects as
 * the app's least-privilege role (JV_TEST_DATABASE_URL), so every test exercises its grants; the test's
 * own `db` connects as the owner (JV_TEST_DATABASE_OWNER_URL).
 */
export async function createTestApp(overrides: Record<string, string> = {}): Promise<TestContext> {
  const url = process.env.JV_TEST_DATABASE_URL;
  if (!url) throw new Error('JV_TEST_DATABASE_URL is not set: run through jest.integration.config.cjs');
  // the API's log is silent in tests; TEST_LOG_LEVEL=error shows what a 500 was
  const logLevel = process.env.TEST_LOG_LEVEL ?? 'silent';
  const env = loadEnv({ NODE_ENV: 'test', LOG_LEVEL: logLevel, WEB_DIST: '/nonexistent', ...overrides });
  const app = await createApp(env, url);
  await app.init();
  const appDb = app.get<DataSource>(getDataSourceToken());
  const db = createDataSource({ url: process.env.JV_TEST_DATABASE_OWNER_URL ?? url, poolSize: 3 });
  await db.initialize();
  await resetDatabase(db);
  const close = async () => {
    await app.close();
    await db.destroy();
  };
  return { app, db, appDb, http: () => request.agent(app.getHttpServer()), close };
}

let hashCache: Promise<string> | undefined;

/** Empties every table (the audit log too, with its append-only triggers off for the moment): as the owner. */
export async function resetDatabase(db: DataSource): Promise<void> {
  const tables: Array<{ tablename: string }> = await db.query(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations'`,
  );
  await db.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_truncate');
  await db.query(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(', ')} RESTART IDENTITY CASCADE`);
  await db.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_truncate');
}

export interface TestUserOptions {
  role: Role;
  email?: string;
  facilityIds?: string[];
  partnerId?: string | null;
  locale?: 'uk' | 'en';
  active?: boolean;
}

/** Inserts a user straight into the database (password TEST_PASSWORD). */
export async function createUser(db: DataSource, o: TestUserOptions): Promise<CurrentUser> {
  hashCache ??= hashPassword(TEST_PASSWORD);
  const email = (o.email ?? `${o.role}-${Math.random().toString(36).slice(2, 8)}@test.example`).toLowerCase();
  const [row] = await db.query(
    `INSERT INTO users (email, display_name, role, locale, facility_ids, partner_id, password_hash, active)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      email,
      `Test ${o.role}`,
      o.role,
      o.locale ?? 'en',
      o.facilityIds ?? [],
      o.partnerId ?? null,
      await hashCache,
      o.active ?? true,
    ],
  );
  return {
    id: row.id,
    email,
    displayName: `Test ${o.role}`,
    role: o.role,
    locale: o.locale ?? 'en',
    facilityIds: o.facilityIds ?? [],
    partnerId: o.partnerId ?? null,
    mfaEnrolled: false,
    setupRequired: [],
  };
}

/** A supertest agent holding the session cookie of a freshly created user of that role. */
export async function signedIn(ctx: TestContext, o: TestUserOptions): Promise<{ agent: TestAgent; user: CurrentUser }> {
  const user = await createUser(ctx.db, o);
  const agent = ctx.http();
  const res = await agent.post('/api/v1/auth/login').send({ email: user.email, password: TEST_PASSWORD });
  if (res.status !== 200) throw new Error(`login failed for ${user.email}: ${res.status} ${JSON.stringify(res.body)}`);
  return { agent, user };
}

/** Reads audit rows for one record, oldest first. */
export async function auditRows(db: DataSource, entityType: string, entityId?: string) {
  return db.query(
    `SELECT action, entity_type, entity_id, actor_id, before, after FROM audit_log
      WHERE entity_type = $1 AND ($2::text IS NULL OR entity_id = $2) ORDER BY id`,
    [entityType, entityId ?? null],
  );
}
