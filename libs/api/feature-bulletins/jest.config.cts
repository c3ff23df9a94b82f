// Deterministic dates in document numbers and issue dates.
process.env['TZ'] = 'UTC';

module.exports = {
  displayName: 'api-feature-bulletins',
  preset: '../../../tools/jest/jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../../coverage/libs/api/feature-bulletins',
};
