/**
 * Test helpers for console component specs: the real dictionaries, every icon (so nothing
 * is fetched), no animations, an HTTP testing backend and a signed-in user of a given role.
 */
import { TestBed } from '@angular/core/testing';
import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { provideRouter, type Routes } from '@angular/router';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideTranslateService, TranslateService } from '@ngx-translate/core';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import * as AllIcons from '@ant-design/icons-angular/icons';
import type { IconDefinition } from '@ant-design/icons-angular';
import Keycloak from 'keycloak-js';
import { NGX_ECHARTS_CONFIG } from 'ngx-echarts';
import { permissionsOf, type Role } from '@efficacy/api-contract';
import { RUNTIME_CONFIG } from './lib/config/runtime-config';
import { SessionService } from './lib/auth/session.service';
import { LanguageService } from './lib/i18n/language.service';
import { EN } from './lib/i18n/en';
import { ZH_CN } from './lib/i18n/zh-cn';

export const TEST_API = 'http://api.test/api';

export function provideTestEnvironment() {
  return [
    provideNoopAnimations(),
    provideTranslateService({ lang: 'zh-CN', fallbackLang: 'zh-CN' }),
    provideNzIcons(Object.values(AllIcons) as IconDefinition[]),
    // jsdom has no canvas: charts never load in unit specs.
    { provide: NGX_ECHARTS_CONFIG, useValue: { echarts: () => new Promise(() => undefined) } },
  ];
}

export function provideApiTesting(routes: Routes = []) {
  return [
    provideRouter(routes),
    provideHttpClient(),
    provideHttpClientTesting(),
    {
      provide: RUNTIME_CONFIG,
      useValue: {
        apiUrl: TEST_API,
        keycloakUrl: 'http://kc.test',
        realm: 'efficacy',
        clientId: 'c',
      },
    },
    { provide: Keycloak, useValue: {} },
  ];
}

/** Loads the console's real dictionaries, so a spec reads what a user would read. */
export function useLanguage(lang: 'zh-CN' | 'en' = 'zh-CN'): void {
  const translate = TestBed.inject(TranslateService);
  translate.setTranslation('zh-CN', ZH_CN);
  translate.setTranslation('en', EN);
  translate.use(lang);
  TestBed.inject(LanguageService).current.set(lang);
}

export function signIn(role: Role, regions = ['640100'], units: string[] = []): void {
  TestBed.inject(SessionService).me.set({
    username: `${role}.user`,
    displayName: role,
    roles: [role],
    permissions: permissionsOf([role]),
    scope: { regions: regions.map((code) => ({ code, nameZh: null, nameEn: null })), units },
    tokenExpiresAt: '2030-01-01T00:00:00.000Z',
  });
}

/** Lets pending promises and signals settle, then renders. */
export async function settle(fixture: {
  detectChanges(): void;
  whenStable(): Promise<unknown>;
}): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await Promise.resolve();
    fixture.detectChanges();
    await fixture.whenStable();
  }
  fixture.detectChanges();
}
export { JINFENG } from './testing/jinfeng-assessment';
export { SPJ_EXPLANATION } from './testing/spj-explanation';
