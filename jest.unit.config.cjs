// Unit tests: pure rules in libs and services/pipes in the API, no database; the rendered k8s manifests.
module.exports = {
  ...require('./jest.preset.cjs'),
  displayName: 'unit',
  testMatch: [
    '<rootDir>/libs/**/src/**/*.spec.ts',
    '<rootDir>/apps/api/src/**/*.spec.ts',
    '<rootDir>/apps/web/src/**/*.spec.ts',
    // the Kubernetes manifests as `kubectl kustomize` renders them
    '<rootDir>/tests/deploy/**/*.spec.ts',
  ],
};
