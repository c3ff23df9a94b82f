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
  projects: ['apps', 'libs', 'plugins', 'tools']
    .map((d) => join(root, d))
    .filter(existsSync)
    .flatMap((d) => find(d, [])),
};
