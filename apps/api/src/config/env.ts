import type { Role } from '@jv/domain';
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** One schema for the environment. The process refuses to start on a bad variable and names each one. */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /**
   * The owner role's URL, for migrations, seeding and the db:* tasks; the API server itself connects with
   * DATABASE_URL (a least-privilege role). Unset: DATABASE_URL does both (the app then runs as the owner).
   */
  DATABASE_MIGRATION_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /**
   * Streaming replicas (comma-separated URLs, the app's role), read only through `queryReplica` by figures
   * that may lag a few seconds; every other read and every write stays on DATABASE_URL. Unset: one server.
   */
  DATABASE_REPLICA_URLS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url({ protocol: /^postgres(ql)?$/ }))),
  DATA_DIR: z.string().min(1).default('.data'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  /** auto: seed demo data on the first start of the embedded database only. */
  SEED_DEMO: z.enum(['auto', 'true', 'false']).default('auto'),
  RUN_MIGRATIONS: bool.default(true),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(120),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  /**
   * Secure session cookie named `__Host-jv_session`. Unset: on under NODE_ENV=production, off elsewhere;
   * `false` allows plain HTTP (a local demo) with the cookie named `jv_session`.
   */
  COOKIE_SECURE: bool.optional(),
  /**
   * The origin users open the app at (`https://jv.example.org`, no path): printed QR labels point there, so it
   * comes from configuration and never from a request's Host header.
   */
  PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .default('http://localhost:3000')
    .transform((v) => new URL(v).origin),
  /** Comma-separated origins allowed to send state-changing requests (CSRF) and, if set, CORS. */
  TRUSTED_ORIGINS: z.string().default(''),
  CORS_ORIGINS: z.string().default(''),
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(kb|mb)$/)
    .default('1mb'),
  /**
   * Which proxies to believe for the client address (Express "trust proxy"): `false` (default, the app
   * faces clients directly), a hop count such as `1`, or addresses/`loopback`/`uniquelocal`. Behind a
   * reverse proxy set it, or every client shares the proxy's address in the per-address login limit.
   */
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((v) => (v === 'false' ? false : v === 'true' ? true : /^\d+$/.test(v) ? Number(v) : v)),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** auto: JSON lines when stdout is not a terminal, readable lines (pino-pretty) when it is. */
  LOG_FORMAT: z.enum(['auto', 'json', 'pretty']).default('auto'),
  WEB_DIST: z.string().default('dist/web'),
  /**
   * API worker processes (`node:cluster`) sharing the port; 1 (default) is a single process without a
   * cluster. DB_POOL_SIZE is per worker: WEB_CONCURRENCY × DB_POOL_SIZE must fit PostgreSQL's
   * max_connections (100 on the embedded server) with room for the db:* tasks.
   */
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(1),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(15000),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(30),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  /**
   * The server's secret (at least 32 characters): keys the HMAC of idempotency records and encrypts TOTP
   * secrets. Required under NODE_ENV=production; elsewhere a fixed development value stands in.
   */
  APP_SECRET: z.string().min(32).optional(),
  /**
   * Roles that must enrol a second factor at their next sign-in, comma-separated (`admin,logistics`).
   * Unset: `admin,logistics` under NODE_ENV=production, none otherwise (the demo logins keep working with
   * the password alone).
   */
  MFA_REQUIRED_ROLES: z
    .string()
    .regex(
      /^(|(admin|workshop|logistics|training|partner|viewer)(,(admin|workshop|logistics|training|partner|viewer))*)$/,
    )
    .optional(),
  /**
   * Where photo bytes live: `postgres` (a bytea column beside their metadata) or `s3` (an S3-compatible
   * bucket, path-style URLs, SigV4; the metadata stays in PostgreSQL). `s3` needs the five S3_* settings.
   */
  PHOTO_STORE: z.enum(['postgres', 's3']).default('postgres'),
  S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/)
    .optional(),
  S3_REGION: z.string().min(1).optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
});

/** What PHOTO_STORE=s3 cannot start without. */
export const S3_SETTINGS = [
  'S3_ENDPOINT',
  'S3_BUCKET',
  'S3_REGION',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
] as const;

type ParsedEnv = z.infer<typeof envSchema>;
export type Env = Omit<ParsedEnv, 'APP_SECRET' | 'MFA_REQUIRED_ROLES' | 'COOKIE_SECURE'> & {
  COOKIE_SECURE: boolean;
  APP_SECRET: string;
  MFA_REQUIRED_ROLES: ReadonlyArray<Role>;
};

/** Stands in for APP_SECRET outside production; never used when NODE_ENV=production (the start fails). */
export const DEVELOPMENT_APP_SECRET = 'jv-tracker-development-secret-not-for-production';

export class InvalidEnvironmentError extends Error {}

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new InvalidEnvironmentError(`Invalid environment configuration:\n${lines.join('\n')}`);
  }
  const env = result.data;
  if (env.NODE_ENV === 'production' && !env.APP_SECRET)
    throw new InvalidEnvironmentError(
      'Invalid environment configuration:\n  APP_SECRET: required under NODE_ENV=production (at least 32 characters)',
    );
  const missingS3 = env.PHOTO_STORE === 's3' ? S3_SETTINGS.filter((k) => !env[k]) : [];
  if (missingS3.length)
    throw new InvalidEnvironmentError(
      `Invalid environment configuration:\n${missingS3.map((k) => `  ${k}: required with PHOTO_STORE=s3`).join('\n')}`,
    );
  const roles = env.MFA_REQUIRED_ROLES ?? (env.NODE_ENV === 'production' ? 'admin,logistics' : '');
  return {
    ...env,
    APP_SECRET: env.APP_SECRET ?? DEVELOPMENT_APP_SECRET,
    COOKIE_SECURE: env.COOKIE_SECURE ?? env.NODE_ENV === 'production',
    MFA_REQUIRED_ROLES: roles ? (roles.split(',') as Role[]) : [],
  };
}

export const ENV = Symbol('ENV');
