import { EnvironmentProviders, Provider } from '@angular/core';
import {
  TranslateLoader,
  TranslationObject,
  provideTranslateLoader,
  provideTranslateService,
} from '@ngx-translate/core';
import { Observable, of } from 'rxjs';
import { NZ_I18N, zh_CN } from 'ng-zorro-antd/i18n';
import { registerLocaleData } from '@angular/common';
import zh from '@angular/common/locales/zh';
import { EN } from './en';
import { ZH_CN } from './zh-cn';

/** Translations ship inside the bundle: no extra request before the first paint. */
class BundledLoader implements TranslateLoader {
  getTranslation(lang: string): Observable<TranslationObject> {
    return of(lang === 'en' ? EN : ZH_CN);
  }
}

export function provideI18n(): Array<Provider | EnvironmentProviders> {
  registerLocaleData(zh);
  return [
    provideTranslateService({
      // A factory, not the class: minified classes print as `class{`, which the library's
      // class sniffing misses, and it would then call the constructor without `new`.
      loader: provideTranslateLoader(() => new BundledLoader()),
      fallbackLang: 'zh-CN',
      lang: 'zh-CN',
    }),
    { provide: NZ_I18N, useValue: zh_CN },
  ];
}
