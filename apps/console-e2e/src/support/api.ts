import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DEMO_PASSWORD } from './login';

/** Set by `npm test`; the defaults are those of `npm start`. */
export const API_URL = (process.env['API_URL'] ?? 'http://localhost:3000/api').replace(/\/+$/, '');
const KEYCLOAK_URL = (process.env['KEYCLOAK_URL'] ?? 'http://localhost:8180').replace(/\/+$/, '');

export const REPO_ROOT = join(__dirname, '..', '..', '..', '..');
export const NINGXIA_OK = join(REPO_ROOT, 'plugins', 'ningxia', 'test-fixtures', 'ok');
export const HAOCHAPING = join(NINGXIA_OK, 'jinfeng-2022-01to08-annex2-haochaping.xlsx');
export const COVERAGE = join(NINGXIA_OK, 'jinfeng-2022-01to08-annex1-coverage.xlsx');
export const PRE_REVIEW = join(NINGXIA_OK, 'jinfeng-2022-01to08-annex5-failed-prereview.xlsx');

/** Tokens by user, with the time (ms since epoch, this process's clock) they stop being used. */
const tokens = new Map<string, { token: string; renewAt: number }>();

/**
 * A token for a demo user, from Keycloak's password grant on the command-line client. Kept
 * until half its lifetime has passed: a run on a loaded machine lasts longer than one token.
 */
export async function tokenFor(username: string): Promise<string> {
  const known = tokens.get(username);
  if (known && Date.now() < known.renewAt) return known.token;
  const res = await fetch(`${KEYCLOAK_URL}/realms/efficacy/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: 'efficacy-cli',
      username,
      password: DEMO_PASSWORD,
    }),
  });
  if (!res.ok) throw new Error(`cannot sign in as ${username}: HTTP ${res.status}`);
  const body = (await res.json()) as { access_token: string; expires_in: number };
  tokens.set(username, {
    token: body.access_token,
    renewAt: Date.now() + (body.expires_in * 1000) / 2,
  });
  return body.access_token;
}

export async function api<T>(username: string, path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(`${API_URL}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${await tokenFor(username)}`, ...(init.headers ?? {}) },
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: HTTP ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * Imports a fixture through the API unless it is in already: specs run in one fresh
 * database but must not depend on each other's order. The API answers "unchanged" for
 * a file it already holds.
 */
export async function ensureImported(path: string, username = 'yinchuan.admin'): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([readFileSync(path)]), basename(path));
  const result = await api<{ outcome: string }>(username, '/imports', {
    method: 'POST',
    body: form,
  });
  return result.outcome;
}

interface ImportRow {
  id: string;
  fileName: string;
  status: string;
}

/** Rolls back every committed import of a file, so a spec can import it as new. */
export async function rollBackFile(path: string, username = 'yinchuan.admin'): Promise<void> {
  const rows = await api<ImportRow[]>(username, '/imports?status=committed&limit=500');
  for (const row of rows.filter((r) => r.fileName === basename(path))) {
    await api(username, `/imports/${row.id}/rollback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'e2e: start the import flow from a clean slate' }),
    });
  }
}

interface CaseImportRow {
  id: string;
  status: string;
  error?: string | null;
}

/**
 * Uploads a case-record export (办件明细) for a county and waits for the background import
 * to finish; the same file again answers "unchanged" at once.
 */
export async function importCases(
  csv: string,
  name: string,
  region: string,
  username = 'yinchuan.admin',
): Promise<void> {
  const form = new FormData();
  form.append('file', new Blob([Buffer.from(csv, 'utf8')]), name);
  form.append('region', region);
  const queued = await api<{ outcome: string; import: CaseImportRow }>(username, '/cases/imports', {
    method: 'POST',
    body: form,
  });
  for (let i = 0; i < 120; i++) {
    const row = await api<CaseImportRow>(username, `/cases/imports/${queued.import.id}`);
    if (row.status === 'done') return;
    if (row.status === 'failed') throw new Error(`case import ${name} failed: ${row.error}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`case import ${name} did not finish within a minute`);
}
