/** API integration tests: the real app against a real PostgreSQL and a real Keycloak. */
module.exports = {
  displayName: 'api-integration',
  preset: '../../tools/jest/jest.preset.js',
  testEnvironment: 'node',
  rootDir: '.',
  testMatch: ['<rootDir>/integration/**/*.integration.spec.ts'],
  globalSetup: '../../tools/jest/integration-setup.mjs',
  globalTeardown: '../../tools/jest/integration-teardown.mjs',
  transform: {
    '^.+\\.[tj]s$': [
      'ts-jest',
      {
        tsconfig: '<rootDir>/tsconfig.spec.json',
        // The OpenAPI document is built from the DTO classes (ADR 0017): the same plugin as the build.
        astTransformers: { before: ['<rootDir>/swagger-plugin.cjs'] },
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js'],
  // Sized for a loaded 2-core machine: these specs start the API, call Keycloak and run the CLI.
  testTimeout: 120_000,
  // One database for the run: files run one after another.
  maxWorkers: 1,
};
