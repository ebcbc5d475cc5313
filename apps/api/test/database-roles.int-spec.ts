import type { DataSource } from 'typeorm';
import { createDataSource } from '../src/database/data-source';
import { APPEND_ONLY_TABLES, appRoleFor, grantAppRole } from '../src/database/roles';
import { migrate } from '../src/database/tasks';
import { createTestApp, signedIn, type TestContext } from './support/test-app';

/* Least privilege: the running app connects as a role that can read and write rows, append to the audit log
   and nothing else. (Every other integration test runs the app as this role, so its ordinary work is proven
   there.) */
describe('database roles (integration)', () => {
  let ctx: TestContext;
  let app: DataSource;
  const appUrl = process.env.JV_TEST_DATABASE_URL ?? '';
  const ownerUrl = process.env.JV_TEST_DATABASE_OWNER_URL ?? '';
  const appRole = appRoleFor(appUrl, ownerUrl);

  beforeAll(async () => {
    if (!appRole) throw new Error('the integration run has no separate app role (JV_TEST_DATABASE_URL)');
    ctx = await createTestApp();
    app = createDataSource({ url: appUrl, poolSize: 1 });
    await app.initialize();
  });
  afterAll(async () => {
    await app?.destroy();
    await ctx?.close();
  });

  const denied = /permission denied|must be owner|must be the owner/;

  it('connects the app as a role that is neither superuser nor owner of anything', async () => {
    const [me] = await app.query(
      `SELECT current_user AS name, r.rolsuper, r.rolcreaterole, r.rolcreatedb, r.rolbypassrls
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    expect(me).toEqual({
      name: appRole,
      rolsuper: false,
      rolcreaterole: false,
      rolcreatedb: false,
      rolbypassrls: false,
    });
    const [{ n }] = await ctx.db.query(
      `SELECT count(*)::int AS n FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname = $1`,
      [appRole],
    );
    expect(n).toBe(0);
    // the API itself runs as that role
    const [{ user }] = await ctx.appDb!.query(`SELECT current_user AS user`);
    expect(user).toBe(appRole);
  });

  it('refuses ALTER, DISABLE TRIGGER, TRUNCATE, UPDATE, DELETE, DROP and CREATE on the audit log', async () => {
    await ctx.db.query(`INSERT INTO audit_log (action, entity_type) VALUES ('create', 'probe')`);
    const statements = [
      `ALTER TABLE audit_log DISABLE TRIGGER ALL`,
      `ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change`,
      `ALTER TABLE audit_log ADD COLUMN note text`,
      `ALTER TABLE audit_log OWNER TO CURRENT_USER`,
      `ALTER TABLE users DISABLE TRIGGER ALL`,
      `TRUNCATE audit_log`,
      `UPDATE audit_log SET entity_type = 'x'`,
      `DELETE FROM audit_log`,
      `DROP TABLE audit_log`,
      `DROP TRIGGER audit_log_no_change ON audit_log`,
      `CREATE TABLE evil (id int)`,
      `CREATE TEMP TABLE evil (id int)`,
      `CREATE SCHEMA evil`,
      `CREATE FUNCTION evil() RETURNS int LANGUAGE sql AS 'SELECT 1'`,
      `TRUNCATE users`,
      `DROP TABLE users`,
      `DELETE FROM schema_migrations`,
    ];
    for (const sql of statements) {
      const error = await app.query(sql).then(
        () => null,
        (e: Error) => e.message,
      );
      expect({ sql, error }).toEqual({ sql, error: expect.stringMatching(denied) });
    }
    const [{ n }] = await ctx.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'probe'`);
    expect(n).toBe(1);
  });

  it('lets the app INSERT and SELECT the audit log, and only that on the append-only tables', async () => {
    const [row] = await app.query(
      `INSERT INTO audit_log (action, entity_type) VALUES ('create', 'probe-app') RETURNING id`,
    );
    expect(row.id).toBeDefined();
    const [{ n }] = await app.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'probe-app'`);
    expect(n).toBe(1);
    for (const table of APPEND_ONLY_TABLES) {
      const [p] = await ctx.db.query(
        `SELECT has_table_privilege($1, $2, 'SELECT') AS sel, has_table_privilege($1, $2, 'INSERT') AS ins,
                has_table_privilege($1, $2, 'UPDATE') AS upd, has_table_privilege($1, $2, 'DELETE') AS del,
                has_table_privilege($1, $2, 'TRUNCATE') AS trunc, has_table_privilege($1, $2, 'TRIGGER') AS trig`,
        [appRole, table],
      );
      expect({ table, ...p }).toEqual({
        table,
        sel: true,
        ins: true,
        upd: false,
        del: false,
        trunc: false,
        trig: false,
      });
    }
  });

  it('grants read and write on every other table, and nothing more', async () => {
    const rows: Array<{ table: string; sel: boolean; ins: boolean; upd: boolean; del: boolean; more: boolean }> =
      await ctx.db.query(
        `SELECT tablename AS table, has_table_privilege($1, oid, 'SELECT') AS sel,
                has_table_privilege($1, oid, 'INSERT') AS ins, has_table_privilege($1, oid, 'UPDATE') AS upd,
                has_table_privilege($1, oid, 'DELETE') AS del,
                has_table_privilege($1, oid, 'TRUNCATE, REFERENCES, TRIGGER') AS more
           FROM pg_tables t JOIN pg_class c ON c.relname = t.tablename AND c.relnamespace = 'public'::regnamespace
          WHERE schemaname = 'public' AND tablename <> ALL($2) AND tablename <> 'schema_migrations'`,
        [appRole, APPEND_ONLY_TABLES],
      );
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows)
      expect(r).toEqual({ table: r.table, sel: true, ins: true, upd: true, del: true, more: false });
  });

  it('covers a table created by a later migration, and takes back a privilege granted by hand', async () => {
    await ctx.db.query(`CREATE TABLE roles_probe (id serial PRIMARY KEY, note text)`);
    try {
      // default privileges: the new table is readable and writable before any grant runs
      await app.query(`INSERT INTO roles_probe (note) VALUES ('a')`);
      await ctx.db.query(`GRANT UPDATE, DELETE, TRUNCATE ON audit_log TO "${appRole}"`);
      await migrate(ctx.db, appRole);
      await expect(app.query(`TRUNCATE audit_log`)).rejects.toThrow(denied);
      await expect(app.query(`DELETE FROM audit_log`)).rejects.toThrow(denied);
      const [{ n }] = await app.query(`SELECT count(*)::int AS n FROM roles_probe`);
      expect(n).toBe(1);
    } finally {
      await ctx.db.query(`DROP TABLE roles_probe`);
    }
  });

  it('refuses to grant to the role that migrates', async () => {
    const [{ me }] = await ctx.db.query(`SELECT current_user AS me`);
    await expect(grantAppRole(ctx.db, me)).rejects.toThrow(/migration role/);
  });

  it('runs the app (sign-in, a create, its audit row) as that role', async () => {
    const { agent } = await signedIn(ctx, { role: 'admin' });
    const res = await agent.post('/api/v1/users').send({
      email: 'roles-probe@test.example',
      displayName: 'Roles probe',
      password: 'a-long-enough-password-1',
      role: 'viewer',
      locale: 'en',
    });
    expect(res.status).toBe(201);
    const [{ n }] = await ctx.db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'user' AND entity_id = $1`,
      [res.body.id],
    );
    expect(n).toBe(1);
  });
});
