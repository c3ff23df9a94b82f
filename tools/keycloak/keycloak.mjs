#!/usr/bin/env node
// Keycloak for local development and tests of Efficacy.
//
// Plain Node ESM, node: builtins only (it must work before `npm install`).
// Library:  import { startKeycloak } from '../tools/keycloak/keycloak.mjs'
// CLI:      node tools/keycloak/keycloak.mjs fetch | start | token <username> <password> [--claims]
//
// See README.md next to this file for the realm and claims contract.

import { spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  chmodSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import { stripVTControlCharacters } from 'node:util';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Keycloak release used everywhere (newest 26.x on Maven Central when pinned; runs on Java 21 and 25). */
export const KEYCLOAK_VERSION = '26.7.3';
/** Minimum Java feature version Keycloak 26 is run with here. */
export const MIN_JAVA_VERSION = 21;
export const REALM = 'efficacy';
export const DEFAULT_PORT = 8180;
/** The management interface (health, metrics) listens on http port + this offset unless told otherwise. */
export const MANAGEMENT_PORT_OFFSET = 1000;
/** Dev-only bootstrap admin of the master realm. Never use outside a developer machine or CI. */
export const DEV_ADMIN = Object.freeze({ username: 'admin', password: 'admin' });
export const DEMO_PASSWORD = 'Efficacy#2026';
export const CLI_CLIENT_ID = 'efficacy-cli';
export const START_TIMEOUT_MS = 420_000;
export const STOP_TIMEOUT_MS = 20_000;

export const TOOL_DIR = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(TOOL_DIR, '..', '..');
export const CACHE_DIR = path.join(REPO_ROOT, '.cache', 'keycloak');
export const LOG_DIR = path.join(CACHE_DIR, 'logs');
export const DEFAULT_REALM_FILE = path.join(TOOL_DIR, 'efficacy-realm.json');

const UNPACKED_MARKER = '.efficacy-unpacked';

// ---------------------------------------------------------------------------
// Java
// ---------------------------------------------------------------------------

/**
 * Run `<java> -XshowSettings:properties -version` and read java.home and the version.
 * Returns null when the binary does not run.
 */
function probeJava(javaBin) {
  const r = spawnSync(javaBin, ['-XshowSettings:properties', '-version'], {
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, JAVA_TOOL_OPTIONS: '', _JAVA_OPTIONS: '', JDK_JAVA_OPTIONS: '' },
  });
  if (r.error || r.status !== 0) return null;
  const out = `${r.stderr}\n${r.stdout}`;
  const home = /^\s*java\.home = (.+)$/m.exec(out)?.[1]?.trim();
  const full = /version "([^"]+)"/.exec(out)?.[1];
  if (!full) return null;
  return {
    javaHome: home ?? path.dirname(path.dirname(javaBin)),
    version: full,
    major: javaMajor(full),
  };
}

/** "1.8.0_392" -> 8, "17.0.15" -> 17, "25" -> 25, "26-ea" -> 26 */
function javaMajor(version) {
  const parts = version.split(/[.+_-]/);
  const first = Number.parseInt(parts[0], 10);
  return first === 1 ? Number.parseInt(parts[1], 10) : first;
}

