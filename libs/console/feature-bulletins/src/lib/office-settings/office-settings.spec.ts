import { TestBed } from '@angular/core/testing';
import { provideTestEnvironment, settle, useLanguage } from '@efficacy/console/core/testing';
import type { BulletinOffice, BulletinOfficeSettings } from '@efficacy/api-contract';
import { OfficeSettingsForm } from './office-settings';

const UNSET: BulletinOfficeSettings = {
  regionCode: '640106',
  missing: ['issuer', 'signature', 'numberPrefix', 'printedBy'],
};

describe('OfficeSettingsForm', () => {
  async function open(settings: BulletinOfficeSettings, editable = true) {
    await TestBed.configureTestingModule({
      imports: [OfficeSettingsForm],
      providers: [provideTestEnvironment()],
    }).compileComponents();
    useLanguage('zh-CN');
    const fixture = TestBed.createComponent(OfficeSettingsForm);
    fixture.componentRef.setInput('settings', settings);
    fixture.componentRef.setInput('editable', editable);
    fixture.detectChanges();
    await settle(fixture);
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }
  const type = (el: HTMLElement, field: string, value: string) => {
    const input = el.querySelector(`[data-testid="office-${field}"]`) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };

  it('asks for the settings on first use and saves them once complete', async () => {
    const { fixture, el } = await open(UNSET);
    expect(el.querySelector('[data-testid="office-first-run"]')?.textContent).toContain(
      '首次使用：请先填写本地区的发文机关设置',
    );
    const saved: BulletinOffice[] = [];
    fixture.componentInstance.save.subscribe((o) => saved.push(o));
    const save = () => el.querySelector('[data-testid="office-save"]') as HTMLButtonElement;
    type(el, 'issuer', '金凤区审批服务管理局');
    await settle(fixture);
    expect(save().disabled).toBe(true);
    type(el, 'signature', '金凤区审批服务管理局');
    type(el, 'numberPrefix', '金审管');
    type(el, 'printedBy', '金凤区审批服务管理局办公室');
    await settle(fixture);
    expect(save().disabled).toBe(false);
    save().click();
    await settle(fixture);
    expect(saved).toEqual([
      {
        issuer: '金凤区审批服务管理局',
        signature: '金凤区审批服务管理局',
        numberPrefix: '金审管',
        copyTo: '',
        printedBy: '金凤区审批服务管理局办公室',
      },
    ]);
  });

  it('shows saved settings without the prompt, read-only without the draft permission', async () => {
    const { el } = await open(
      {
        regionCode: '640106',
        missing: [],
        office: {
          issuer: '金凤区审批服务管理局',
          signature: '金凤区审批服务管理局',
          numberPrefix: '金审管',
          copyTo: '',
          printedBy: '金凤区审批服务管理局办公室',
        },
      },
      false,
    );
    expect(el.querySelector('[data-testid="office-first-run"]')).toBeNull();
    expect(el.querySelector('[data-testid="office-save"]')).toBeNull();
    const issuer = el.querySelector('[data-testid="office-issuer"]') as HTMLInputElement;
    expect(issuer.value).toBe('金凤区审批服务管理局');
    expect(issuer.disabled).toBe(true);
  });
});
