import { InvalidEnvironmentError, loadEnv } from './env';

describe('loadEnv', () => {
  it('applies defaults on an empty environment', () => {
    const env = loadEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.SEED_DEMO).toBe('auto');
  });

  it('names every bad variable', () => {
    expect(() => loadEnv({ PORT: 'abc', DATABASE_URL: 'mysql://x', SEED_DEMO: 'maybe' })).toThrow(
      InvalidEnvironmentError,
    );
    for (const name of ['PORT', 'DATABASE_URL', 'SEED_DEMO']) {
      expect(() => loadEnv({ PORT: 'abc', DATABASE_URL: 'mysql://x', SEED_DEMO: 'maybe' })).toThrow(name);
    }
  });

  it('reads TRUST_PROXY as false, true, a hop count or a list', () => {
    expect(loadEnv({}).TRUST_PROXY).toBe(false);
    expect(loadEnv({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(loadEnv({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).TRUST_PROXY).toBe('loopback, 10.0.0.0/8');
  });

  it('accepts a postgres url and booleans', () => {
    const env = loadEnv({ DATABASE_URL: 'postgres://u:p@db:5432/jv', COOKIE_SECURE: 'true' });
    expect(env.DATABASE_URL).toBe('postgres://u:p@db:5432/jv');
    expect(env.COOKIE_SECURE).toBe(true);
  });
});
