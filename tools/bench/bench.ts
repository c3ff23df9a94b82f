/**
 * `npm run bench [-- --cases N]`: case ingestion against PostgreSQL's own limit, on one data set.
 *
 * 1. starts an embedded PostgreSQL (or uses DATABASE_URL) and the built API on its own ports,
 *    with a real Keycloak (KEYCLOAK_URL, or one it starts);
 * 2. writes N synthetic cases (6 counties × 12 months of one city, seeded) to a CSV;
 * 3. COPYs that CSV raw into an unindexed table: the ceiling;
 * 4. ingests the same file through our path (Ningxia adapter → COPY into the partitioned table),
 *    sampling RSS, then recomputes every indicator of the city-year;
 * 5. imports one corrected county-month and recomputes only it;
 * 6. loads the assessment endpoint with 50 concurrent clients (autocannon, loopback, real token).
 * The last line is machine-readable.
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { spawnSync } from 'node:child_process';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import autocannon from 'autocannon';
import {
  caseCsvHeader,
  caseCsvLine,
  generateCases,
  syntheticCounties,
} from '@efficacy/case-metrics';
// The ingestion core without the Nest module around it (the same code the import job runs): the
// package entry would load the whole Nest feature module, which the benchmark does not start.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { claimSlots, copyCases } from '../../libs/api/feature-cases/src/lib/ingest/case-ingest';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { recomputeSlots } from '../../libs/api/feature-cases/src/lib/ingest/recompute';
import { readNingxiaCases } from '@efficacy/plugin-ningxia';
import type { CaseSource } from '@efficacy/plugin-sdk';

const ROOT = join(__dirname, '..', '..');
const COUNTIES = 6;
const MONTHS = 12;
const SEED = 2026;
const CITY = '640100';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const n = Number(process.argv[i + 1]);
  if (!Number.isInteger(n) || n < 1000) throw new Error(`--${name} must be a whole number ≥ 1000`);
  return n;
}

const log = (m: string) => console.error(`[bench] ${m}`);
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

class RssSampler {
  peak = 0;
  private timer?: NodeJS.Timeout;
  start(): void {
    this.peak = process.memoryUsage().rss;
    this.timer = setInterval(() => {
      this.peak = Math.max(this.peak, process.memoryUsage().rss);
    }, 50);
  }
  stop(): number {
    if (this.timer) clearInterval(this.timer);
    this.peak = Math.max(this.peak, process.memoryUsage().rss);
    return this.peak;
  }
}

async function writeCsv(path: string, records: Iterable<Parameters<typeof caseCsvLine>[0]>) {
  const out = createWriteStream(path);
  out.write(caseCsvHeader());
  let rows = 0;
  let chunk = '';
  for (const r of records) {
    chunk += caseCsvLine(r);
    rows += 1;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  return rows;
}

async function rawCopy(client: Client, path: string): Promise<number> {
  await client.query(`DROP TABLE IF EXISTS bench_raw_cases`);
  await client.query(`CREATE TABLE bench_raw_cases (
    case_id text, item_code text, item_type text, unit text, region text, channel text,
    received timestamp, promised_days integer, is_finished text, finished timestamp, status text,
    evaluation text, pre_review text, is_test text)`);
  const started = process.hrtime.bigint();
  await client.query('BEGIN');
  const copy = client.query(copyFrom(`COPY bench_raw_cases FROM STDIN (FORMAT csv, HEADER true)`));
  await pipeline(createReadStream(path, { highWaterMark: 1 << 20 }), copy);
  await client.query('COMMIT');
  return Number(process.hrtime.bigint() - started) / 1e9;
}

function fileSource(path: string, name: string): { source: CaseSource; bytesRead: () => number } {
  let bytes = 0;
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  async function* counted() {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      yield chunk;
    }
  }
  return { source: { name, bytes: counted() }, bytesRead: () => bytes };
}

async function ourIngest(client: Client, path: string, size: number, rssAt: number[]) {
  const importId = randomUUID();
  await client.query(
    `INSERT INTO case_import (id, file_name, file_sha256, file_size, adapter_id, region_code,
        status, uploader, created_by, created_at)
     VALUES ($1, 'bench.csv', $2, $3, 'ningxia', $4, 'running', '{}', 'bench', now())`,
    [importId, importId.replace(/-/g, '').padEnd(64, '0'), size, CITY],
  );
  const allowed = new Set([CITY, ...syntheticCounties(COUNTIES).map((c) => c.code)]);
  const { source, bytesRead } = fileSource(path, 'bench.csv');
  const marks = [0.25, 0.5, 0.75];
  const started = process.hrtime.bigint();
  await client.query('BEGIN');
  const result = await copyCases(client, {
    importId,
    records: readNingxiaCases(source),
    bytesRead,
    allowedRegions: allowed,
    progressEveryMs: 200,
    onProgress: (p) => {
      if (marks.length > 0 && p.bytes / size >= marks[0]) {
        marks.shift();
        rssAt.push(process.memoryUsage().rss);
      }
    },
  });
  await claimSlots(client, importId, result);
  await client.query('COMMIT');
  rssAt.push(process.memoryUsage().rss);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { importId, result, seconds };
}

async function main() {
  const cases = arg('cases', 5_000_000);
  const perCountyMonth = Math.ceil(cases / (COUNTIES * MONTHS));
  const pgPort = Number(process.env['BENCH_PG_PORT'] ?? 54353);
  const apiPort = Number(process.env['BENCH_API_PORT'] ?? 3313);
  const work = mkdtempSync(join(tmpdir(), 'efficacy-bench-'));
  const platform = await import(join(ROOT, 'tools', 'scripts', 'lib', 'platform.mjs'));
  const stops: Array<() => Promise<void>> = [];
  try {
    const db = await platform.startDatabase({
      pgPort,
      pgDataDir: join(work, 'pg'),
      persistent: false,
      log,
    });
    stops.push(() => db.stop());
    const identity = await platform.startIdentity({ keycloakPort: 8182, log });
    stops.push(() => identity.stop());

    log('building the API (cached by Nx after the first time)…');
    const build = spawnSync('npx', ['nx', 'run', 'api:build', '--output-style=static'], {
      cwd: ROOT,
      env: { ...process.env, ...platform.nxEnv() },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (build.status !== 0) throw new Error('the API build failed');
    const api = await platform.startApi({
      apiPort,
      consolePort: 4399,
      databaseUrl: db.url,
      keycloakUrl: identity.url,
      logFile: join(work, 'api.log'),
      // e.g. BENCH_API_NODE_ARGS=--prof to profile the API under the load (node --prof-process).
      nodeArgs: (process.env['BENCH_API_NODE_ARGS'] ?? '').split(' ').filter(Boolean),
    });
    stops.push(() => api.stop());

    const client = new Client({ connectionString: db.url });
    await client.connect();
    stops.push(() => client.end());
    // Yinchuan's counties beyond the two the demo registry knows.
    for (const c of syntheticCounties(COUNTIES)) {
      await client.query(
        `INSERT INTO region (code, level, name_zh, name_en, parent_code) VALUES ($1, 'county', $2, $2, $3)
         ON CONFLICT (code) DO NOTHING`,
        [c.code, c.name, CITY],
      );
    }

    const csv = join(work, 'cases.csv');
    log(
      `writing ${cases.toLocaleString('en-US')} synthetic cases (${COUNTIES} counties × ${MONTHS} months, seed ${SEED})…`,
    );
    const rows = await writeCsv(
      csv,
      generateCases({
        counties: COUNTIES,
        months: MONTHS,
        seed: SEED,
        casesPerCountyMonth: perCountyMonth,
      }),
    );
    const size = statSync(csv).size;
    log(`${rows.toLocaleString('en-US')} rows, ${mb(size)} MB`);

    log('raw COPY into an unindexed table…');
    const rawSeconds = await rawCopy(client, csv);
    await client.query('DROP TABLE bench_raw_cases');
    await client.query('CHECKPOINT');

    log('our ingestion (adapter → COPY into case_record)…');
    const rssAt: number[] = [];
    const sampler = new RssSampler();
    const baseRss = process.memoryUsage().rss;
    sampler.start();
    const ours = await ourIngest(client, csv, size, rssAt);
    const peak = sampler.stop();

    log('recomputing every indicator of the city-year…');
    const slots = ours.result.slots.map((s) => ({ regionCode: s.regionCode, month: s.month }));
    const recStart = process.hrtime.bigint();
    await client.query('BEGIN');
    const recompute = await recomputeSlots(client, slots);
    await client.query('COMMIT');
    const recomputeSeconds = Number(process.hrtime.bigint() - recStart) / 1e9;

    log('incremental: one corrected county-month (灵武市 2022-06)…');
    const monthCsv = join(work, 'lingwu-2022-06.csv');
    await writeCsv(
      monthCsv,
      generateCases({
        counties: COUNTIES,
        months: MONTHS,
        seed: SEED + 1,
        casesPerCountyMonth: perCountyMonth,
        onlyCounties: ['640181'],
        onlyMonths: ['2022-06'],
      }),
    );
    const incStart = process.hrtime.bigint();
    const inc = await ourIngest(client, monthCsv, statSync(monthCsv).size, []);
    const incRecStart = process.hrtime.bigint();
    await client.query('BEGIN');
    await recomputeSlots(client, inc.result.slots);
    await client.query('COMMIT');
    const incrementalSeconds = Number(process.hrtime.bigint() - incStart) / 1e9;
    const incrementalRecomputeSeconds = Number(process.hrtime.bigint() - incRecStart) / 1e9;

    const ingestRate = rows / ours.seconds;
    const copyRate = rows / rawSeconds;
    const ratio = ingestRate / copyRate;
    const peakMb = mb(peak);
    console.log(
      [
        '',
        `Efficacy case benchmark: ${rows.toLocaleString('en-US')} cases (${COUNTIES} counties × ${MONTHS} months), file ${mb(size)} MB, ${cpus().length} cores`,
        `  raw COPY (unindexed table, CSV)   ${Math.round(copyRate).toLocaleString('en-US')} rows/s  (${rawSeconds.toFixed(1)} s)`,
        `  our ingestion (adapter → COPY)    ${Math.round(ingestRate).toLocaleString('en-US')} rows/s  (${ours.seconds.toFixed(1)} s)  ratio ${ratio.toFixed(2)}`,
        `  memory (RSS) before ${mb(baseRss)} MB; at 25/50/75/100% of the file ${rssAt.map(mb).join(' / ')} MB; peak ${peakMb} MB`,
        `  recompute city-year               ${recomputeSeconds.toFixed(2)} s  (${recompute.slots} county-months, ${recompute.observations} figures)`,
        `  incremental county-month          ${incrementalSeconds.toFixed(2)} s import + recompute (${inc.result.rows.toLocaleString('en-US')} cases; recompute alone ${incrementalRecomputeSeconds.toFixed(2)} s)`,
      ].join('\n'),
    );

    log('assessment endpoint, 50 concurrent clients…');
    const token = await passwordGrant(identity.url, 'yinchuan.admin');
    const url = `http://127.0.0.1:${apiPort}/api/assessments?region=${CITY}&period=2022-01..2022-12`;
    const checkStart = Date.now();
    const check = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    const checkBody = await check.text();
    if (check.status !== 200) throw new Error(`assessment answered ${check.status}: ${checkBody}`);
    const single = Date.now() - checkStart;
    log(`one request alone: ${single} ms, ${checkBody.length} bytes`);
    // The first request computes (its time is printed as "one request alone"); the rest are
    // what fifty administrators opening the same overview get: 3 s of warm-up, 15 s measured.
    await load(url, token, { duration: 3 }, 50);
    const measured = await load(url, token, { duration: 15 }, 50);
    if (failures.count > 0)
      log(
        `failed requests; the API log ends with:\n${String(api.tail()).split('\n').slice(-6).join('\n')}`,
      );
    measured.sort((a, b) => a - b);
    const pct = (p: number) =>
      measured[Math.min(measured.length - 1, Math.floor(p * measured.length))];
    console.log(
      `  GET /api/assessments (city-year)  p50 ${pct(0.5).toFixed(1)} ms  p95 ${pct(0.95).toFixed(1)} ms  p99 ${pct(0.99).toFixed(1)} ms  (${measured.length} answered, ${failures.count} failed${failures.detail ? ` (${failures.detail})` : ''}, 50 clients; one request alone ${single} ms)`,
    );
    console.log(
      `ingest_vs_copy=${ratio.toFixed(2)} ingest_rows_per_s=${Math.round(ingestRate)} copy_rows_per_s=${Math.round(copyRate)} recompute_city_year_s=${recomputeSeconds.toFixed(2)} incremental_s=${incrementalSeconds.toFixed(2)} p50_ms=${pct(0.5).toFixed(1)} p95_ms=${pct(0.95).toFixed(1)} p99_ms=${pct(0.99).toFixed(1)} failed_requests=${failures.count} peak_mb=${peakMb}`,
    );
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    rmSync(work, { recursive: true, force: true });
  }
}

async function passwordGrant(keycloak: string, username: string): Promise<string> {
  const res = await fetch(`${keycloak}/realms/efficacy/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: 'efficacy-cli',
      username,
      password: 'Efficacy#2026',
      scope: 'openid',
    }),
  });
  const body = (await res.json()) as { access_token?: string };
  if (!body.access_token) throw new Error(`no token for ${username}: HTTP ${res.status}`);
  return body.access_token;
}

/** Requests of the last load that failed (non-2xx or transport errors), for the report. */
const failures = { count: 0, detail: '' };

/** Per-request latencies (ms) of the 2xx responses, from autocannon's events, for exact percentiles. */
function load(
  url: string,
  token: string,
  plan: { duration: number } | { amount: number },
  connections: number,
): Promise<number[]> {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  failures.count = 0;
  failures.detail = '';
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        ...plan,
        timeout: 600,
        headers: { authorization: `Bearer ${token}` },
      },
      (error, result) => {
        if (error) return reject(error);
        failures.count = result.non2xx + result.errors;
        failures.detail = [...statuses].map(([k, v]) => `${v}×${k}`).join(', ');
        if (latencies.length === 0)
          return reject(
            new Error(
              `${result.errors} errors (${result.timeouts} timeouts), ${latencies.length} responses`,
            ),
          );
        resolve(latencies);
      },
    );
    instance.on('response', (_client, status, _bytes, responseTime) => {
      if (status >= 200 && status < 300) latencies.push(responseTime);
      else statuses.set(status, (statuses.get(status) ?? 0) + 1);
    });
  });
}

process.once('SIGINT', () => process.exit(130));
process.once('SIGTERM', () => process.exit(143));

main().catch((error) => {
  console.error(`[bench] failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
