// Installs npm dependencies when node_modules is missing or older than the lockfile, and
// runs the calling script again under the project's own Node (the `node` package, Node 24
// LTS) when it was started by another one. Uses only node: builtins because it runs before
// anything is installed.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { repoRoot } from './paths.mjs';

const STAMP = join(repoRoot, 'node_modules', '.efficacy-install-stamp');
/** The Node the project runs on: installed by the `node` devDependency (ADR 0010). */
export const PROJECT_NODE = join(repoRoot, 'node_modules', '.bin', 'node');
const NODE_MAJOR = 24;

function lockHash() {
  const h = createHash('sha256');
  h.update(readFileSync(join(repoRoot, 'package.json')));
  h.update(readFileSync(join(repoRoot, 'package-lock.json')));
  return h.digest('hex');
}

function installed() {
  return (
    existsSync(join(repoRoot, 'node_modules', '.bin', 'nx')) &&
    existsSync(PROJECT_NODE) &&
    readStamp() === lockHash()
  );
}

function readStamp() {
  return existsSync(STAMP) ? readFileSync(STAMP, 'utf8').trim() : '';
}

export function ensureInstall({ log = console.log } = {}) {
  if (installed()) return false;
  log('Installing npm dependencies (npm install with the committed lockfile)…');
  // `npm ci` refuses this lockfile on machines whose registry lacks other platforms'
  // optional binaries; `npm install` installs the same tree. The committed lockfile is the one
  // `npm install` leaves in a fresh clone, so it is not rewritten.
  const [command, args] = installCommand(log);
  const result = spawnSync(command, args, {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false' },
  });
  if (result.status !== 0) throw new Error('npm install failed: see the output above');
  if (!existsSync(PROJECT_NODE))
    throw new Error(
      `npm install did not install the project's Node (${PROJECT_NODE}): ` +
        'the `node` package runs a preinstall script; check that npm allows install scripts',
    );
  // Stamped after the install: the hash of the files as npm left them, so the next run
  // finds them equal and does not install again.
  writeFileSync(STAMP, lockHash() + '\n');
  return true;
}

/**
 * `npm install`, run by a Node 24 even when another one started this script: on the first run
 * of a fresh clone the project's Node is not installed yet, so npm itself runs once under the
 * `node` package of the version package.json pins, fetched by `npm exec` (ADR 0010). Its
 * engine checks then see the Node the project runs on, not the machine's Node 20.
 * @param {(m: string) => void} log
 * @returns {[string, string[]]}
 */
function installCommand(log) {
  const install = ['install', '--no-audit', '--no-fund'];
  if (Number(process.versions.node.split('.')[0]) >= NODE_MAJOR) return ['npm', install];
  const pinned = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).devDependencies
    ?.node;
  const npmCli = npmCliPath();
  if (!pinned || !npmCli) return ['npm', install];
  log(
    `(npm runs under Node ${pinned} from the npm package node, not under Node ${process.version})`,
  );
  return ['npm', ['exec', '--yes', `--package=node@${pinned}`, '--', 'node', npmCli, ...install]];
}

/** npm's own script, to run it under another Node. */
function npmCliPath() {
  if (process.env.npm_execpath?.endsWith('npm-cli.js')) return process.env.npm_execpath;
  const found = spawnSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).stdout?.trim();
  if (!found) return null;
  try {
    const cli = join(dirname(realpathSync(found)), 'npm-cli.js');
    return existsSync(cli) ? cli : null;
  } catch {
    return null;
  }
}

/**
 * Runs the current script again under the project's Node when this one is another major
 * version (the machine's Node 20 on the first `npm start` of a fresh clone, before npm has put
 * node_modules/.bin on PATH). Resolves only when no re-run was needed; otherwise exits with the
 * child's exit code once it ends. Ctrl-C reaches the child through the process group, which
 * stops what it started; this process only waits.
 */
export async function runUnderProjectNode() {
  if (Number(process.versions.node.split('.')[0]) === NODE_MAJOR) return;
  if (!existsSync(PROJECT_NODE)) return;
  const binDir = join(repoRoot, 'node_modules', '.bin');
  const child = spawn(PROJECT_NODE, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, PATH: `${binDir}:${process.env.PATH ?? ''}` },
  });
  const ignore = () => undefined;
  process.on('SIGINT', ignore);
  process.on('SIGTERM', (signal) => child.kill(signal));
  const code = await new Promise((resolve) =>
    child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))),
  );
  process.exit(code);
}
