// Browser journeys: the built app on its own embedded database, driven by Debian's Chromium.
module.exports = {
  ...require('./jest.preset.cjs'),
  displayName: 'e2e',
  testMatch: ['<rootDir>/tests/e2e/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/tests/e2e/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/e2e/support/global-teardown.ts',
  testTimeout: 60000,
  maxWorkers: 1,
};
