// Type-checks every TypeScript project (app, lib and spec configs) with tsc.
// Angular templates are checked by the console build (strictTemplates).
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawn } from 'node:child_process';
import { repoRoot } from './lib/paths.mjs';

const CONFIGS = ['tsconfig.app.json', 'tsconfig.lib.json', 'tsconfig.spec.json'];
const SKIP = new Set(['node_modules', 'dist', '.cache', '.data', 'test-fixtures', 'files', 'src']);

function findProjects(dir, out = []) {
  if (existsSync(join(dir, 'project.json'))) out.push(dir);
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name) || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) findProjects(path, out);
  }
  return out;
}

const configs = ['apps', 'libs', 'plugins', 'tools']
  .map((d) => join(repoRoot, d))
  .filter(existsSync)
  .flatMap((d) => findProjects(d))
  .flatMap((p) => CONFIGS.map((c) => join(p, c)).filter(existsSync));

const tsc = join(repoRoot, 'node_modules', '.bin', 'tsc');
let failed = 0;
let next = 0;
async function worker() {
  while (next < configs.length) {
    const config = configs[next++];
    const name = relative(repoRoot, config);
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
console.log(`typecheck: ${configs.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
