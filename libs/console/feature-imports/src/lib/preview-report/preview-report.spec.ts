import { TestBed } from '@angular/core/testing';
import { provideTestEnvironment, useLanguage } from '@efficacy/console/core/testing';
import { PreviewReport } from './preview-report';
import { PREVIEW } from '../../testing/preview.fixture';

describe('PreviewReport', () => {
  async function render(canCommit = true) {
    await TestBed.configureTestingModule({
      imports: [PreviewReport],
      providers: [provideTestEnvironment()],
    }).compileComponents();
    useLanguage('zh-CN');
    const fixture = TestBed.createComponent(PreviewReport);
    fixture.componentRef.setInput('preview', PREVIEW);
    fixture.componentRef.setInput('reportKindName', '好差评情况统计表');
    fixture.componentRef.setInput('canCommit', canCommit);
    fixture.detectChanges();
    await fixture.whenStable();
    return fixture;
  }

  it('shows the detected adapter, its confidence, the report kind, period and region', async () => {
    const el = (await render()).nativeElement as HTMLElement;
    const summary = el.querySelector('[data-testid="preview-summary"]')?.textContent ?? '';
    expect(summary).toContain('ningxia v1.0.0');
    expect(summary).toContain('置信度 100%');
    expect(summary).toContain('好差评情况统计表');
    expect(summary).toContain('2022-01..2022-08');
    expect(summary).toContain('金凤区 640106');
  });

  it('badges each printed name with how it matched', async () => {
    const el = (await render()).nativeElement as HTMLElement;
    const badge = (name: string) =>
      el.querySelector(`tr[data-name="${name}"] [data-match]`)?.textContent?.trim();
    expect(badge('审批局')).toBe('别名');
    expect(badge('金凤区自然资源局')).toBe('精确匹配');
    expect(badge('丰登镇民生中心')).toBe('待确认');
  });

  it('keeps the import button disabled until every suggested name is confirmed, then sends the choice', async () => {
    const fixture = await render();
    const el = fixture.nativeElement as HTMLElement;
    const button = () => el.querySelector<HTMLButtonElement>('[data-testid="commit-button"]');
    expect(button()?.disabled).toBe(true);
    expect(button()?.textContent).toContain('还有 1 个名称待确认');

    const sent: Record<string, string>[] = [];
    fixture.componentInstance.commit.subscribe((c) => sent.push(c));
    (fixture.componentInstance as unknown as { confirm(n: string, u: string): void }).confirm(
      '丰登镇民生中心',
      '640106:fengdeng-mszx',
    );
    fixture.detectChanges();
    await fixture.whenStable();
    expect(button()?.disabled).toBe(false);
    button()?.click();
    expect(sent).toEqual([{ 丰登镇民生中心: '640106:fengdeng-mszx' }]);
  });

  it('hides the import button from a user who may only preview', async () => {
    const el = (await render(false)).nativeElement as HTMLElement;
    expect(el.querySelector('[data-testid="commit-button"]')).toBeNull();
  });

  it('marks a printed rate that its counts do not give, with the difference', async () => {
    const fixture = await render();
    const el = fixture.nativeElement as HTMLElement;
    // The values tab is the second one.
    el.querySelectorAll<HTMLElement>('.ant-tabs-tab-btn')[1].click();
    fixture.detectChanges();
    await fixture.whenStable();
    const row = el.querySelector('tr[data-subject="丰登镇民生服务中心"]');
    expect(row?.classList).toContain('preview__discrepancy');
    expect(row?.querySelector('[data-testid="discrepancy"]')?.textContent).toContain(
      '不一致 -0.01',
    );
    expect(
      el
        .querySelector('tr[data-subject="银川市公安局金凤区分局"] [data-testid="reported"]')
        ?.textContent?.trim(),
    ).toBe('/');
    expect(el.textContent).toContain('有 1 个印刷值与按计数计算的结果不一致');
  });
});
