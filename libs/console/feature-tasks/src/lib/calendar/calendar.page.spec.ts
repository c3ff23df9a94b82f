import { TestBed } from '@angular/core/testing';
import { HttpTestingController } from '@angular/common/http/testing';
import {
  provideApiTesting,
  provideTestEnvironment,
  settle,
  signIn,
  TEST_API,
  useLanguage,
} from '@efficacy/console/core/testing';
import type {
  CalendarCoverage,
  CalendarEntry,
  RegionReminderPolicy,
  Role,
} from '@efficacy/api-contract';
import { BUSINESS_CLOCK } from '../business-clock';
import { CalendarPage } from './calendar.page';

/**
 * A fixed clock: 17:00 UTC on 31 December 2026 is already 1 January 2027 in Beijing, so the
 * page opens on 2027 whatever the machine's date and zone.
 */
const NOW = new Date('2026-12-31T17:00:00Z');
const YEAR = 2027;

const GURBAN: CalendarEntry = {
  date: `${YEAR}-05-27`,
  kind: 'holiday',
  name: '古尔邦节',
  regionPrefix: '64',
  updatedBy: 'yinchuan.admin',
  source: 'entered',
  noticeId: null,
};

const COVERAGE: CalendarCoverage = {
  today: '2027-01-01',
  coveredYears: [2025, 2026],
  packageYears: [2004, 2026],
  years: [
    { year: 2026, national: 'package', notice: null, regionalNotices: [] },
    { year: 2027, national: 'provisional', notice: null, regionalNotices: [] },
    { year: 2028, national: 'provisional', notice: null, regionalNotices: [] },
  ],
  warning: { year: 2027, message: 'the State Council notice for 2027 is not loaded' },
};

const POLICY: RegionReminderPolicy = {
  regionCode: '640100',
  dueSoonDays: 2,
  yellowAfterDays: 1,
  redAfterDays: 3,
  setFor: null,
  updatedBy: null,
};

