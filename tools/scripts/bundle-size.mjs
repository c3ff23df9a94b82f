// `npm run bundle-size`: builds the console for production and prints the gzipped size of
// the JavaScript the first page loads (index.html's module scripts and modulepreloads).
// Fails when it reaches the budget of issue 6.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { repoRoot } from './lib/paths.mjs';
import { run } from './lib/processes.mjs';
import { nxEnv } from './lib/platform.mjs';

const LIMIT_BYTES = 500 * 1000;
const dist = join(repoRoot, 'dist', 'apps', 'console', 'browser');

const code = await run(
  'npx',
  ['nx', 'build', 'console', '--configuration=production', '--output-style=static'],
  { cwd: repoRoot, env: nxEnv() },
);
if (code !== 0) {
  console.error('[bundle-size] the production build failed: see the output above');
  process.exit(1);
}

const indexFile = join(dist, 'index.html');
if (!existsSync(indexFile)) {
  console.error(`[bundle-size] ${indexFile} is missing after the build`);
  process.exit(1);
}
const html = readFileSync(indexFile, 'utf8');
const files = new Set();
for (const tag of html.match(/<script\b[^>]*>/g) ?? []) {
  const src = /\bsrc="([^"]+)"/.exec(tag)?.[1];
  if (src && /\btype="module"/.test(tag)) files.add(src);
}
for (const tag of html.match(/<link\b[^>]*>/g) ?? []) {
  const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
  if (href && /\brel="modulepreload"/.test(tag)) files.add(href);
}
if (files.size === 0) {
  console.error('[bundle-size] index.html names no module script: nothing to measure');
  process.exit(1);
}

const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
let raw = 0;
let gzipped = 0;
console.log('\n[bundle-size] JavaScript of the first page (index.html):');
for (const file of files) {
  const bytes = readFileSync(join(dist, file.replace(/^\//, '')));
  const size = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gzipped += size;
  console.log(
    `  ${file.padEnd(28)} ${kb(bytes.length).padStart(10)} raw  ${kb(size).padStart(9)} gzip`,
  );
}
console.log(
  `  ${'total'.padEnd(28)} ${kb(raw).padStart(10)} raw  ${kb(gzipped).padStart(9)} gzip  (limit ${kb(LIMIT_BYTES)})`,
);
if (gzipped >= LIMIT_BYTES) {
  console.error(`[bundle-size] FAIL: ${kb(gzipped)} gzipped is not under ${kb(LIMIT_BYTES)}`);
  process.exit(1);
}
console.log(`[bundle-size] ok: ${kb(gzipped)} gzipped`);
