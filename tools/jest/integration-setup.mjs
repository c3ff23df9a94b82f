// Jest globalSetup for tests that need the real PostgreSQL and Keycloak. The
// test runner (`npm test`) starts one of each for the whole run and passes them
// in DATABASE_URL and KEYCLOAK_URL; run alone, this starts them itself.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDatabase, startIdentity } from '../scripts/lib/platform.mjs';
import { testSettings } from '../scripts/lib/settings.mjs';

export default async function setup() {
  process.env.TZ = 'UTC';
  const s = testSettings();
  const log = (m) => console.log(`[integration] ${m}`);
  const started = [];
  if (!process.env.DATABASE_URL) {
    const dir = mkdtempSync(join(tmpdir(), 'efficacy-it-'));
    const db = await startDatabase({
      pgPort: s.pgPort,
      pgDataDir: join(dir, 'pg'),
      persistent: false,
      log,
    });
    process.env.DATABASE_URL = db.url;
    started.push(async () => {
      await db.stop();
      rmSync(dir, { recursive: true, force: true });
    });
  }
  if (!process.env.KEYCLOAK_URL) {
    const kc = await startIdentity({ keycloakPort: s.keycloakPort, log });
    process.env.KEYCLOAK_URL = kc.url;
    started.push(kc.stop);
  }
  globalThis.__efficacyStop = started;
}