describe('CalendarPage', () => {
  async function open(role: Role, days: CalendarEntry[] = [GURBAN]) {
    await TestBed.configureTestingModule({
      imports: [CalendarPage],
      providers: [
        provideTestEnvironment(),
        provideApiTesting(),
        { provide: BUSINESS_CLOCK, useValue: { now: () => NOW } },
      ],
    }).compileComponents();
    useLanguage('zh-CN');
    signIn(role, ['640100']);
    const fixture = TestBed.createComponent(CalendarPage);
    fixture.detectChanges();
    const http = TestBed.inject(HttpTestingController);
    http.expectOne(`${TEST_API}/calendar?year=${YEAR}`).flush(days);
    http.expectOne(`${TEST_API}/calendar/coverage`).flush(COVERAGE);
    http.expectOne(`${TEST_API}/tasks/reminder-policy?region=640100`).flush(POLICY);
    await settle(fixture);
    return { fixture, http, el: fixture.nativeElement as HTMLElement };
  }

  it("warns a city administrator that the year's notice is missing and loads it from the form", async () => {
    const { fixture, http, el } = await open('city-admin');
    const warning = el.querySelector('[data-testid="calendar-warning"]');
    expect(warning?.getAttribute('data-year')).toBe('2027');
    expect(warning?.textContent).toContain('2027年国务院办公厅节假日安排通知尚未载入');
    const years = Array.from(el.querySelectorAll('[data-testid="coverage-year"]')).map(
      (t) => `${t.getAttribute('data-year')} ${t.getAttribute('data-basis')}`,
    );
    expect(years).toEqual(['2026 package', '2027 provisional', '2028 provisional']);
    const type = (testid: string, value: string) => {
      const input = el.querySelector(`[data-testid="${testid}"]`) as
        | HTMLInputElement
        | HTMLTextAreaElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    type('notice-title', '国务院办公厅关于2028年部分节假日安排的通知');
    type('notice-days', '2028-01-01 放假 元旦\n2028-01-29..2028-01-30 放假 春节');
    await settle(fixture);
    (el.querySelector('[data-testid="notice-load"]') as HTMLButtonElement).click();
    const post = http.expectOne(`${TEST_API}/calendar/notices`);
    expect(post.request.method).toBe('POST');
    // The form proposes next year (Beijing) for the notice.
    expect(post.request.body).toEqual({
      year: 2028,
      title: '国务院办公厅关于2028年部分节假日安排的通知',
      days: [
        { date: '2028-01-01', kind: 'holiday', name: '元旦' },
        { date: '2028-01-29', kind: 'holiday', name: '春节' },
        { date: '2028-01-30', kind: 'holiday', name: '春节' },
      ],
    });
    post.flush({
      notice: {
        id: 'n1',
        year: 2028,
        regionPrefix: '',
        title: '国务院办公厅关于2028年部分节假日安排的通知',
        documentNumber: null,
        dayCount: 3,
        loadedBy: 'yinchuan.admin',
        loadedAt: NOW.toISOString(),
      },
      replaced: null,
      recomputed: [
        {
          taskId: 't',
          number: 7,
          from: '2028-01-03',
          to: '2028-01-04',
          workingDays: 5,
          provisionalYears: [],
        },
      ],
    });
    await settle(fixture);
    http.expectOne(`${TEST_API}/calendar?year=${YEAR}`).flush([]);
    http.expectOne(`${TEST_API}/calendar/coverage`).flush({ ...COVERAGE, warning: null });
    await settle(fixture);
    expect(el.querySelector('[data-testid="notice-result"]')?.textContent).toContain(
      '已载入 2028 年通知（3 天），重算了 1 项任务的期限',
    );
    expect(el.querySelector('[data-testid="calendar-warning"]')).toBeNull();
    http.verify();
  });

  it('names the line of a notice it cannot read, and sends nothing', async () => {
    const { fixture, http, el } = await open('city-admin');
    const title = el.querySelector('[data-testid="notice-title"]') as HTMLInputElement;
    title.value = '通知';
    title.dispatchEvent(new Event('input'));
    const days = el.querySelector('[data-testid="notice-days"]') as HTMLTextAreaElement;
    days.value = '2028-01-01 元旦';
    days.dispatchEvent(new Event('input'));
    await settle(fixture);
    (el.querySelector('[data-testid="notice-load"]') as HTMLButtonElement).click();
    await settle(fixture);
    expect(el.querySelector('[data-testid="notice-error"]')?.textContent).toContain(
      'line 1: 2028-01-01 元旦',
    );
    http.verify();
  });

  it('lets a city administrator add a day and lists regional closures with their prefix', async () => {
    const { fixture, http, el } = await open('city-admin');
    expect(el.querySelector('[data-testid="calendar-table"]')?.textContent).toContain('古尔邦节');
    const date = el.querySelector('[data-testid="calendar-date"]') as HTMLInputElement;
    date.value = `${YEAR}-10-01`;
    date.dispatchEvent(new Event('input'));
    const name = el.querySelector('[data-testid="calendar-name"]') as HTMLInputElement;
    name.value = '国庆节';
    name.dispatchEvent(new Event('input'));
    await settle(fixture);
    (el.querySelector('[data-testid="calendar-save"]') as HTMLButtonElement).click();
    const put = http.expectOne(`${TEST_API}/calendar/days`);
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({ date: `${YEAR}-10-01`, kind: 'holiday', name: '国庆节' });
    put.flush({});
    await settle(fixture);
    http.expectOne(`${TEST_API}/calendar?year=${YEAR}`).flush([]);
    // The reminder thresholds are the city's own: saved for 640100, inherited below it.
    expect(el.querySelector('[data-testid="policy-where"]')?.textContent).toContain('640100');
    (el.querySelector('[data-testid="policy-save"]') as HTMLButtonElement).click();
    const policy = http.expectOne(`${TEST_API}/tasks/reminder-policy?region=640100`);
    expect(policy.request.method).toBe('PUT');
    expect(policy.request.body).toEqual({ dueSoonDays: 2, yellowAfterDays: 1, redAfterDays: 3 });
    policy.flush({ ...POLICY, setFor: '640100', updatedBy: 'yinchuan.admin' });
    await settle(fixture);
    expect(el.querySelector('[data-testid="policy-where"]')?.textContent).toContain(
      'yinchuan.admin',
    );
    http.verify();
  });

  it('shows a county administrator the calendar without the editing form or the warning', async () => {
    const { el } = await open('county-admin');
    expect(el.querySelector('[data-testid="calendar-warning"]')).toBeNull();
    expect(el.querySelector('[data-testid="notice-card"]')).toBeNull();
    expect(el.querySelector('[data-testid="calendar-save"]')).toBeNull();
    expect(el.querySelector('[data-testid="policy-save"]')).toBeNull();
    expect(el.querySelector('[data-testid="policy-card"]')?.textContent).toContain('红色督办');
    expect(el.querySelector('[data-testid="calendar-table"]')?.textContent).toContain('64');
  });

  it("offers to remove the days that apply to the city administrator, not another province's", async () => {
    const henan: CalendarEntry = {
      ...GURBAN,
      date: `${YEAR}-05-28`,
      name: '河南测试',
      regionPrefix: '41',
    };
    // The package's days are data of the library, not rows to remove.
    const packaged: CalendarEntry = {
      ...GURBAN,
      date: `${YEAR}-05-29`,
      regionPrefix: '',
      updatedBy: null,
      source: 'package',
    };
    const { fixture, http, el } = await open('city-admin', [GURBAN, henan, packaged]);
    expect(el.querySelector(`[data-testid="calendar-remove-${YEAR}-05-28-41"]`)).toBeNull();
    expect(el.querySelector(`[data-testid="calendar-remove-${YEAR}-05-29-"]`)).toBeNull();
    (
      el.querySelector(`[data-testid="calendar-remove-${YEAR}-05-27-64"]`) as HTMLButtonElement
    ).click();
    const del = http.expectOne((r) => r.url === `${TEST_API}/calendar/days`);
    expect(del.request.method).toBe('DELETE');
    expect(del.request.params.get('date')).toBe(`${YEAR}-05-27`);
    expect(del.request.params.get('regionPrefix')).toBe('64');
    del.flush(GURBAN);
    await settle(fixture);
    http.expectOne(`${TEST_API}/calendar?year=${YEAR}`).flush([henan]);
    http.verify();
  });
});
