// `npm test`: every test, in the order that fails fastest. Starts one PostgreSQL
// and one Keycloak for the whole run and stops them at the end.
//   --only <stage>     run one stage: static, unit, integration, e2e
//   --pattern <regex>  with --only integration, unit or e2e: only the spec files matching it
import { ensureInstall, runUnderProjectNode } from './lib/ensure-install.mjs';

const log = (m) => console.log(`\n[test] ${m}`);
ensureInstall({ log });
await runUnderProjectNode();
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const STAGES = ['static', 'unit', 'integration', 'e2e'];
if (only && !STAGES.includes(only)) {
  console.error(`[test] unknown stage "${only}": choose one of ${STAGES.join(', ')}`);
  process.exit(2);
}
const wants = (stage) => !only || only === stage;
const pattern = args.includes('--pattern') ? [args[args.indexOf('--pattern') + 1]] : [];

const results = [];
const cleanups = [];

async function main() {
  log(`Node ${process.version} (${process.execPath.replace(process.cwd() + '/', '')})`);
  const { join } = await import('node:path');
  const { mkdtempSync, mkdirSync, rmSync, readFileSync, existsSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { repoRoot } = await import('./lib/paths.mjs');
  const { run } = await import('./lib/processes.mjs');
  const { testSettings } = await import('./lib/settings.mjs');
  const platform = await import('./lib/platform.mjs');
  const { preflight } = await import('./lib/preflight.mjs');
  // The system tools of the stages that run, before any of them starts.
  await preflight({
    keycloak: wants('integration') || wants('e2e'),
    browser: wants('e2e'),
    pdfTests: wants('unit') || wants('integration'),
    log,
  });
  const s = testSettings();
  const env = platform.nxEnv();
  const resultsDir = join(repoRoot, '.cache', 'test-results');
  mkdirSync(resultsDir, { recursive: true });
  const npx = (cmd, extraEnv = {}) =>
    run('npx', cmd, { cwd: repoRoot, env: { ...env, ...extraEnv } });

  const stage = async (name, fn) => {
    log(`── ${name}`);
    const started = Date.now();
    const outcome = await fn();
    const seconds = Math.round((Date.now() - started) / 1000);
    results.push({ name, ...outcome, seconds });
    log(`${outcome.ok ? 'ok  ' : 'FAIL'} ${name} (${seconds} s)`);
    return outcome.ok;
  };

  const jestCounts = (file) => {
    if (!existsSync(file)) return { passed: 0, failed: 0, skipped: 0 };
    const r = JSON.parse(readFileSync(file, 'utf8'));
    return {
      passed: r.numPassedTests,
      failed: r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0),
      skipped: r.numPendingTests + r.numTodoTests,
    };
  };

  if (wants('static')) {
    // The npm scripts themselves, so `npm test` checks exactly what `npm run lint` and
    // `npm run typecheck` check.
    const npmRun = (script, ...rest) =>
      run('npm', ['run', '-s', script, ...(rest.length ? ['--', ...rest] : [])], {
        cwd: repoRoot,
        env,
      });
    await stage('format (npm run format:check)', async () => ({
      ok: (await npmRun('format:check', '--log-level', 'warn')) === 0,
    }));
    await stage('lint (npm run lint: eslint, module boundaries)', async () => ({
      ok: (await npmRun('lint')) === 0,
    }));
    await stage('typecheck (npm run typecheck: tsc)', async () => ({
      ok: (await npmRun('typecheck')) === 0,
    }));
  }

  if (wants('unit')) {
    await stage('unit tests (jest)', async () => {
      const out = join(resultsDir, 'unit.json');
      rmSync(out, { force: true });
      const code = await npx([
        'jest',
        '-c',
        'tools/jest/jest.unit.config.cjs',
        '--ci',
        '--json',
        `--outputFile=${out}`,
        ...pattern,
      ]);
      return { ok: code === 0, ...jestCounts(out) };
    });
  }

  if (wants('integration') || wants('e2e')) {
    const dir = mkdtempSync(join(tmpdir(), 'efficacy-test-'));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    const db = await platform.startDatabase({
      pgPort: s.pgPort,
      pgDataDir: join(dir, 'pg'),
      persistent: false,
      log,
    });
    cleanups.push(db.stop);
    const kc = await platform.startIdentity({ keycloakPort: s.keycloakPort, log });
    cleanups.push(kc.stop);
    const services = { DATABASE_URL: db.url, KEYCLOAK_URL: kc.url };

    if (wants('integration')) {
      await stage('API integration tests (jest, real PostgreSQL + Keycloak)', async () => {
        const out = join(resultsDir, 'integration.json');
        rmSync(out, { force: true });
        const code = await npx(
          [
            'jest',
            '-c',
            'apps/api/jest.integration.config.cts',
            '--ci',
            '--json',
            `--outputFile=${out}`,
            ...pattern,
          ],
          services,
        );
        return { ok: code === 0, ...jestCounts(out) };
      });
    }

    if (wants('e2e')) {
      await stage('console end-to-end tests (Playwright, Chromium)', async () => {
        await platform.buildApps({ log });
        // The browser tests get an empty database of their own: what the integration tests
        // left behind (tasks, drafts, case records) must not decide what a page shows first.
        const { freshDatabase } = await import('./lib/postgres.mjs');
        const e2eUrl = wants('integration')
          ? await freshDatabase(db.url, 'efficacy_e2e', log)
          : db.url;
        const api = await platform.startApi({
          ...s,
          databaseUrl: e2eUrl,
          keycloakUrl: kc.url,
          logFile: join(s.logDir, 'api.log'),
        });
        cleanups.push(api.stop);
        const ui = await platform.startConsole({ ...s, apiUrl: api.url, keycloakUrl: kc.url });
        cleanups.push(ui.stop);
        const out = join(resultsDir, 'e2e.json');
        rmSync(out, { force: true });
        const code = await npx(
          ['playwright', 'test', '-c', 'apps/console-e2e/playwright.config.mts', ...pattern],
          {
            ...services,
            DATABASE_URL: e2eUrl,
            BASE_URL: ui.url,
            API_URL: api.url,
            PLAYWRIGHT_JSON_OUTPUT_NAME: out,
          },
        );
        let counts = { passed: 0, failed: 0, skipped: 0 };
        if (existsSync(out)) {
          const st = JSON.parse(readFileSync(out, 'utf8')).stats;
          counts = { passed: st.expected, failed: st.unexpected + st.flaky, skipped: st.skipped };
        }
        return { ok: code === 0, ...counts };
      });
    }
  }
}

async function finish(code) {
  for (const cleanup of cleanups.reverse()) {
    try {
      await cleanup();
    } catch (error) {
      console.error(`[test] cleanup: ${error.message}`);
    }
  }
  const passed = results.reduce((n, r) => n + (r.passed ?? 0), 0);
  const failed = results.reduce((n, r) => n + (r.failed ?? 0), 0);
  const skipped = results.reduce((n, r) => n + (r.skipped ?? 0), 0);
  const failedStages = results.filter((r) => !r.ok);
  console.log('\n[test] summary');
  for (const r of results) {
    const counts = r.passed !== undefined ? `  ${r.passed} passed, ${r.failed} failed` : '';
    console.log(`  ${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.seconds} s)${counts}`);
  }
  const exit = code || (failedStages.length ? 1 : 0);
  // A failing stage without failing tests (lint, format, a crash) still counts as one failure.
  console.log(
    `${passed} passed, ${Math.max(failed, exit ? 1 : 0)} failed${skipped ? `, ${skipped} skipped` : ''}`,
  );
  process.exit(exit);
}

process.on('SIGINT', () => void finish(130));
main().then(
  () => finish(0),
  async (error) => {
    console.error(`\n[test] ${error.message}`);
    await finish(1);
  },
);
