import { TestBed } from '@angular/core/testing';
import { provideTestEnvironment, settle, useLanguage } from '@efficacy/console/core/testing';
import type { BulletinTemplates } from '@efficacy/api-contract';
import { DEFAULT_TEMPLATE_VERSION } from '../../testing/templates.fixture';
import { TemplateEditor } from './template-editor';

describe('TemplateEditor', () => {
  async function open(editable: boolean) {
    await TestBed.configureTestingModule({
      imports: [TemplateEditor],
      providers: [provideTestEnvironment()],
    }).compileComponents();
    useLanguage('zh-CN');
    const fixture = TestBed.createComponent(TemplateEditor);
    fixture.componentRef.setInput('version', DEFAULT_TEMPLATE_VERSION);
    fixture.componentRef.setInput('editable', editable);
    fixture.detectChanges();
    await settle(fixture);
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  it('edits the issuer, adds a requirement and emits the templates to save', async () => {
    const { fixture, el } = await open(true);
    const saved: BulletinTemplates[] = [];
    fixture.componentInstance.save.subscribe((t) => saved.push(t));
    const issuer = el.querySelector('[data-testid="template-issuer"]') as HTMLInputElement;
    issuer.value = '{region}审批服务管理局';
    issuer.dispatchEvent(new Event('input'));
    (el.querySelector('[data-testid="add-requirement"]') as HTMLButtonElement).click();
    await settle(fixture);
    const inputs = el.querySelectorAll<HTMLInputElement>('[data-requirement="1"] input');
    inputs[0].value = '全量归集电子证照数据';
    inputs[0].dispatchEvent(new Event('input'));
    await settle(fixture);
    (el.querySelector('[data-testid="save-templates"]') as HTMLButtonElement).click();
    await settle(fixture);
    expect(saved).toHaveLength(1);
    expect(saved[0].issuer).toBe('{region}审批服务管理局');
    expect(saved[0].requirements.map((r) => r.title)).toEqual([
      '提高事项覆盖率',
      '全量归集电子证照数据',
    ]);
  });

  it('is read-only without the draft permission', async () => {
    const { el } = await open(false);
    expect(el.querySelector('[data-testid="save-templates"]')).toBeNull();
    expect((el.querySelector('[data-testid="template-issuer"]') as HTMLInputElement).disabled).toBe(
      true,
    );
  });
});
