import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';

/*
 * Least privilege. Two PostgreSQL roles: the owner (migrations, seeding, the db:* tasks) owns every table;
 * the app's role (the running API server) may only read and write rows. It cannot ALTER, DISABLE TRIGGER,
 * TRUNCATE, CREATE or own anything, and it may only INSERT and SELECT the append-only tables below.
 */

/** The app's role in the embedded database (a `DATABASE_URL` deployment names its own). */
export const EMBEDDED_APP_ROLE = 'jv_app';

/** Tables the app only appends to and reads: no UPDATE, no DELETE for the app's role. */
export const APPEND_ONLY_TABLES = ['audit_log', 'partner_report_documents', 'partner_report_releases'];

/** The user name in a postgres:// URL (decoded), or null. */
export function urlUser(url: string): string | null {
  try {
    const user = decodeURIComponent(new URL(url).username);
    return user || null;
  } catch {
    return null;
  }
}

/**
 * The role to grant to after migrations: the app URL's user when it differs from the owner URL's user;
 * null when both URLs name one role (the app then runs as the owner, as before two URLs existed).
 */
export function appRoleFor(appUrl: string, ownerUrl: string): string | null {
  const app = urlUser(appUrl);
  return app && app !== urlUser(ownerUrl) ? app : null;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * (Re)applies the app role's privileges on every table and sequence of the public schema, run as the owner
 * after each migration run (and ALTER DEFAULT PRIVILEGES for tables created later by the owner), so a new
 * table is never forgotten. Everything is first revoked, so a privilege granted by hand does not linger.
 */
export async function grantAppRole(ds: DataSource, role: string): Promise<void> {
  const r = ident(role);
  const [{ me, db }] = await ds.query(`SELECT current_user AS me, current_database() AS db`);
  if (me === role) throw new Error(`The app role ${role} is the migration role: give the app its own role`);
  const [info] = await ds.query(
    `SELECT rolsuper, rolcreaterole, rolcreatedb, pg_has_role(rolname, current_user, 'MEMBER') AS member
       FROM pg_roles WHERE rolname = $1`,
    [role],
  );
  if (!info) throw new Error(`The app role ${role} does not exist (see docs/operations.md, "Database roles")`);
  if (info.rolsuper || info.rolcreaterole || info.rolcreatedb || info.member)
    throw new Error(
      `The app role ${role} must not be a superuser, create roles or databases, nor be a member of ${me}`,
    );
  const existing: Array<{ name: string }> = await ds.query(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename = ANY($1) ORDER BY 1`,
    [APPEND_ONLY_TABLES],
  );
  const statements = [
    // no schema, no temporary table: a REVOKE the owner may not make is a warning, not an error
    `REVOKE CREATE, TEMPORARY ON DATABASE ${ident(db)} FROM PUBLIC, ${r}`,
    `GRANT CONNECT ON DATABASE ${ident(db)} TO ${r}`,
    `REVOKE CREATE ON SCHEMA public FROM PUBLIC, ${r}`,
    `GRANT USAGE ON SCHEMA public TO ${r}`,
    `REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${r}`,
    `REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${r}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${r}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${r}`,
    // the migrations table: the app may read which migrations ran, never change it
    `REVOKE INSERT, UPDATE, DELETE ON schema_migrations FROM ${r}`,
    ...existing.map((t) => `REVOKE UPDATE, DELETE ON ${ident(t.name)} FROM ${r}`),
  ];
  // one transaction: a server running as the app role never sees the privileges half applied
  await ds.transaction(async (m) => {
    for (const s of statements) await m.query(s);
  });
}

/**
 * The embedded database's app role: created (or its password reset) on every start, as the superuser. Its
 * password is generated once and kept in DATA_DIR/app-db-password (mode 0600).
 */
export async function ensureEmbeddedAppRole(
  query: (sql: string, params?: unknown[]) => Promise<unknown[]>,
  dataDir: string,
): Promise<{ role: string; password: string }> {
  const file = path.resolve(dataDir, 'app-db-password');
  let password = existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
  if (!/^[0-9a-f]{32,}$/.test(password)) {
    password = randomBytes(24).toString('hex');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${password}\n`, { mode: 0o600 });
  }
  chmodSync(file, 0o600);
  const role = EMBEDDED_APP_ROLE;
  const [exists] = await query(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [role]);
  const verb = exists ? 'ALTER' : 'CREATE';
  // a password cannot be a bind parameter in CREATE/ALTER ROLE; it is hex, so quoting it is safe
  await query(
    `${verb} ROLE ${ident(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS ` +
      `PASSWORD '${password}'`,
  );
  return { role, password };
}
