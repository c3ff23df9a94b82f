// Every project's unit tests in one Jest run (one summary, one JSON report).
// Integration specs have their own config and run against real services.
const { readdirSync, statSync, existsSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..', '..');
const SKIP = new Set(['node_modules', 'dist', '.cache', '.data', 'test-fixtures', 'src', 'files']);

function find(dir, out) {
  if (existsSync(join(dir, 'jest.config.cts'))) out.push(join(dir, 'jest.config.cts'));
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name) || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) find(path, out);
  }
  return out;
}

module.exports = {
  rootDir: root,
  // Jest reads testTimeout from the root config only: a project's own setting is ignored in this
  // multi-project run (tools/workspace's 120 s was, and its specs failed at the 5 s default).
  // 120 s is sized for a loaded 2-core machine reading big workbooks; specs that start processes
  // set a longer one themselves with jest.setTimeout.
  testTimeout: 120_000,
  projects: ['apps', 'libs', 'plugins', 'tools']
    .map((d) => join(root, d))
    .filter(existsSync)
    .flatMap((d) => find(d, [])),
};
