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
import type { CalendarEntry, RegionReminderPolicy, Role } from '@efficacy/api-contract';
import { CalendarPage } from './calendar.page';

const YEAR = new Date().getFullYear();

const GURBAN: CalendarEntry = {
  date: `${YEAR}-05-27`,
  kind: 'holiday',
  name: '古尔邦节',
  regionPrefix: '64',
  updatedBy: 'shipped',
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
      providers: [provideTestEnvironment(), provideApiTesting()],
    }).compileComponents();
    useLanguage('zh-CN');
    signIn(role, ['640100']);
    const fixture = TestBed.createComponent(CalendarPage);
    fixture.detectChanges();
    const http = TestBed.inject(HttpTestingController);
    http.expectOne(`${TEST_API}/calendar?year=${YEAR}`).flush(days);
    http.expectOne(`${TEST_API}/tasks/reminder-policy?region=640100`).flush(POLICY);
    await settle(fixture);
    return { fixture, http, el: fixture.nativeElement as HTMLElement };
  }

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

  it('shows a county administrator the calendar without the editing form', async () => {
    const { el } = await open('county-admin');
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
    const { fixture, http, el } = await open('city-admin', [GURBAN, henan]);
    expect(el.querySelector(`[data-testid="calendar-remove-${YEAR}-05-28-41"]`)).toBeNull();
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
