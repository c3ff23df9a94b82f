import { InjectionToken } from '@angular/core';

/**
 * Settings the console reads at start-up from `/config.json`, served beside the
 * built files, so that one build runs against any API and Keycloak.
 */
export interface ConsoleRuntimeConfig {
  apiUrl: string;
  keycloakUrl: string;
  realm: string;
  clientId: string;
}

export const RUNTIME_CONFIG = new InjectionToken<ConsoleRuntimeConfig>('RUNTIME_CONFIG');

export async function loadRuntimeConfig(
  fetchImpl: typeof fetch = fetch,
): Promise<ConsoleRuntimeConfig> {
  const response = await fetchImpl('/config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`/config.json answered HTTP ${response.status}`);
  const value = (await response.json()) as Partial<ConsoleRuntimeConfig>;
  for (const key of ['apiUrl', 'keycloakUrl', 'realm', 'clientId'] as const) {
    if (typeof value[key] !== 'string' || !value[key])
      throw new Error(`/config.json lacks "${key}"`);
  }
  return value as ConsoleRuntimeConfig;
}
