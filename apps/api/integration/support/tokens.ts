/** Real tokens from the real Keycloak, through the command-line client's password grant. */
export const DEMO_PASSWORD = 'Efficacy#2026';

const cache = new Map<string, { token: string; expiresAt: number }>();

export function keycloakUrl(): string {
  const url = process.env['KEYCLOAK_URL'];
  if (!url)
    throw new Error(
      'KEYCLOAK_URL is not set: run through `npm test` or the integration globalSetup',
    );
  return url.replace(/\/+$/, '');
}

export async function passwordGrant(
  username: string,
  password = DEMO_PASSWORD,
  clientId = 'efficacy-cli',
) {
  const response = await fetch(`${keycloakUrl()}/realms/efficacy/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: clientId,
      username,
      password,
      scope: 'openid',
    }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export async function tokenFor(username: string): Promise<string> {
  const hit = cache.get(username);
  if (hit && hit.expiresAt > Date.now() + 30_000) return hit.token;
  const { status, body } = await passwordGrant(username);
  if (status !== 200) throw new Error(`no token for ${username}: ${JSON.stringify(body)}`);
  const token = body['access_token'] as string;
  cache.set(username, { token, expiresAt: Date.now() + (body['expires_in'] as number) * 1000 });
  return token;
}