function safeRealpath(p) {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

/**
 * Find a Java >= 21 runtime. Order: KEYCLOAK_JAVA_HOME, JAVA_HOME, /usr/lib/jvm/* (newest first), `java` on PATH.
 * @returns {{ javaHome: string, version: string }}
 */
export function findJava({ env = process.env, jvmDir = '/usr/lib/jvm' } = {}) {
  const found = []; // { where, javaHome, version, major }
  const seen = new Set();

  const tryBin = (javaBin, where) => {
    if (!existsSync(javaBin)) {
      found.push({ where, javaHome: javaBin, version: null, major: 0 });
      return null;
    }
    const key = safeRealpath(javaBin);
    if (seen.has(key)) return null;
    seen.add(key);
    const p = probeJava(javaBin);
    found.push({
      where,
      javaHome: p?.javaHome ?? javaBin,
      version: p?.version ?? null,
      major: p?.major ?? 0,
    });
    return p && p.major >= MIN_JAVA_VERSION ? p : null;
  };

  if (env.KEYCLOAK_JAVA_HOME) {
    const p = tryBin(path.join(env.KEYCLOAK_JAVA_HOME, 'bin', 'java'), 'KEYCLOAK_JAVA_HOME');
    if (p) return { javaHome: p.javaHome, version: p.version };
    const f = found.at(-1);
    // An explicit setting that does not work is an error, not something to silently route around.
    throw new Error(
      `KEYCLOAK_JAVA_HOME=${env.KEYCLOAK_JAVA_HOME} ` +
        (f?.version ? `is Java ${f.version}` : 'does not contain a runnable bin/java') +
        `, but Keycloak ${KEYCLOAK_VERSION} needs Java ${MIN_JAVA_VERSION}+: point it at a Java ${MIN_JAVA_VERSION}+ runtime (e.g. Temurin 21 or 25) or unset it.`,
    );
  }

  if (env.JAVA_HOME) {
    const p = tryBin(path.join(env.JAVA_HOME, 'bin', 'java'), 'JAVA_HOME');
    if (p) return { javaHome: p.javaHome, version: p.version };
  }

  let jvmDirs = [];
  try {
    jvmDirs = readdirSync(jvmDir).map((d) => path.join(jvmDir, d));
  } catch {
    /* no /usr/lib/jvm */
  }
  const jvmHits = [];
  for (const dir of jvmDirs) {
    const bin = path.join(dir, 'bin', 'java');
    if (!existsSync(bin)) continue; // e.g. /usr/lib/jvm/openjdk-17 holding only docs
    const p = tryBin(bin, jvmDir);
    if (p) jvmHits.push(p);
  }
  if (jvmHits.length) {
    jvmHits.sort((a, b) => b.major - a.major);
    return { javaHome: jvmHits[0].javaHome, version: jvmHits[0].version };
  }

  const which = spawnSync('sh', ['-c', 'command -v java'], { encoding: 'utf8', env });
  const onPath = which.status === 0 ? which.stdout.trim() : '';
  if (onPath) {
    const p = tryBin(onPath, 'PATH');
    if (p) return { javaHome: p.javaHome, version: p.version };
  }

  const seenList = found
    .filter((f) => f.version)
    .map((f) => `Java ${f.version} at ${f.javaHome} (${f.where})`);
  throw new Error(
    `No Java ${MIN_JAVA_VERSION}+ runtime found for Keycloak (` +
      (seenList.length
        ? `only ${seenList.join(', ')}`
        : 'no Java at all in KEYCLOAK_JAVA_HOME, JAVA_HOME, /usr/lib/jvm or PATH') +
      `): install a Java 21+ runtime (e.g. Temurin 21 or 25) or set KEYCLOAK_JAVA_HOME.`,
  );
}

// ---------------------------------------------------------------------------
// Distribution
// ---------------------------------------------------------------------------

function hasCommand(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function lastLines(text, n) {
  return text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .slice(-n)
    .join('\n');
}

/** Path where the distribution of `version` is (or will be) unpacked. */
export function keycloakHome(version = KEYCLOAK_VERSION) {
  return path.join(CACHE_DIR, `keycloak-${version}`);
}

/**
 * Fetch org.keycloak:keycloak-quarkus-dist:<version>:zip from Maven Central with `mvn` and unpack it under
 * <repo>/.cache/keycloak/. Idempotent: returns at once when already unpacked.
 * @param {{ version?: string, log?: (message: string) => void }} [options]
 * @returns {Promise<string>} the unpacked distribution directory (contains bin/kc.sh)
 */
export async function ensureKeycloakDist({
  version = KEYCLOAK_VERSION,
  log = () => undefined,
} = {}) {
  const home = keycloakHome(version);
  if (existsSync(path.join(home, UNPACKED_MARKER)) && existsSync(path.join(home, 'bin', 'kc.sh')))
    return home;

  mkdirSync(CACHE_DIR, { recursive: true });
  const artifact = `org.keycloak:keycloak-quarkus-dist:${version}:zip`;
  const zip = path.join(CACHE_DIR, `keycloak-quarkus-dist-${version}.zip`);

  if (!existsSync(zip)) {
    if (!hasCommand('mvn')) {
      throw new Error(
        `Could not fetch the Keycloak distribution ${artifact}: \`mvn\` is not on PATH (it is the only way to reach Maven Central here; install Maven or put the zip at ${zip}).`,
      );
    }
    log(`fetching ${artifact} from Maven Central with mvn ...`);
    const r = spawnSync(
      'mvn',
      [
        '-B', // batch mode: never prompt
        '-q',
        '-C', // fail on checksum mismatch
        '-Dstyle.color=never',
        'org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy',
        `-Dartifact=${artifact}`,
        `-DoutputDirectory=${CACHE_DIR}`,
      ],
      {
        cwd: CACHE_DIR,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    if (r.error || r.status !== 0 || !existsSync(zip)) {
      const out = stripVTControlCharacters(
        `${r.stdout ?? ''}\n${r.stderr ?? ''}\n${r.error?.message ?? ''}`,
      );
      // Maven's first [ERROR] line says what went wrong; the rest is boilerplate.
      const detail = out.split('\n').find((l) => /^\[ERROR\] \S/.test(l)) ?? lastLines(out, 15);
      throw new Error(
        `Could not fetch the Keycloak distribution ${artifact} from Maven Central with mvn (exit code ${r.status ?? 'none'})` +
          (detail ? `:\n${detail}` : '.'),
      );
    }
  }

  // Unpack into a temporary directory, then rename: an interrupted unpack never looks finished.
  const tmp = path.join(CACHE_DIR, `.unpack-${version}-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  log(`unpacking ${path.basename(zip)} ...`);
  let r;
  if (hasCommand('unzip')) {
    r = spawnSync('unzip', ['-q', '-o', zip, '-d', tmp], { encoding: 'utf8' });
  } else {
    let jar = hasCommand('jar') ? 'jar' : null;
    if (!jar) {
      try {
        const candidate = path.join(findJava().javaHome, 'bin', 'jar');
        if (existsSync(candidate)) jar = candidate;
      } catch {
        /* reported below */
      }
    }
    if (!jar) {
      rmSync(tmp, { recursive: true, force: true });
      throw new Error(
        `Cannot unpack ${zip}: neither \`unzip\` nor a JDK \`jar\` tool is available (install unzip, e.g. \`apt-get install -y unzip\`).`,
      );
    }
    r = spawnSync(jar, ['xf', zip], { cwd: tmp, encoding: 'utf8' });
  }
  if (r.error || r.status !== 0) {
    rmSync(tmp, { recursive: true, force: true });
    rmSync(zip, { force: true }); // most likely a truncated download: fetch it again next time
    throw new Error(
      `Could not unpack ${zip} (deleted it, it is probably truncated; run again to fetch it anew): ${lastLines(`${r.stdout ?? ''}\n${r.stderr ?? ''}\n${r.error?.message ?? ''}`, 5)}`,
    );
  }
  const inner = path.join(tmp, `keycloak-${version}`);
  if (!existsSync(path.join(inner, 'bin', 'kc.sh'))) {
    rmSync(tmp, { recursive: true, force: true });
    throw new Error(`Unpacked ${zip} but found no keycloak-${version}/bin/kc.sh inside it.`);
  }
  // `jar xf` does not keep the executable bit.
  for (const f of readdirSync(path.join(inner, 'bin'))) {
    if (f.endsWith('.sh')) chmodSync(path.join(inner, 'bin', f), 0o755);
  }
  writeFileSync(path.join(inner, UNPACKED_MARKER), `${artifact}\n`);
  if (existsSync(path.join(home, UNPACKED_MARKER))) {
    // Another process finished unpacking meanwhile (and may be running from it): keep that one.
    rmSync(tmp, { recursive: true, force: true });
    return home;
  }
  rmSync(home, { recursive: true, force: true });
  renameSync(inner, home);
  rmSync(tmp, { recursive: true, force: true });
  log(`Keycloak ${version} unpacked at ${home}`);
  return home;
}

// ---------------------------------------------------------------------------
// Start / stop
// ---------------------------------------------------------------------------

function envPort(name) {
  const v = process.env[name];
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 65535)
    throw new Error(`${name}=${v} is not a TCP port number.`);
  return n;
}

/** Resolves true when something accepts TCP connections on host:port. */
function canConnect(port, host) {
  return new Promise((resolve) => {
    const s = net.connect({ port, host });
    const done = (v) => {
      s.destroy();
      resolve(v);
    };
    s.setTimeout(1000, () => done(false));
    s.once('connect', () => done(true));
    s.once('error', () => done(false));
  });
}

/** Resolves true when we can bind port on all IPv4 interfaces (what Keycloak does). */
function canBind(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', () => resolve(false));
    srv.listen({ port, host: '0.0.0.0', exclusive: true }, () => srv.close(() => resolve(true)));
  });
}

