import { TestBed } from '@angular/core/testing';
import { HttpTestingController } from '@angular/common/http/testing';
import { ActivatedRoute, convertToParamMap } from '@angular/router';
import { of } from 'rxjs';
import {
  provideApiTesting,
  provideTestEnvironment,
  settle,
  signIn,
  TEST_API,
  useLanguage,
} from '@efficacy/console/core/testing';
import type { Role, TaskSummary } from '@efficacy/api-contract';
import { TasksInboxPage } from './tasks-inbox.page';

const OVERDUE: TaskSummary = {
  id: '6f1c3c0e-0000-4000-8000-000000000002',
  number: 12,
  title: '残联线下参评率整改',
  source: 'indicator',
  state: 'in_progress',
  regionCode: '640106',
  regionNameZh: '金凤区',
  leadUnitId: '640106:spj',
  leadUnitNameZh: '金凤区审批服务管理局',
  coUnitIds: [],
  openerRegion: '640106',
  openedBy: 'jinfeng.admin',
  openedAt: '2022-09-30T02:00:00.000Z',
  originalDeadline: '2022-10-12',
  deadline: '2022-10-20',
  indicator: 'offline_evaluation_rate',
  period: '2022-01..2022-08',
  pendingExtension: null,
  workingDays: 5,
  provisional: false,
  provisionalYears: [],
  clockProvisional: false,
  remainingWorkingDays: -3,
  elapsedWorkingDays: 13,
  overdueWorkingDays: 3,
  reminder: 'red',
  effect: null,
};

describe('TasksInboxPage', () => {
  async function open(role: Role, inbox: string | null, units: string[] = []) {
    await TestBed.configureTestingModule({
      imports: [TasksInboxPage],
      providers: [
        provideTestEnvironment(),
        provideApiTesting(),
        {
          provide: ActivatedRoute,
          useValue: { queryParamMap: of(convertToParamMap(inbox ? { inbox } : {})) },
        },
      ],
    }).compileComponents();
    useLanguage('zh-CN');
    signIn(role, ['640106'], units);
    const fixture = TestBed.createComponent(TasksInboxPage);
    fixture.detectChanges();
    return {
      fixture,
      http: TestBed.inject(HttpTestingController),
      el: fixture.nativeElement as HTMLElement,
    };
  }
  const tabs = (el: HTMLElement) =>
    Array.from(el.querySelectorAll('.ant-tabs-tab')).map((t) => t.textContent?.trim());

  it("gives a department head the unit's tasks and the sign-off inbox, opening on the unit's", async () => {
    const { fixture, http, el } = await open('dept-head', null, ['640106:spj']);
    http.expectOne(`${TEST_API}/tasks?inbox=unit`).flush([OVERDUE]);
    await settle(fixture);
    expect(tabs(el)).toEqual(['本单位任务', '待我签字', '全部任务']);
    const row = el.querySelector('[data-testid="task-row"]') as HTMLElement;
    expect(row.textContent).toContain('超期 3 个工作日');
    expect(row.querySelector('[data-testid="task-reminder"]')?.textContent).toContain('红色督办');
    expect(row.textContent).toContain('原期限 2022-10-12');
    expect(el.querySelector('[data-testid="inbox-summary"]')?.textContent).toContain(
      '即将到期 0 项 · 超期 1 项 · 红色督办 1 项',
    );
    expect(el.querySelector('[data-testid="new-task-link"]')).toBeNull();
    // Everything matching is on the page: no notice of a cut list.
    expect(el.querySelector('[data-testid="inbox-truncated"]')).toBeNull();
    http.verify();
  });

  it('marks a deadline counted across a year without its national notice 暂定, saying why', async () => {
    const { fixture, http, el } = await open('dept-head', null, ['640106:spj']);
    http.expectOne(`${TEST_API}/tasks?inbox=unit`).flush([
      OVERDUE,
      {
        ...OVERDUE,
        id: '6f1c3c0e-0000-4000-8000-000000000003',
        deadline: '2027-03-29',
        originalDeadline: '2027-03-29',
        provisional: true,
        provisionalYears: [2027],
      },
    ]);
    await settle(fixture);
    const marks = el.querySelectorAll('[data-testid="provisional-mark"]');
    expect(marks).toHaveLength(1);
    expect(marks[0].textContent?.trim()).toBe('暂定');
    expect(marks[0].getAttribute('title')).toBe(
      '2027年国务院节假日安排通知尚未载入：期限暂按周一至周五计算，载入通知后按相同工作日数自动重算。',
    );
  });

  it('says so when more tasks match than the page holds', async () => {
    const { fixture, http, el } = await open('county-admin', 'verify');
    http
      .expectOne(`${TEST_API}/tasks?inbox=verify`)
      .flush([OVERDUE], { headers: { 'x-total-count': '812' } });
    await settle(fixture);
    expect(el.querySelector('[data-testid="inbox-truncated"]')?.textContent).toContain(
      '共 812 项，按截止日期显示最早的 1 项',
    );
  });

  it('opens a city administrator on the first tab that has tasks, not on an empty one', async () => {
    const { fixture, http, el } = await open('city-admin', null);
    http.expectOne(`${TEST_API}/tasks?inbox=verify`).flush([]);
    await settle(fixture);
    http
      .expectOne(`${TEST_API}/tasks?inbox=opened`)
      .flush([OVERDUE], { headers: { 'x-total-count': '1' } });
    await settle(fixture);
    expect(el.querySelector('.ant-tabs-tab-active')?.textContent?.trim()).toBe('我发起的');
    expect(el.querySelector('[data-testid="task-row"]')?.textContent).toContain(
      '残联线下参评率整改',
    );
    http.verify();
  });

  it('gives a county administrator verification, opened and bulk, and honours ?inbox=verify', async () => {
    const { fixture, http, el } = await open('county-admin', 'verify');
    http.expectOne(`${TEST_API}/tasks?inbox=verify`).flush([]);
    await settle(fixture);
    expect(tabs(el)).toEqual(['待我核验', '我发起的', '全部任务']);
    expect(el.querySelector('[data-testid="new-task-link"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="bulk-link"]')).not.toBeNull();
    http.verify();
  });
});
