// Starts the pieces of the platform: PostgreSQL, Keycloak, the API and the
// console. Shared by `npm start` and the test runner so both run the same way.
import { join } from 'node:path';
import { repoRoot } from './paths.mjs';
import { assertPortFree, waitForHttp } from './ports.mjs';
import { checkDatabaseUrl, startEmbeddedPostgres } from './postgres.mjs';
import { startProcess, run } from './processes.mjs';
import { serveConsole } from './console-server.mjs';
import { CONSOLE_CLIENT_ID, REALM } from './settings.mjs';

export async function startDatabase({ pgPort, pgDataDir, persistent = true, log }) {
  if (process.env.DATABASE_URL) {
    await checkDatabaseUrl(process.env.DATABASE_URL);
    log(`PostgreSQL: using DATABASE_URL`);
    return { url: process.env.DATABASE_URL, stop: async () => undefined };
  }
  const pg = await startEmbeddedPostgres({ dataDir: pgDataDir, port: pgPort, persistent, log });
  log(
    `PostgreSQL: embedded server on 127.0.0.1:${pgPort} (data in ${pg.dataDir.replace(repoRoot + '/', '')})`,
  );
  return pg;
}

export async function startIdentity({ keycloakPort, log }) {
  if (process.env.KEYCLOAK_URL) {
    const url = process.env.KEYCLOAK_URL.replace(/\/+$/, '');
    await waitForHttp(`${url}/realms/${REALM}/.well-known/openid-configuration`, {
      timeoutMs: 10_000,
      what: `Keycloak at KEYCLOAK_URL (${url}) with realm "${REALM}"`,
    });
    log(`Keycloak: using KEYCLOAK_URL ${url}`);
    return { url, stop: async () => undefined };
  }
  const keycloak = await import(join(repoRoot, 'tools', 'keycloak', 'keycloak.mjs'));
  keycloak.findJava();
  await keycloak.ensureKeycloakDist({});
  log(`Keycloak: starting on port ${keycloakPort} (first start takes a while)…`);
  const started = Date.now();
  const kc = await keycloak.startKeycloak({ port: keycloakPort });
  log(`Keycloak: ready at ${kc.url} in ${Math.round((Date.now() - started) / 1000)} s`);
  return kc;
}

export async function buildApps({ log }) {
  log('Building the API and the console (cached after the first time)…');
  const code = await run(
    'npx',
    ['nx', 'run-many', '-t', 'build', '-p', 'api', 'console', '--output-style=static'],
    {
      cwd: repoRoot,
      env: nxEnv(),
    },
  );
  if (code !== 0) throw new Error('the build failed: see the output above');
}

export function nxEnv() {
  return {
    NX_NO_CLOUD: 'true',
    NX_DAEMON: 'false',
    NX_TUI: 'false',
    NX_SKIP_NX_CACHE: process.env.NX_SKIP_NX_CACHE ?? '',
  };
}

export async function startApi({
  apiPort,
  consolePort,
  databaseUrl,
  keycloakUrl,
  logFile,
  echo = false,
  extraEnv = {},
  nodeArgs = [],
}) {
  await assertPortFree(apiPort, 'Efficacy API', 'API_PORT');
  const api = startProcess(
    'api',
    process.execPath,
    // A 32 MB young generation: parsing case exports allocates short-lived strings per field,
    // and with V8's default the scavenger took about a fifth of the parser's CPU (ADR 0008).
    ['--max-semi-space-size=32', ...nodeArgs, join(repoRoot, 'dist', 'apps', 'api', 'main.js')],
    {
      cwd: repoRoot,
      logFile,
      echo,
      env: {
        NODE_ENV: 'production',
        PORT: String(apiPort),
        DATABASE_URL: databaseUrl,
        KEYCLOAK_URL: keycloakUrl,
        CORS_ORIGINS: `http://localhost:${consolePort},http://127.0.0.1:${consolePort}`,
        // npm start, the e2e tests and the bench show the seed bulletins' demo units (ADR 0012).
        DEMO_DATA: 'true',
        ...extraEnv,
      },
    },
  );
  try {
    await waitForHttp(`http://127.0.0.1:${apiPort}/api/health`, {
      timeoutMs: 60_000,
      what: 'the API',
      isAlive: api.isAlive,
    });
  } catch (error) {
    await api.stop();
    throw new Error(`${error.message}\n--- last lines of the API log ---\n${api.tail()}`);
  }
  return { ...api, url: `http://localhost:${apiPort}/api` };
}

export async function startConsole({ consolePort, apiUrl, keycloakUrl }) {
  await assertPortFree(consolePort, 'Efficacy console', 'CONSOLE_PORT');
  return serveConsole({
    dir: join(repoRoot, 'dist', 'apps', 'console', 'browser'),
    port: consolePort,
    runtimeConfig: { apiUrl, keycloakUrl, realm: REALM, clientId: CONSOLE_CLIENT_ID },
  });
}
