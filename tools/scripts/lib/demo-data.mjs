// Loads the demo data into an empty database: the seed bulletins' tables, imported
// through the province adapters and the API like any administrator's upload.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths.mjs';

const DEMO_PASSWORD = 'Efficacy#2026';
// Who uploads each province's files: its city administrator, as in real life.
const UPLOADERS = {
  ningxia: 'yinchuan.admin',
  henan: 'anyang.admin',
  sichuan: 'panzhihua.admin',
  gansu: 'jiayuguan.admin',
};
// Variants of a table already imported in its main form (encodings, formula totals, a combined workbook).
const VARIANT = /(\.gb18030\.csv$|-formula-totals\.|-percent-numeric\.|-combined\.|^sample-)/;

/**
 * @param {string} keycloakUrl
 * @param {string} username
 * @returns {Promise<string>}
 */
async function token(keycloakUrl, username) {
  const res = await fetch(`${keycloakUrl}/realms/efficacy/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: 'efficacy-cli',
      username,
      password: DEMO_PASSWORD,
    }),
  });
  if (!res.ok) throw new Error(`demo data: cannot sign in as ${username}: HTTP ${res.status}`);
  return /** @type {{ access_token: string }} */ (await res.json()).access_token;
}

export function demoFiles() {
  const files = [];
  for (const plugin of Object.keys(UPLOADERS)) {
    const dir = join(repoRoot, 'plugins', plugin, 'test-fixtures', 'ok');
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.') || name.endsWith('.json') || VARIANT.test(name)) continue;
      const contextFile = join(dir, `${name}.context.json`);
      const context = existsSync(contextFile) ? JSON.parse(readFileSync(contextFile, 'utf8')) : {};
      files.push({ plugin, name, path: join(dir, name), context });
    }
  }
  return files;
}

export async function loadDemoData({ apiUrl, keycloakUrl, log }) {
  const headers = { authorization: `Bearer ${await token(keycloakUrl, 'yinchuan.admin')}` };
  const existing = await fetch(`${apiUrl}/imports?limit=1`, { headers });
  if (!existing.ok) throw new Error(`demo data: GET /imports answered HTTP ${existing.status}`);
  if (/** @type {unknown[]} */ (await existing.json()).length > 0) {
    log('demo data: the database already holds imports; nothing loaded');
    return;
  }
  const tokens = {};
  let imported = 0;
  const failures = [];
  for (const file of demoFiles()) {
    const user = UPLOADERS[file.plugin];
    tokens[user] ??= await token(keycloakUrl, user);
    const form = new FormData();
    form.append('file', new Blob([readFileSync(file.path)]), file.name);
    form.append('adapter', file.plugin);
    if (file.context.period) form.append('period', file.context.period);
    if (file.context.year) form.append('year', String(file.context.year));
    if (file.context.reportKind) form.append('reportKind', file.context.reportKind);
    if (file.context.regionCode) form.append('region', file.context.regionCode);
    const res = await fetch(`${apiUrl}/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens[user]}` },
      body: form,
    });
    if (res.ok) imported++;
    else
      failures.push(
        `${file.name}: ${/** @type {{ message?: string }} */ (await res.json().catch(() => ({}))).message ?? `HTTP ${res.status}`}`,
      );
  }
  log(`demo data: imported ${imported} seed tables through the province adapters`);
  for (const failure of failures) log(`demo data: not imported: ${failure}`);
}
