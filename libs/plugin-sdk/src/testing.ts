// Test tooling for plugins: the conformance harness and deterministic input builders.
// This entry uses node:fs and must never be imported by adapter code.
export * from './lib/testing/conformance';
export * from './lib/testing/workbook-builder';
export * from './lib/testing/zip-writer';
export * from './lib/testing/retitle';
