import { TestBed } from '@angular/core/testing';
import { HttpTestingController } from '@angular/common/http/testing';
import { Router } from '@angular/router';
import {
  provideApiTesting,
  provideTestEnvironment,
  settle,
  signIn,
  TEST_API,
  JINFENG,
  useLanguage,
} from '@efficacy/console/core/testing';
import type { Role } from '@efficacy/api-contract';
import { SupervisionPage } from './supervision.page';
import { JINFENG_WITH_FINDINGS } from './supervision-fixtures';

const PERIOD = '2022-01..2022-08';

describe('SupervisionPage', () => {
  async function open(role: Role, tab?: string, assessment = JINFENG_WITH_FINDINGS) {
    await TestBed.configureTestingModule({
      imports: [SupervisionPage],
      providers: [provideTestEnvironment(), provideApiTesting()],
    }).compileComponents();
    useLanguage('zh-CN');
    signIn(role);
    const fixture = TestBed.createComponent(SupervisionPage);
    fixture.componentRef.setInput('region', '640106');
    fixture.componentRef.setInput('period', PERIOD);
    if (tab) fixture.componentRef.setInput('tab', tab);
    fixture.detectChanges();
    const http = TestBed.inject(HttpTestingController);
    http.expectOne(`${TEST_API}/regions`).flush([]);
    http.expectOne(`${TEST_API}/assessments?region=640106&period=${PERIOD}`).flush(assessment);
    http.expectOne(`${TEST_API}/units?region=640106`).flush([
      {
        id: '640106:yczmj',
        kind: 'department',
        nameZh: '区烟草专卖局',
        regionCode: '640106',
        aliases: [],
      },
    ]);
    await settle(fixture);
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  it('tells departments, townships and centres apart, and filters on one kind', async () => {
    const { fixture, el } = await open('county-admin');
    const label = el.querySelector('label[for="group-filter"]');
    expect(label?.textContent?.trim()).toBe('类别');
    (el.querySelector('[data-testid="group-filter"] .ant-select-selector') as HTMLElement).click();
    await settle(fixture);
    const options = Array.from(document.querySelectorAll('.ant-select-item-option'));
    const labels = options.map((o) => o.textContent?.trim());
    expect(labels[0]).toMatch(/^全部 \d+$/);
    expect(labels).toContainEqual(expect.stringMatching(/^部门 \d+$/));
    expect(labels).toContainEqual(expect.stringMatching(/^乡镇（街道） \d+$/));
    (options.find((o) => o.textContent?.includes('部门')) as HTMLElement).click();
    await settle(fixture);
    const groups = Array.from(el.querySelectorAll('[data-testid="below-row"]')).map((r) =>
      r.getAttribute('data-group'),
    );
    expect(groups.length).toBeGreaterThan(0);
    expect(new Set(groups)).toEqual(new Set(['department']));
  });

  it('counts each kind of finding and lists the units below target with the gap in words', async () => {
    const { el } = await open('county-admin');
    const count = (id: string) =>
      el.querySelector(`[data-testid="${id}"] .ant-statistic-content-value`)?.textContent?.trim();
    expect(count('count-zero')).toBe('2');
    expect(count('count-discrepancies')).toBe('2');
    expect(count('count-gaming')).toBe('1');
    const cl = el.querySelector('tr[data-finding="offline_evaluation_rate:unit:640106:cl"]');
    expect(cl?.textContent).toContain('53.03%');
    expect(cl?.querySelector('[data-testid="gap-sentence"]')?.textContent).toContain(
      '低于目标 98.5% 45.47 个百分点，需再评价 31 件',
    );
  });

  it('opens a prefilled rectification task in one click', async () => {
    const { fixture, el } = await open('county-admin');
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const row = el.querySelector('tr[data-finding="offline_evaluation_rate:unit:640106:cl"]');
    (row?.querySelector('[data-testid="open-task"]') as HTMLButtonElement).click();
    await settle(fixture);
    expect(navigate).toHaveBeenCalledWith(['/tasks', 'new'], {
      queryParams: {
        source: 'indicator',
        indicator: 'offline_evaluation_rate',
        unit: '640106:cl',
        region: '640106',
        period: PERIOD,
      },
    });
  });

  it('shows discrepancies with the cell they were read from', async () => {
    const { el } = await open('county-admin', 'discrepancies');
    const rows = el.querySelectorAll('[data-testid="finding-row"]');
    expect(rows.length).toBe(2);
    const rate = el.querySelector('tr[data-kind="discrepancy"]');
    expect(rate?.textContent).toContain('丰登镇民生服务中心印刷的参评率96.31%');
    expect(rate?.querySelector('[data-testid="finding-cell"]')?.textContent).toContain(
      'jinfeng-2022-01to08-annex2-haochaping.xlsx · 附件2 · 第21行 · F列',
    );
  });

  it('offers no "open task" to a role that cannot open tasks', async () => {
    const { el } = await open('auditor');
    expect(el.querySelectorAll('[data-testid="below-row"]').length).toBeGreaterThan(0);
    expect(el.querySelector('[data-testid="open-task"]')).toBeNull();
  });

  it('says so when there is nothing to act on, rather than showing an empty table', async () => {
    const { el } = await open('county-admin', 'gaming', { ...JINFENG, signals: [], warnings: [] });
    expect(el.querySelector('[data-testid="empty-gaming"]')?.textContent).toContain(
      '本期没有发现仅靠“测试件”或少量办件维持覆盖的事项',
    );
  });
});
