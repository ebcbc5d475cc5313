// Integration tests: the API against a real PostgreSQL (embedded, started once, migrated once).
module.exports = {
  ...require('./jest.preset.cjs'),
  displayName: 'integration',
  testMatch: ['<rootDir>/apps/api/test/**/*.int-spec.ts'],
  globalSetup: '<rootDir>/apps/api/test/global-setup.ts',
  globalTeardown: '<rootDir>/apps/api/test/global-teardown.ts',
  testTimeout: 30000,
  maxWorkers: 1,
};
