import type { Env } from './env';

/**
 * Why this configuration must not start under NODE_ENV=production (empty when it may): demo accounts
 * with a published password, or the embedded PostgreSQL with its built-in superuser password.
 */
export function productionRefusals(env: Pick<Env, 'NODE_ENV' | 'DATABASE_URL' | 'SEED_DEMO'>): string[] {
  if (env.NODE_ENV !== 'production') return [];
  const refusals: string[] = [];
  if (!env.DATABASE_URL)
    refusals.push(
      'DATABASE_URL: required under NODE_ENV=production (the embedded PostgreSQL uses a built-in default ' +
        'password and would be seeded with demo accounts); for a local demo leave NODE_ENV unset',
    );
  if (env.SEED_DEMO === 'true')
    refusals.push('SEED_DEMO: demo accounts with a published password are refused under NODE_ENV=production');
  return refusals;
}

/** Throws with every reason at once when the configuration is unsafe for production. */
export function assertSafeForProduction(env: Pick<Env, 'NODE_ENV' | 'DATABASE_URL' | 'SEED_DEMO'>): void {
  const refusals = productionRefusals(env);
  if (refusals.length)
    throw new UnsafeProductionConfigError(
      `Refusing to start under NODE_ENV=production:\n${refusals.map((r) => `  ${r}`).join('\n')}`,
    );
}

export class UnsafeProductionConfigError extends Error {}
