import { TestBed } from '@angular/core/testing';
import { HttpTestingController } from '@angular/common/http/testing';
import {
  provideApiTesting,
  provideTestEnvironment,
  settle,
  signIn,
  TEST_API,
  useLanguage,
  JINFENG,
} from '@efficacy/console/core/testing';
import { OverviewPage } from './overview.page';

const PERIOD = '2022-01..2022-08';

describe('OverviewPage', () => {
  async function open(region: string, lang: 'zh-CN' | 'en' = 'zh-CN') {
    await TestBed.configureTestingModule({
      imports: [OverviewPage],
      providers: [provideTestEnvironment(), provideApiTesting()],
    }).compileComponents();
    useLanguage(lang);
    signIn('city-admin');
    const fixture = TestBed.createComponent(OverviewPage);
    fixture.componentRef.setInput('region', region);
    fixture.componentRef.setInput('period', PERIOD);
    fixture.detectChanges();
    const http = TestBed.inject(HttpTestingController);
    http.expectOne(`${TEST_API}/regions`).flush([]);
    http.expectOne(`${TEST_API}/indicators`).flush([]);
    return { fixture, http, el: fixture.nativeElement as HTMLElement };
  }

  /** The region's headline indicators: the default list unless a test sets its own. */
  const headlines = (
    http: HttpTestingController,
    region: string,
    indicators = ['item_coverage', 'offline_evaluation_rate', 'satisfaction'],
  ) =>
    http.expectOne(`${TEST_API}/headlines?region=${region}`).flush({
      regionCode: region,
      indicators,
      setOn: null,
      setOnNameZh: null,
      inherited: true,
    });

  const assessmentUrl = (region: string, period: string) =>
    `${TEST_API}/assessments?region=${region}&period=${period}`;

  it('shows a skeleton, then each unit against each indicator in traffic-light colours', async () => {
    const { fixture, http, el } = await open('640106');
    expect(el.querySelector('[data-testid="loading"] nz-skeleton')).not.toBeNull();
    http.expectOne(assessmentUrl('640106', PERIOD)).flush(JINFENG);
    headlines(http, '640106');
    await settle(fixture);
    const cell = (subject: string) =>
      el.querySelector(
        `tr[data-subject="${subject}"] td[data-indicator="offline_evaluation_rate"]`,
      );
    expect(cell('640106')?.textContent?.trim()).toBe('98.95%');
    expect(cell('640106')?.getAttribute('data-status')).toBe('met');
    expect(cell('640106:spj')?.textContent?.trim()).toBe('98.87%');
    expect(cell('640106:cl')?.getAttribute('data-status')).toBe('missed');
    expect(cell('640106100000')?.getAttribute('data-status')).toBe('close');
    expect(cell('640106:gaj')?.textContent?.trim()).toBe('/');
    expect(el.querySelector('[data-testid="overview-heading"]')?.textContent).toContain(
      '金凤区 · 2022年1-8月',
    );
  });

  it('lists who is behind with the gap in plain words', async () => {
    const { fixture, http, el } = await open('640106');
    http.expectOne(assessmentUrl('640106', PERIOD)).flush(JINFENG);
    headlines(http, '640106');
    await settle(fixture);
    const texts = Array.from(el.querySelectorAll('[data-testid="behind-text"]')).map(
      (e) => e.textContent,
    );
    expect(texts).toContain('线下参评率 53.03%，低于目标 98.5% 45.47 个百分点，需再评价 31 件');
    expect(texts).toContain('线下参评率 98.33%，低于目标 98.5% 0.17 个百分点，需再评价 1 件');
  });

  it('says it in English after the switch', async () => {
    const { fixture, http, el } = await open('640106', 'en');
    http.expectOne(assessmentUrl('640106', PERIOD)).flush(JINFENG);
    headlines(http, '640106');
    await settle(fixture);
    expect(el.querySelector('[data-testid="behind-list"]')?.textContent).toContain(
      'offline evaluation rate 53.03%, 45.47 percentage points below the target of 98.5%; 31 more cases need an evaluation',
    );
  });

  it('shows only the headline indicators, says where they were chosen, and all on request', async () => {
    const { fixture, http, el } = await open('640106');
    http.expectOne(assessmentUrl('640106', PERIOD)).flush(JINFENG);
    http.expectOne(`${TEST_API}/headlines?region=640106`).flush({
      regionCode: '640106',
      indicators: ['satisfaction'],
      setOn: '640100',
      setOnNameZh: '银川市',
      inherited: true,
    });
    await settle(fixture);
    const columns = () =>
      new Set(
        Array.from(el.querySelectorAll('td[data-indicator]')).map((td) =>
          td.getAttribute('data-indicator'),
        ),
      );
    expect([...columns()]).toEqual(['satisfaction']);
    expect(el.querySelector('[data-testid="headline-origin"]')?.textContent).toContain(
      '重点指标由银川市设置',
    );
    const all = Array.from(el.querySelectorAll('[data-testid="headline-toggle"] label')).find((l) =>
      l.textContent?.includes('全部指标'),
    ) as HTMLElement;
    expect(all.textContent).toContain(`(+${JINFENG.indicators.length - 1})`);
    all.click();
    await settle(fixture);
    expect(columns().has('offline_evaluation_rate')).toBe(true);
    // An administrator (target:write) may choose the region's own list.
    expect(el.querySelector('[data-testid="configure-headlines"]')).not.toBeNull();
  });

  it('shows "no access" when the region is outside the scope (the API answers 404)', async () => {
    const { fixture, http, el } = await open('640181');
    http
      .expectOne(assessmentUrl('640181', PERIOD))
      .flush(
        { statusCode: 404, error: 'not found', message: 'region "640181" not found' },
        { status: 404, statusText: 'Not Found' },
      );
    await settle(fixture);
    const state = el.querySelector('[data-testid="no-access"]');
    expect(state?.textContent).toContain('无权访问');
    expect(state?.textContent).toContain('region "640181" not found');
  });

  it('asks for the months of a cumulative period, for the trend', async () => {
    const { fixture, http } = await open('640106');
    http.expectOne(assessmentUrl('640106', PERIOD)).flush(JINFENG);
    headlines(http, '640106');
    await settle(fixture);
    for (let m = 1; m <= 8; m++)
      http.expectOne(assessmentUrl('640106', `2022-0${m}`)).flush(JINFENG);
    http.expectOne(`${TEST_API}/tasks/overview?region=640106`).flush([]);
    http.verify();
  });

  it('reminds of open, overdue and red rectification tasks below the region', async () => {
    const { fixture, http, el } = await open('640106');
    http.expectOne(assessmentUrl('640106', PERIOD)).flush(JINFENG);
    headlines(http, '640106');
    await settle(fixture);
    http.expectOne(`${TEST_API}/tasks/overview?region=640106`).flush([
      { regionCode: '640106', regionNameZh: '金凤区', byState: {}, open: 5, overdue: 2, red: 1 },
      {
        regionCode: '640106100000',
        regionNameZh: '良田镇',
        byState: {},
        open: 1,
        overdue: 0,
        red: 0,
      },
    ]);
    await settle(fixture);
    const reminder = el.querySelector('[data-testid="task-reminders"]');
    expect(reminder?.textContent).toContain('在办 6 件，其中逾期 2 件、红色预警 1 件');
    expect(reminder?.textContent).toContain('有逾期任务的地区：金凤区');
  });
});