async function portInUse(port) {
  return (await canConnect(port, '127.0.0.1')) || !(await canBind(port));
}

function readTail(file, n) {
  try {
    return lastLines(readFileSync(file, 'utf8'), n);
  } catch {
    return '(no Keycloak log written)';
  }
}

// Args: <parent pid> <Keycloak process group>. Exits when the group is gone; stops the group when the parent is gone.
const WATCHDOG_SCRIPT = `
p=$1; g=$2
while kill -0 "$p" 2>/dev/null; do
  kill -0 -"$g" 2>/dev/null || exit 0
  sleep 1
done
kill -TERM -"$g" 2>/dev/null || exit 0
i=0
while [ $i -lt ${STOP_TIMEOUT_MS / 1000} ] && kill -0 -"$g" 2>/dev/null; do sleep 1; i=$((i+1)); done
kill -KILL -"$g" 2>/dev/null
exit 0
`;

/** @typedef {{ code: number | null, signal: NodeJS.Signals | null, error?: Error }} Exit */

const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Start Keycloak in dev mode with the efficacy realm imported into an in-memory database.
 *
 * @param {object} [o]
 * @param {number} [o.port]            HTTP port (default: $KEYCLOAK_PORT or 8180)
 * @param {number} [o.managementPort]  health/metrics port (default: $KEYCLOAK_MANAGEMENT_PORT or port + 1000)
 * @param {string} [o.realmFile]       realm JSON to import (default: efficacy-realm.json next to this file)
 * @param {string} [o.bindHost]       interface Keycloak listens on, HTTP and management (default: $KEYCLOAK_BIND_HOST or 127.0.0.1)
 * @param {string|null} [o.hostname]   fixed issuer base URL (default: $KEYCLOAK_HOSTNAME or http://127.0.0.1:<port>);
 *                                     '' or null lets Keycloak derive it from each request instead
 * @param {(msg: string) => void} [o.log]  progress messages of this tool (not Keycloak's own log)
 * @param {boolean} [o.echo]           also copy Keycloak's output to this process's stdout
 * @param {string} [o.version]         Keycloak version (default KEYCLOAK_VERSION)
 * @param {number} [o.timeoutMs]       readiness timeout (default 420 s: a loaded 2-core machine took 210 s)
 * @returns {Promise<{ url: string, issuer: string, realmUrl: string, managementUrl: string, port: number,
 *   managementPort: number, logFile: string, javaHome: string, javaVersion: string, version: string,
 *   startupMs: number, process: import('node:child_process').ChildProcess, stop: () => Promise<void> }>}
 */
export async function startKeycloak({
  port = envPort('KEYCLOAK_PORT') ?? DEFAULT_PORT,
  managementPort,
  realmFile = DEFAULT_REALM_FILE,
  hostname,
  bindHost = process.env.KEYCLOAK_BIND_HOST || '127.0.0.1',
  log = () => undefined,
  echo = false,
  version = KEYCLOAK_VERSION,
  timeoutMs = START_TIMEOUT_MS,
} = {}) {
  managementPort =
    managementPort ?? envPort('KEYCLOAK_MANAGEMENT_PORT') ?? port + MANAGEMENT_PORT_OFFSET;
  if (hostname === undefined)
    hostname = process.env.KEYCLOAK_HOSTNAME ?? `http://127.0.0.1:${port}`;

  // Fail fast, before any slow work.
  if (await portInUse(port)) {
    throw new Error(`port ${port} is in use: stop what uses it or set KEYCLOAK_PORT`);
  }
  if (await portInUse(managementPort)) {
    throw new Error(
      `port ${managementPort} (Keycloak management/health) is in use: stop what uses it or set KEYCLOAK_MANAGEMENT_PORT`,
    );
  }
  if (!existsSync(realmFile)) throw new Error(`Realm file ${realmFile} does not exist.`);
  const realmName = JSON.parse(readFileSync(realmFile, 'utf8')).realm;
  if (!realmName) throw new Error(`Realm file ${realmFile} has no "realm" name.`);

  const java = findJava();
  const home = await ensureKeycloakDist({ version, log });

  // --import-realm reads every *.json in data/import: keep exactly one, a fresh copy of the realm file.
  const importDir = path.join(home, 'data', 'import');
  rmSync(importDir, { recursive: true, force: true });
  mkdirSync(importDir, { recursive: true });
  copyFileSync(realmFile, path.join(importDir, `${realmName}-realm.json`));

  mkdirSync(LOG_DIR, { recursive: true });
  const logFile = path.join(LOG_DIR, `keycloak-${port}.log`);
  const args = [
    'start-dev',
    `--http-host=${bindHost}`,
    `--http-port=${port}`,
    `--http-management-host=${bindHost}`,
    `--http-management-port=${managementPort}`,
    '--health-enabled=true',
    '--db=dev-mem',
    '--import-realm',
  ];
  if (hostname) args.push(`--hostname=${hostname}`);

  const env = {
    ...process.env,
    JAVA_HOME: java.javaHome,
    KC_BOOTSTRAP_ADMIN_USERNAME: DEV_ADMIN.username,
    KC_BOOTSTRAP_ADMIN_PASSWORD: DEV_ADMIN.password,
  };
  // Settings from the caller's shell must not silently change the dev server.
  for (const k of Object.keys(env)) {
    if (k.startsWith('KC_') && !k.startsWith('KC_BOOTSTRAP_ADMIN_')) delete env[k];
  }

  log(
    `starting Keycloak ${version} on http://127.0.0.1:${port} with Java ${java.version} (${java.javaHome}); log: ${logFile}`,
  );
  const t0 = Date.now();
  let child;
  if (echo) {
    writeFileSync(logFile, '');
    const fd = openSync(logFile, 'a');
    child = spawn(path.join(home, 'bin', 'kc.sh'), args, {
      cwd: home,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const sink = (chunk) => {
      try {
        writeFileSync(fd, chunk);
      } catch {
        /* log file gone */
      }
      process.stdout.write(chunk);
    };
    child.stdout.on('data', sink);
    child.stderr.on('data', sink);
    child.once('exit', () => setTimeout(() => closeSync(fd), 100));
  } else {
    // The child writes straight to the file: no pipes for this process to drain or keep open.
    const fd = openSync(logFile, 'w');
    child = spawn(path.join(home, 'bin', 'kc.sh'), args, {
      cwd: home,
      env,
      detached: true,
      stdio: ['ignore', fd, fd],
    });
    closeSync(fd);
  }

  /** @type {Exit | null} */
  let exited = null;
  const exitPromise = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      resolve(exited);
    });
    child.once('error', (err) => {
      exited = { code: null, signal: null, error: err };
      resolve(exited);
    });
  });

  const group = /** @type {number} */ (child.pid);
  const killGroup = (/** @type {NodeJS.Signals} */ signal) => {
    try {
      process.kill(-group, signal);
    } catch {
      /* already gone */
    }
  };
  // If this Node process goes away without calling stop(), do not leave Keycloak behind:
  // on a normal exit the 'exit' hook kills the group at once; when this process dies from a signal
  // (Ctrl-C in Jest, kill) no hook runs, so a tiny detached watchdog shell stops the group instead.
  const onParentExit = () => killGroup('SIGKILL');
  process.once('exit', onParentExit);
  const watchdog = spawn(
    'sh',
    ['-c', WATCHDOG_SCRIPT, 'keycloak-watchdog', String(process.pid), String(child.pid)],
    {
      detached: true,
      stdio: 'ignore',
    },
  );
  watchdog.on('error', () => undefined);
  watchdog.unref();

  let stopping = null;
  const stop = () => {
    stopping ??= (async () => {
      if (!exited) {
        killGroup('SIGTERM');
        const timer = setTimeout(() => killGroup('SIGKILL'), STOP_TIMEOUT_MS);
        await exitPromise;
        clearTimeout(timer);
        // kc.sh may exit before its java child; make sure the whole group is gone.
        killGroup('SIGKILL');
      }
      process.removeListener('exit', onParentExit);
      try {
        if (watchdog.pid !== undefined) process.kill(-watchdog.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    })();
    return stopping;
  };

  const url = `http://127.0.0.1:${port}`;
  const wellKnown = `${url}/realms/${realmName}/.well-known/openid-configuration`;
  const deadline = t0 + timeoutMs;
  let issuer = null;
  while (true) {
    // Set by the child's 'exit' listener while this loop waits (TypeScript cannot see that).
    const ended = /** @type {Exit | null} */ (exited);
    if (ended) {
      await stop();
      throw new Error(
        `Keycloak exited during start-up (${ended.error?.message ?? `code ${ended.code}, signal ${ended.signal}`}); last 40 lines of ${logFile}:\n${readTail(logFile, 40)}`,
      );
    }
    try {
      const res = await fetch(wellKnown, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) {
        issuer = /** @type {{ issuer: string }} */ (await res.json()).issuer;
        break;
      }
      await res.body?.cancel();
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `Keycloak did not answer 200 on ${wellKnown} within ${Math.round(timeoutMs / 1000)} s; last 40 lines of ${logFile}:\n${readTail(logFile, 40)}`,
      );
    }
    await sleep(500);
  }
  const startupMs = Date.now() - t0;
  log(`Keycloak ready in ${(startupMs / 1000).toFixed(1)} s; issuer ${issuer}`);

  return {
    url,
    issuer,
    realmUrl: `${url}/realms/${realmName}`,
    managementUrl: `http://127.0.0.1:${managementPort}`,
    port,
    managementPort,
    logFile,
    javaHome: java.javaHome,
    javaVersion: java.version,
    version,
    startupMs,
    process: child,
    stop,
  };
}

// ---------------------------------------------------------------------------
// Tokens (manual testing)
// ---------------------------------------------------------------------------

/** Decode the payload of a JWT without verifying it (for inspection only). */
export function decodeJwt(token) {
  const part = token.split('.')[1];
  if (!part) throw new Error('Not a JWT.');
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
}

/**
 * Password grant against client efficacy-cli. Resolves the token response JSON; rejects with the
 * Keycloak error (e.g. invalid_grant "Account disabled") otherwise.
 * @param {{ username: string, password: string, baseUrl?: string, realm?: string, clientId?: string }} options
 * @returns {Promise<{ access_token: string, [key: string]: unknown }>}
 */
export async function getToken({
  username,
  password,
  baseUrl = process.env.KEYCLOAK_URL ??
    `http://127.0.0.1:${envPort('KEYCLOAK_PORT') ?? DEFAULT_PORT}`,
  realm = REALM,
  clientId = CLI_CLIENT_ID,
}) {
  const endpoint = `${baseUrl.replace(/\/$/, '')}/realms/${realm}/protocol/openid-connect/token`;
  let res;
  try {
    res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'password',
        client_id: clientId,
        username,
        password,
        scope: 'openid',
      }),
    });
  } catch (err) {
    throw new Error(
      `Cannot reach Keycloak at ${endpoint} (${err.cause?.code ?? err.message}): is it running (node tools/keycloak/keycloak.mjs start)?`,
    );
  }
  const body = /** @type {Record<string, any>} */ (await res.json().catch(() => ({})));
  if (!res.ok) {
    const e = /** @type {Error & { status?: number, body?: unknown }} */ (
      new Error(
        `Keycloak refused the token request for ${username}: HTTP ${res.status} ${body.error ?? ''} ${body.error_description ?? ''}`.trim(),
      )
    );
    e.status = res.status;
    e.body = body;
    throw e;
  }
  return /** @type {{ access_token: string }} */ (body);
}

