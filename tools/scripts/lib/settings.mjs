// Ports and locations shared by `npm start` and `npm test`. Each can be moved
// with an environment variable when something else already uses the default.
import { join } from 'node:path';
import { repoRoot } from './paths.mjs';

function port(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    throw new Error(`${name}=${raw} is not a port number (1-65535).`);
  }
  return value;
}

export function startSettings() {
  return {
    apiPort: port('API_PORT', 3000),
    consolePort: port('CONSOLE_PORT', 4200),
    keycloakPort: port('KEYCLOAK_PORT', 8180),
    pgPort: port('PG_PORT', 54329),
    pgDataDir: join(repoRoot, '.data', 'postgres'),
    logDir: join(repoRoot, '.cache', 'logs'),
  };
}

export function testSettings() {
  return {
    apiPort: port('TEST_API_PORT', 3300),
    consolePort: port('TEST_CONSOLE_PORT', 4300),
    keycloakPort: port('TEST_KEYCLOAK_PORT', 8181),
    pgPort: port('TEST_PG_PORT', 54339),
    logDir: join(repoRoot, '.cache', 'test-logs'),
  };
}

export const REALM = 'efficacy';
export const CONSOLE_CLIENT_ID = 'efficacy-console';
