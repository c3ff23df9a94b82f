import { Injectable, inject, signal } from '@angular/core';
import { TranslateService } from '@ngx-translate/core';
import { NzI18nService, en_US, zh_CN } from 'ng-zorro-antd/i18n';

export type ConsoleLanguage = 'zh-CN' | 'en';
const STORAGE_KEY = 'efficacy.language';

/** Switches the console's language (our strings, the component kit and number/date formats) together. */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly translate = inject(TranslateService);
  private readonly nzI18n = inject(NzI18nService);
  readonly current = signal<ConsoleLanguage>('zh-CN');

  init(): void {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    this.use(stored === 'en' ? 'en' : 'zh-CN');
  }

  toggle(): void {
    this.use(this.current() === 'zh-CN' ? 'en' : 'zh-CN');
  }

  use(language: ConsoleLanguage): void {
    this.current.set(language);
    this.translate.use(language);
    this.nzI18n.setLocale(language === 'zh-CN' ? zh_CN : en_US);
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
    globalThis.document?.documentElement.setAttribute('lang', language);
  }
}
