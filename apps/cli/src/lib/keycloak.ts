import type { AuthConfigResponse } from '@efficacy/api-contract';
import { CliError } from './errors';

export interface TokenSet {
  accessToken: string;
  accessTokenExpiresAt: number;
  refreshToken?: string;
  refreshTokenExpiresAt?: number;
}

interface TokenResponse {
  access_token: string;
  expires_in: number;
  refresh_token?: string;
  refresh_expires_in?: number;
  error?: string;
  error_description?: string;
}

/** Asks the API where Keycloak is, so the only address a user configures is the API's. */
export async function discoverAuth(apiUrl: string): Promise<AuthConfigResponse> {
  let response: Response;
  try {
    response = await fetch(`${apiUrl}/auth/config`, { signal: AbortSignal.timeout(10_000) });
  } catch (error) {
    throw new CliError(
      `cannot reach the Efficacy API at ${apiUrl}: ${describeFetchError(error)} (set EFFICACY_API_URL)`,
    );
  }
  if (!response.ok)
    throw new CliError(`the API at ${apiUrl} answered HTTP ${response.status} to /auth/config`);
  return (await response.json()) as AuthConfigResponse;
}

export function tokenEndpoint(auth: AuthConfigResponse): string {
  return `${auth.issuer}/protocol/openid-connect/token`;
}

async function requestTokens(endpoint: string, body: URLSearchParams): Promise<TokenSet> {
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    throw new CliError(`cannot reach Keycloak at ${endpoint}: ${describeFetchError(error)}`);
  }
  const json = (await response.json().catch(() => ({}))) as TokenResponse;
  if (!response.ok) {
    const reason = json.error_description ?? json.error ?? `HTTP ${response.status}`;
    throw new CliError(`sign-in refused by Keycloak: ${reason}`);
  }
  const now = Date.now();
  return {
    accessToken: json.access_token,
    accessTokenExpiresAt: now + json.expires_in * 1000,
    refreshToken: json.refresh_token,
    refreshTokenExpiresAt: json.refresh_expires_in
      ? now + json.refresh_expires_in * 1000
      : undefined,
  };
}

export function passwordGrant(
  endpoint: string,
  clientId: string,
  username: string,
  password: string,
): Promise<TokenSet> {
  return requestTokens(
    endpoint,
    new URLSearchParams({
      grant_type: 'password',
      client_id: clientId,
      username,
      password,
      scope: 'openid',
    }),
  );
}

export function refreshGrant(
  endpoint: string,
  clientId: string,
  refreshToken: string,
): Promise<TokenSet> {
  return requestTokens(
    endpoint,
    new URLSearchParams({
      grant_type: 'refresh_token',
      client_id: clientId,
      refresh_token: refreshToken,
    }),
  );
}

function describeFetchError(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: { code?: string } }).cause;
    return cause?.code ?? error.message;
  }
  return String(error);
}
