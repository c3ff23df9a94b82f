// Fixed zone: exceljs builds Date cells in UTC, and no test may depend on the machine's zone.
process.env['TZ'] = 'UTC';

module.exports = {
  displayName: 'plugin-henan',
  preset: '../../tools/jest/jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  coverageDirectory: '../../coverage/plugins/henan',
};
