import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What `login` keeps between commands: tokens for one user against one API. */
export interface StoredCredentials {
  apiUrl: string;
  username: string;
  tokenEndpoint: string;
  clientId: string;
  accessToken: string;
  accessTokenExpiresAt: number;
  refreshToken?: string;
  refreshTokenExpiresAt?: number;
}

function file(configDir: string): string {
  return join(configDir, 'credentials.json');
}

export function readCredentials(configDir: string): StoredCredentials | null {
  const path = file(configDir);
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as StoredCredentials;
  } catch {
    return null;
  }
}

export function writeCredentials(configDir: string, credentials: StoredCredentials): string {
  mkdirSync(configDir, { recursive: true, mode: 0o700 });
  const path = file(configDir);
  // Tokens are secrets: readable by this user only.
  writeFileSync(path, JSON.stringify(credentials, null, 2), { mode: 0o600 });
  chmodSync(path, 0o600);
  return path;
}

export function clearCredentials(configDir: string): void {
  rmSync(file(configDir), { force: true });
}
