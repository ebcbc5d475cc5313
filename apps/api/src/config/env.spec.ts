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

describe('PHOTO_STORE', () => {
  const s3 = {
    S3_ENDPOINT: 'https://s3.example.org',
    S3_BUCKET: 'jv-photos',
    S3_REGION: 'eu-central-1',
    S3_ACCESS_KEY_ID: 'key',
    S3_SECRET_ACCESS_KEY: 'secret',
  };

  it('keeps photos in PostgreSQL by default', () => {
    expect(loadEnv({}).PHOTO_STORE).toBe('postgres');
  });

  it('refuses s3 without its settings, naming each missing one, in production and elsewhere', () => {
    const production = { NODE_ENV: 'production', APP_SECRET: 's'.repeat(32), PHOTO_STORE: 's3' };
    expect(() => loadEnv(production)).toThrow(InvalidEnvironmentError);
    expect(() => loadEnv({ ...production, ...s3, S3_BUCKET: '' })).toThrow(/S3_BUCKET: required with PHOTO_STORE=s3/);
    expect(() => loadEnv({ PHOTO_STORE: 's3', S3_ENDPOINT: s3.S3_ENDPOINT })).toThrow(
      /S3_BUCKET[\s\S]*S3_REGION[\s\S]*S3_ACCESS_KEY_ID[\s\S]*S3_SECRET_ACCESS_KEY/,
    );
    expect(loadEnv({ ...production, ...s3 }).PHOTO_STORE).toBe('s3');
  });

  it('refuses a store it does not know and an endpoint that is not http(s)', () => {
    expect(() => loadEnv({ PHOTO_STORE: 'disk' })).toThrow(/PHOTO_STORE/);
    expect(() => loadEnv({ PHOTO_STORE: 's3', ...s3, S3_ENDPOINT: 'ftp://s3.example.org' })).toThrow(/S3_ENDPOINT/);
  });
});