// ---------------------------------------------------------------------------
// CLI
// ---------------------------------------------------------------------------

const USAGE = `usage:
  node tools/keycloak/keycloak.mjs fetch                                fetch and unpack Keycloak ${KEYCLOAK_VERSION}
  node tools/keycloak/keycloak.mjs start [--echo]                       run Keycloak in the foreground (Ctrl-C stops it; --echo shows its log)
  node tools/keycloak/keycloak.mjs token <username> <password> [--claims]  print an access token (efficacy-cli, password grant)
  node tools/keycloak/keycloak.mjs java                                 show the Java runtime that would be used
environment: KEYCLOAK_PORT (8180), KEYCLOAK_MANAGEMENT_PORT (port+1000), KEYCLOAK_HOSTNAME (http://127.0.0.1:<port>),
             KEYCLOAK_BIND_HOST (127.0.0.1), KEYCLOAK_JAVA_HOME, KEYCLOAK_URL (token command; default http://127.0.0.1:<port>)`;

async function main(argv) {
  const [cmd, ...rest] = argv;
  const say = (m) => process.stderr.write(`[keycloak] ${m}\n`);
  switch (cmd) {
    case 'fetch': {
      const home = await ensureKeycloakDist({ log: say });
      process.stdout.write(`${home}\n`);
      return 0;
    }
    case 'java': {
      const j = findJava();
      process.stdout.write(`${j.version} ${j.javaHome}\n`);
      return 0;
    }
    case 'start': {
      const kc = await startKeycloak({ log: say, echo: rest.includes('--echo') });
      say(`ready: ${kc.url}  (realm ${kc.realmUrl}, issuer ${kc.issuer})`);
      say(
        `admin console: ${kc.url}/admin  user ${DEV_ADMIN.username} / ${DEV_ADMIN.password} (dev only)`,
      );
      say(`health: ${kc.managementUrl}/health/ready   log: ${kc.logFile}`);
      say(`started in ${(kc.startupMs / 1000).toFixed(1)} s; press Ctrl-C to stop`);
      await new Promise((resolve) => {
        let signalled = false;
        const onSignal = async (sig) => {
          if (signalled) return;
          signalled = true;
          say(`${sig}: stopping Keycloak ...`);
          await kc.stop();
          resolve(undefined);
        };
        process.on('SIGINT', onSignal);
        process.on('SIGTERM', onSignal);
        process.on('SIGHUP', onSignal);
        kc.process.once('exit', (code, signal) => {
          if (!signalled) {
            say(`Keycloak exited on its own (code ${code}, signal ${signal}); see ${kc.logFile}`);
            process.exitCode = 1;
            resolve(undefined);
          }
        });
      });
      say('stopped');
      return process.exitCode ?? 0;
    }
    case 'token': {
      const [username, password] = rest.filter((a) => !a.startsWith('--'));
      if (!username || password === undefined) {
        process.stderr.write(`${USAGE}\n`);
        return 2;
      }
      const body = await getToken({ username, password });
      if (rest.includes('--claims'))
        process.stdout.write(`${JSON.stringify(decodeJwt(body.access_token), null, 2)}\n`);
      else process.stdout.write(`${body.access_token}\n`);
      return 0;
    }
    default:
      process.stderr.write(`${USAGE}\n`);
      return cmd === undefined || cmd === '-h' || cmd === '--help' ? 0 : 2;
  }
}

const invokedDirectly = (() => {
  try {
    return (
      process.argv[1] &&
      realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))
    );
  } catch {
    return false;
  }
})();

if (invokedDirectly) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      process.stderr.write(`[keycloak] ${err.message}\n`);
      process.exit(1);
    },
  );
}
