// Type-checks every Nx project with tsc: its app, lib and spec configs, or its tsconfig.json
// when it has none of those (tools and e2e projects; the .mjs tools are checked as JavaScript
// with checkJs). A project with nothing to check fails the run: a typecheck that checks
// nothing must not pass. Angular templates are checked by the console build (strictTemplates).
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawn } from 'node:child_process';
import { repoRoot } from './lib/paths.mjs';

const CONFIGS = ['tsconfig.app.json', 'tsconfig.lib.json', 'tsconfig.spec.json'];
const SKIP = new Set(['node_modules', 'dist', '.cache', '.data', 'test-fixtures', 'files', 'src']);

/**
 * @param {string} dir
 * @param {string[]} [out]
 * @returns {string[]}
 */
function findProjects(dir, out = []) {
  if (existsSync(join(dir, 'project.json'))) out.push(dir);
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name) || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) findProjects(path, out);
  }
  return out;
}

const projects = ['apps', 'libs', 'plugins', 'tools']
  .map((d) => join(repoRoot, d))
  .filter(existsSync)
  .flatMap((d) => findProjects(d));
const unchecked = [];
const configs = projects.flatMap((p) => {
  const own = CONFIGS.map((c) => join(p, c)).filter(existsSync);
  if (own.length) return own;
  if (existsSync(join(p, 'tsconfig.json'))) return [join(p, 'tsconfig.json')];
  unchecked.push(relative(repoRoot, p));
  return [];
});

const tsc = join(repoRoot, 'node_modules', '.bin', 'tsc');
let failed = 0;
let next = 0;
async function worker() {
  while (next < configs.length) {
    const config = configs[next++];
    const name = relative(repoRoot, config);
    /** @type {Buffer[]} */
    const output = [];
    const code = await new Promise((resolve) => {
      const child = spawn(tsc, ['--noEmit', '-p', config], { cwd: repoRoot });
      child.stdout.on('data', (d) => output.push(d));
      child.stderr.on('data', (d) => output.push(d));
      child.on('exit', resolve);
    });
    if (code === 0) console.log(`typecheck ok    ${name}`);
    else {
      failed++;
      console.log(`typecheck FAIL  ${name}\n${Buffer.concat(output).toString()}`);
    }
  }
}
await Promise.all([worker(), worker()]);
for (const project of unchecked)
  console.log(
    `typecheck FAIL  ${project}: no tsconfig.app/lib/spec.json or tsconfig.json to check`,
  );
console.log(
  `typecheck: ${projects.length} projects, ${configs.length - failed} of ${configs.length} configs passed` +
    (unchecked.length ? `, ${unchecked.length} projects with nothing to check` : ''),
);
process.exitCode = failed || unchecked.length ? 1 : 0;
