// Installs npm dependencies when node_modules is missing or older than the
// lockfile. Uses only node: builtins because it runs before anything is installed.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './paths.mjs';

const STAMP = join(repoRoot, 'node_modules', '.efficacy-install-stamp');

function lockHash() {
  const h = createHash('sha256');
  h.update(readFileSync(join(repoRoot, 'package.json')));
  h.update(readFileSync(join(repoRoot, 'package-lock.json')));
  return h.digest('hex');
}

export function ensureInstall({ log = console.log } = {}) {
  const want = lockHash();
  const have = existsSync(STAMP) ? readFileSync(STAMP, 'utf8').trim() : '';
  if (have === want && existsSync(join(repoRoot, 'node_modules', '.bin', 'nx'))) return false;
  log('Installing npm dependencies (npm install with the committed lockfile)…');
  // `npm ci` refuses this lockfile on machines whose registry lacks other platforms'
  // optional binaries; `npm install` installs the same tree and leaves the lockfile as it is.
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund'], {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false' },
  });
  if (result.status !== 0) throw new Error('npm install failed: see the output above');
  writeFileSync(STAMP, want + '\n');
  return true;
}
