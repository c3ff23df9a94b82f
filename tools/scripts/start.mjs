// `npm start`: installs what is missing, starts PostgreSQL, Keycloak, the API and
// the console, loads the demo data into an empty database, and stops everything
// it started on Ctrl-C.
import { ensureInstall, runUnderProjectNode } from './lib/ensure-install.mjs';

const log = (message) => console.log(`[efficacy] ${message}`);
ensureInstall({ log });
await runUnderProjectNode();
const stack = [];
let stopping = false;

async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  log('stopping…');
  for (const item of stack.reverse()) {
    try {
      await item.stop();
    } catch (error) {
      console.error(`[efficacy] could not stop ${item.name}: ${error.message}`);
    }
  }
  process.exit(code);
}

async function main() {
  const { startSettings } = await import('./lib/settings.mjs');
  const platform = await import('./lib/platform.mjs');
  const { loadDemoData } = await import('./lib/demo-data.mjs');
  const { preflight } = await import('./lib/preflight.mjs');
  const { join } = await import('node:path');
  const s = startSettings();

  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  // Every system tool first: a missing one is named before anything starts.
  await preflight({ keycloak: true, log });
  const db = await platform.startDatabase({ ...s, log });
  stack.push({ name: 'PostgreSQL', stop: db.stop });
  const kc = await platform.startIdentity({ ...s, log });
  stack.push({ name: 'Keycloak', stop: kc.stop });
  await platform.buildApps({ log });
  const api = await platform.startApi({
    ...s,
    databaseUrl: db.url,
    keycloakUrl: kc.url,
    logFile: join(s.logDir, 'api.log'),
    echo: true,
  });
  stack.push({ name: 'API', stop: api.stop });
  log(`API: ${api.url} (OpenAPI docs at ${api.url}/docs)`);
  await loadDemoData({ apiUrl: api.url, keycloakUrl: kc.url, log });
  const ui = await platform.startConsole({ ...s, apiUrl: api.url, keycloakUrl: kc.url });
  stack.push({ name: 'console', stop: ui.stop });

  console.log(`
  Efficacy is running.

    Console   ${ui.url}
    API       ${api.url}   (docs: ${api.url}/docs)
    Keycloak  ${kc.url}   (admin console: admin / admin, dev mode only)

  Demo logins (password for all: Efficacy#2026):
    yinchuan.admin     city admin, 银川市        jinfeng.admin      county admin, 金凤区
    lingwu.admin       county admin, 灵武市      jinfeng.spj.head   dept head, 金凤区审批服务管理局
    jinfeng.spj.staff  dept staff, same dept    anyang.admin       city admin, 安阳市
    yindu.admin        county admin, 殷都区      panzhihua.admin    city admin, 攀枝花市
    jiayuguan.admin    city admin, 嘉峪关市      regional.it        regional IT, four provinces
    yinchuan.auditor   auditor, 银川市

  Press Ctrl-C to stop everything.
`);
  await api.exited;
  if (!stopping) {
    console.error('[efficacy] the API stopped unexpectedly; see .cache/logs/api.log');
    await stopAll(1);
  }
}

main().catch(async (error) => {
  console.error(`[efficacy] ${error.message}`);
  await stopAll(1);
});
