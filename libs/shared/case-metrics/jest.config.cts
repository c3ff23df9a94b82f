// Dates are ISO strings, but a fixed zone keeps any accidental Date use deterministic.
process.env['TZ'] = 'UTC';

module.exports = {
  displayName: 'case-metrics',
  preset: '../../../tools/jest/jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../../coverage/libs/shared/case-metrics',
};
