const nxPreset = require('@nx/jest/preset').default;

// The same default as the combined unit run (tools/jest/jest.unit.config.cjs) when a project's
// config runs alone: sized for a loaded 2-core machine, not for Jest's 5 s.
module.exports = { ...nxPreset, testTimeout: 120_000 };
