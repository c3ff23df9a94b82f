/**
 * `npm start` on a machine that is set up wrong fails fast with one sentence that says what is
 * wrong and what to do: a port in use, a DATABASE_URL that does not answer, no Java 21+.
 * The scripts run as they do for a user: `node tools/scripts/start.mjs` in a child process.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
// Each test starts `node tools/scripts/start.mjs` (or a Node child): on a loaded 2-core machine
// that alone can take longer than Jest's default, so the limit is the child's own kill timer.
const CHILD_LIMIT_MS = 150_000;
jest.setTimeout(CHILD_LIMIT_MS + 30_000);

interface Run {
  code: number | null;
  stderr: string;
}

function startWith(env: Record<string, string>): Promise<Run> {
  const child = spawn(process.execPath, [join(ROOT, 'tools', 'scripts', 'start.mjs')], {
    cwd: ROOT,
    env: { ...cleanEnv(), ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve) => {
    // A start that hangs instead of failing is stopped (and then fails on its exit code).
    const timer = setTimeout(() => child.kill('SIGKILL'), CHILD_LIMIT_MS);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

/** The environment without the settings a developer may have exported for their own runs. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['DATABASE_URL', 'KEYCLOAK_URL', 'PG_PORT', 'API_PORT', 'KEYCLOAK_PORT'])
    delete env[name];
  return env;
}

function listen(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, port: typeof address === 'object' && address ? address.port : 0 });
    });
  });
}

async function closedPort(): Promise<number> {
  const { server, port } = await listen();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The lines the script wrote for the user, without npm's own warnings. */
const messages = (stderr: string) =>
  stderr.split('\n').filter((line) => line.startsWith('[efficacy]') && !line.includes('stopping'));

describe('npm start on a misconfigured machine', () => {
  it('names the port in use and the variable that moves it', async () => {
    const { server, port } = await listen();
    try {
      const run = await startWith({ PG_PORT: String(port) });
      expect(run.code).toBe(1);
      expect(messages(run.stderr)).toEqual([
        `[efficacy] port ${port} (embedded PostgreSQL) is already in use: stop what uses it or set PG_PORT to another port.`,
      ]);
    } finally {
      server.close();
    }
  });

  it('names a DATABASE_URL that does not answer, without its password', async () => {
    const port = await closedPort();
    const run = await startWith({
      DATABASE_URL: `postgres://efficacy:s3cret@127.0.0.1:${port}/efficacy`,
    });
    expect(run.code).toBe(1);
    const lines = messages(run.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(
        `^\\[efficacy\\] DATABASE_URL postgres://efficacy:\\*\\*\\*@127\\.0\\.0\\.1:${port}/efficacy does not answer: .*ECONNREFUSED`,
      ),
    );
    expect(run.stderr).not.toContain('s3cret');
  });
});

describe('finding Java for Keycloak', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'efficacy-java-'));
    // A Java 17 as `java -XshowSettings:properties -version` prints itself.
    mkdirSync(join(dir, 'jdk17', 'bin'), { recursive: true });
    const java = join(dir, 'jdk17', 'bin', 'java');
    writeFileSync(
      java,
      `#!/bin/sh\necho '    java.home = ${dir}/jdk17' >&2\necho 'openjdk version "17.0.12" 2024-07-16' >&2\n`,
    );
    chmodSync(java, 0o755);
    mkdirSync(join(dir, 'empty'));
    // A PATH with a shell (findJava asks it for `command -v java`) and no Java.
    mkdirSync(join(dir, 'shell-only'));
    symlinkSync('/bin/sh', join(dir, 'shell-only', 'sh'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Calls findJava in a child process (the script is an ES module) and returns its error. */
  function findJavaError(options: { env: Record<string, string>; jvmDir: string }): string {
    const module = join(ROOT, 'tools', 'keycloak', 'keycloak.mjs');
    const script = `import(${JSON.stringify(module)}).then((k) => { try { k.findJava(${JSON.stringify(
      options,
    )}); console.log('found'); } catch (e) { console.log(e.message); } });`;
    const out = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    return out.stdout.trim();
  }

  it('says which Java it found and what to install when only Java 17 is there', () => {
    expect(
      findJavaError({
        env: { PATH: `${join(dir, 'jdk17', 'bin')}:${join(dir, 'shell-only')}` },
        jvmDir: join(dir, 'empty'),
      }),
    ).toBe(
      `No Java 21+ runtime found for Keycloak (only Java 17.0.12 at ${dir}/jdk17 (PATH)): install a Java 21+ runtime (e.g. Temurin 21 or 25) or set KEYCLOAK_JAVA_HOME.`,
    );
  });

  it('refuses an explicit KEYCLOAK_JAVA_HOME that is too old instead of routing around it', () => {
    expect(
      findJavaError({
        env: { KEYCLOAK_JAVA_HOME: join(dir, 'jdk17'), PATH: join(dir, 'shell-only') },
        jvmDir: join(dir, 'empty'),
      }),
    ).toMatch(
      new RegExp(
        `^KEYCLOAK_JAVA_HOME=${dir}/jdk17 is Java 17\\.0\\.12, but Keycloak 26\\.[\\d.]+ needs Java 21\\+`,
      ),
    );
  });

  it('says so when there is no Java at all', () => {
    expect(
      findJavaError({ env: { PATH: join(dir, 'shell-only') }, jvmDir: join(dir, 'empty') }),
    ).toBe(
      'No Java 21+ runtime found for Keycloak (no Java at all in KEYCLOAK_JAVA_HOME, JAVA_HOME, /usr/lib/jvm or PATH): install a Java 21+ runtime (e.g. Temurin 21 or 25) or set KEYCLOAK_JAVA_HOME.',
    );
  });
});
