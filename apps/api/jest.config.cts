module.exports = {
  displayName: 'api',
  preset: '../../tools/jest/jest.preset.js',
  testEnvironment: 'node',
  // Integration specs need PostgreSQL and Keycloak: they run from jest.integration.config.cts.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/integration/'],
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
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../coverage/apps/api',
};
