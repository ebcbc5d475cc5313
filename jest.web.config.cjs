// Web tests: React components of apps/web in jsdom with Testing Library (`*.test.ts(x)` beside the code
// or under __tests__/). The unit tier (jest.unit.config.cjs) takes `*.spec.ts` only, so the two never overlap.
const { moduleNameMapper } = require('./jest.preset.cjs'); // also sets TZ=UTC

const swc = (tsx) => [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  rootDir: __dirname,
  displayName: 'web',
  // jsdom plus the fetch/Request/TextEncoder globals a browser has (see the file)
  testEnvironment: '<rootDir>/apps/web/src/test/jsdom-environment.cjs',
  testMatch: ['<rootDir>/apps/web/src/**/*.test.ts', '<rootDir>/apps/web/src/**/*.test.tsx'],
  transform: {
    '^.+\\.tsx$': swc(true),
    '^.+\\.(t|j|mj)s$': swc(false),
  },
  moduleNameMapper: {
    ...moduleNameMapper, // @jv/contracts, @jv/domain → libs/*/src (tsconfig.base.json paths)
    // i18n.ts imports zod's locales by their ESM file (Vite's way); Jest (no require(esm)) takes the CommonJS twin
    '^zod/v4/locales/(.+)\\.js$': '<rootDir>/node_modules/zod/v4/locales/$1.cjs',
    '\\.css$': '<rootDir>/apps/web/src/test/style-stub.ts',
    '\\.(svg|png|jpe?g|gif|webp|avif|ico|woff2?)$': '<rootDir>/apps/web/src/test/file-stub.ts',
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  setupFilesAfterEnv: ['<rootDir>/apps/web/src/test/setup.ts'],
  // spies (jest.spyOn(globalThis, 'fetch')…) are put back after every test
  restoreMocks: true,
};
