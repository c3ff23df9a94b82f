import { TestBed } from '@angular/core/testing';
import { HttpTestingController } from '@angular/common/http/testing';
import { provideRouter } from '@angular/router';
import {
  provideApiTesting,
  provideTestEnvironment,
  settle,
  signIn,
  TEST_API,
  useLanguage,
} from '@efficacy/console/core/testing';
import type { HealthResponse, Role } from '@efficacy/api-contract';
import { HomePage } from './home.page';

const HEALTH: HealthResponse = {
  status: 'ok',
  details: {
    database: { status: 'up' },
    keycloak: { status: 'up' },
    calendar: { status: 'up', coveredYears: '2004–2026', missingNoticeYear: 2027 },
  },
};

describe('HomePage (workbench)', () => {
  async function open(role: Role) {
    await TestBed.configureTestingModule({
      imports: [HomePage],
      providers: [provideTestEnvironment(), provideApiTesting(), provideRouter([])],
    }).compileComponents();
    useLanguage('zh-CN');
    signIn(role, ['640100']);
    const fixture = TestBed.createComponent(HomePage);
    fixture.detectChanges();
    TestBed.inject(HttpTestingController).expectOne(`${TEST_API}/health`).flush(HEALTH);
    await settle(fixture);
    return fixture.nativeElement as HTMLElement;
  }

  it('tells a city administrator that next year’s holiday notice is missing, with a link to load it', async () => {
    const el = await open('city-admin');
    const warning = el.querySelector('[data-testid="calendar-warning"]');
    expect(warning?.textContent).toContain('2027年国务院节假日安排通知尚未载入');
    expect(warning?.querySelector('a')?.getAttribute('href')).toBe('/tasks/calendar');
  });

  it('does not bother those who cannot load it', async () => {
    const el = await open('dept-staff');
    expect(el.querySelector('[data-testid="calendar-warning"]')).toBeNull();
  });
});
