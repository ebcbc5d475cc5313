// Shared Jest settings. Nest 12 is ESM-only: @swc/jest transforms .ts and .js, and
// transformIgnorePatterns lets @nestjs/ (and otplib with its @scure/@noble dependencies) through so Jest
// (which does not require(esm)) can load them.
const path = require('node:path');
process.env.TZ = 'UTC';
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j|mj)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true, tsx: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|uuid|otplib|@otplib|@scure|@noble)/)'],
  moduleNameMapper: {
    '^@jv/contracts$': path.join(__dirname, 'libs/contracts/src/index.ts'),
    '^@jv/domain$': path.join(__dirname, 'libs/domain/src/index.ts'),
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
};
