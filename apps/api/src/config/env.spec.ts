import { InvalidEnvironmentError, DEVELOPMENT_APP_SECRET, loadEnv } from './env';

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

describe('APP_SECRET and MFA_REQUIRED_ROLES', () => {
  it('requires APP_SECRET under NODE_ENV=production and stands in a development value elsewhere', () => {
    expect(() => loadEnv({ NODE_ENV: 'production' })).toThrow(/APP_SECRET/);
    expect(loadEnv({}).APP_SECRET).toBe(DEVELOPMENT_APP_SECRET);
    expect(loadEnv({ APP_SECRET: 's'.repeat(32) }).APP_SECRET).toBe('s'.repeat(32));
  });

  it('asks admin and logistics for a second factor in production by default, nobody otherwise', () => {
    expect(loadEnv({ NODE_ENV: 'production', APP_SECRET: 's'.repeat(32) }).MFA_REQUIRED_ROLES).toEqual([
      'admin',
      'logistics',
    ]);
    expect(loadEnv({}).MFA_REQUIRED_ROLES).toEqual([]);
    expect(loadEnv({ MFA_REQUIRED_ROLES: 'admin' }).MFA_REQUIRED_ROLES).toEqual(['admin']);
    expect(() => loadEnv({ MFA_REQUIRED_ROLES: 'admin,root' })).toThrow(/MFA_REQUIRED_ROLES/);
  });
});
