// Unit tests: pure rules in libs and services/pipes in the API, no database.
module.exports = {
  ...require('./jest.preset.cjs'),
  displayName: 'unit',
  testMatch: [
    '<rootDir>/libs/**/src/**/*.spec.ts',
    '<rootDir>/apps/api/src/**/*.spec.ts',
    '<rootDir>/apps/web/src/**/*.spec.ts',
  ],
};
