import { assertSafeForProduction, productionRefusals } from './production-guard';

describe('production guard', () => {
  const url = 'postgres://app:secret@db:5432/jv';

  it('refuses the embedded database (default password, demo seed) under NODE_ENV=production', () => {
    expect(() => assertSafeForProduction({ NODE_ENV: 'production', SEED_DEMO: 'auto' })).toThrow(
      /Refusing to start under NODE_ENV=production:\n {2}DATABASE_URL: required/,
    );
  });

  it('refuses SEED_DEMO=true under NODE_ENV=production even with DATABASE_URL', () => {
    expect(productionRefusals({ NODE_ENV: 'production', DATABASE_URL: url, SEED_DEMO: 'true' })).toEqual([
      expect.stringMatching(/^SEED_DEMO: demo accounts/),
    ]);
  });

  it('lets production start with DATABASE_URL and no demo seed, and any demo outside production', () => {
    expect(productionRefusals({ NODE_ENV: 'production', DATABASE_URL: url, SEED_DEMO: 'auto' })).toEqual([]);
    expect(productionRefusals({ NODE_ENV: 'production', DATABASE_URL: url, SEED_DEMO: 'false' })).toEqual([]);
    expect(productionRefusals({ NODE_ENV: 'development', SEED_DEMO: 'true' })).toEqual([]);
    expect(productionRefusals({ NODE_ENV: 'test', SEED_DEMO: 'auto' })).toEqual([]);
  });
});
