import { CliError } from './errors';
import { readCredentials, writeCredentials, type StoredCredentials } from './credentials';
import { refreshGrant } from './keycloak';
import type { CliSettings } from './settings';

const EARLY_REFRESH_MS = 30_000;

/** A valid access token for the stored user, refreshed when it is about to expire. */
export async function accessToken(
  settings: CliSettings,
): Promise<{ token: string; credentials: StoredCredentials }> {
  const credentials = readCredentials(settings.configDir);
  if (!credentials)
    throw new CliError('not logged in: run `npm run efficacy -- login <username>` first');
  if (credentials.apiUrl !== settings.apiUrl) {
    throw new CliError(`logged in to ${credentials.apiUrl}, not ${settings.apiUrl}: log in again`);
  }
  if (credentials.accessTokenExpiresAt - EARLY_REFRESH_MS > Date.now()) {
    return { token: credentials.accessToken, credentials };
  }
  if (!credentials.refreshToken || (credentials.refreshTokenExpiresAt ?? 0) < Date.now()) {
    throw new CliError(`the session of ${credentials.username} has expired: log in again`);
  }
  const tokens = await refreshGrant(
    credentials.tokenEndpoint,
    credentials.clientId,
    credentials.refreshToken,
  );
  const updated = { ...credentials, ...tokens };
  writeCredentials(settings.configDir, updated);
  return { token: updated.accessToken, credentials: updated };
}

/** Calls the API as the stored user; API errors become one clear sentence. */
export async function apiRequest<T>(
  settings: CliSettings,
  path: string,
  init: RequestInit = {},
): Promise<T> {
  const { token } = await accessToken(settings);
  let response: Response;
  try {
    response = await fetch(`${settings.apiUrl}${path}`, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` },
    });
  } catch (error) {
    throw new CliError(
      `cannot reach the Efficacy API at ${settings.apiUrl}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const text = await response.text();
  const body = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const message = (body as { message?: string } | undefined)?.message ?? text;
    throw new CliError(
      `${init.method ?? 'GET'} ${path} failed (HTTP ${response.status}): ${message}`,
    );
  }
  return body as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
