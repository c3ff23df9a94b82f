import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { EnvironmentProviders, Provider, inject, provideAppInitializer } from '@angular/core';
import {
  INCLUDE_BEARER_TOKEN_INTERCEPTOR_CONFIG,
  createInterceptorCondition,
  includeBearerTokenInterceptor,
  provideKeycloak,
  withAutoRefreshToken,
  AutoRefreshTokenService,
  UserActivityService,
  type IncludeBearerTokenCondition,
} from 'keycloak-angular';
import { RUNTIME_CONFIG, type ConsoleRuntimeConfig } from './config/runtime-config';
import { LanguageService } from './i18n/language.service';
import { provideI18n } from './i18n/provide-i18n';

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Everything the console needs before its first page: runtime config, Keycloak
 * sign-in (authorization code with PKCE), bearer tokens on API calls only, and i18n.
 */
export function provideEfficacyConsole(
  config: ConsoleRuntimeConfig,
): Array<Provider | EnvironmentProviders> {
  const apiCondition = createInterceptorCondition<IncludeBearerTokenCondition>({
    urlPattern: new RegExp(`^${escapeRegExp(config.apiUrl.replace(/\/+$/, ''))}(/.*)?$`, 'i'),
  });
  return [
    { provide: RUNTIME_CONFIG, useValue: config },
    provideKeycloak({
      config: { url: config.keycloakUrl, realm: config.realm, clientId: config.clientId },
      initOptions: {
        onLoad: 'login-required',
        pkceMethod: 'S256',
        checkLoginIframe: false,
        locale: globalThis.localStorage?.getItem('efficacy.language') === 'en' ? 'en' : 'zh-CN',
      },
      features: [
        withAutoRefreshToken({ onInactivityTimeout: 'logout', sessionTimeout: 30 * 60_000 }),
      ],
      providers: [AutoRefreshTokenService, UserActivityService],
    }),
    { provide: INCLUDE_BEARER_TOKEN_INTERCEPTOR_CONFIG, useValue: [apiCondition] },
    provideHttpClient(withInterceptors([includeBearerTokenInterceptor])),
    ...provideI18n(),
    provideAppInitializer(() => inject(LanguageService).init()),
  ];
}
