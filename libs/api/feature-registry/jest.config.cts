// Deterministic dates: the mapping turns database dates into ISO strings.
process.env['TZ'] = 'UTC';

module.exports = {
  displayName: 'api-feature-registry',
  preset: '../../../tools/jest/jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../../coverage/libs/api/feature-registry',
};
