import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideTranslateService, TranslateService } from '@ngx-translate/core';
import { NotFoundPage } from './not-found.page';
import { EN, ZH_CN } from '@efficacy/console/core';

describe('NotFoundPage', () => {
  async function render(lang: 'zh-CN' | 'en') {
    await TestBed.configureTestingModule({
      imports: [NotFoundPage],
      providers: [provideRouter([]), provideTranslateService({ lang: 'zh-CN' })],
    }).compileComponents();
    const translate = TestBed.inject(TranslateService);
    translate.setTranslation('zh-CN', ZH_CN);
    translate.setTranslation('en', EN);
    translate.use(lang);
    const fixture = TestBed.createComponent(NotFoundPage);
    fixture.detectChanges();
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('tells the user in Chinese that the page does not exist and links back', async () => {
    const el = await render('zh-CN');
    expect(el.textContent).toContain('页面不存在');
    expect(el.querySelector('a[href="/home"]')?.textContent).toContain('返回工作台');
  });

  it('speaks English after the switch', async () => {
    const el = await render('en');
    expect(el.textContent).toContain('Page not found');
  });
});
