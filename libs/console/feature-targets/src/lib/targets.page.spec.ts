import { TestBed } from '@angular/core/testing';
import { HttpTestingController } from '@angular/common/http/testing';
import type { IndicatorSummary, Role, TargetView } from '@efficacy/api-contract';
import {
  provideApiTesting,
  provideTestEnvironment,
  settle,
  signIn,
  TEST_API,
  useLanguage,
} from '@efficacy/console/core/testing';
import { TargetsPage } from './targets.page';

const INHERITED: TargetView = {
  id: 't1',
  indicator: 'offline_evaluation_rate',
  indicatorNameZh: '线下参评率',
  indicatorNameEn: 'offline evaluation rate',
  regionCode: '640106',
  regionNameZh: '金凤区',
  year: 2022,
  comparator: '>=',
  value: 98.5,
  textZh: '≥ 98.5',
  setOn: '640100',
  setOnNameZh: '银川市',
  inherited: true,
  setBy: '银川市',
  setAt: '2022-09-13T00:00:00.000Z',
  noteZh: '2022年评价率98.5%以上',
};
const OWN: TargetView = {
  ...INHERITED,
  id: 't2',
  indicator: 'bad_review_rectification_rate',
  indicatorNameZh: '差评整改率',
  value: 100,
  setOn: '640106',
  setOnNameZh: '金凤区',
  inherited: false,
};
const INDICATORS = [
  { code: 'offline_evaluation_rate', nameZh: '线下参评率', unit: 'percent' },
  { code: 'bad_review_rectification_rate', nameZh: '差评整改率', unit: 'percent' },
] as IndicatorSummary[];

describe('TargetsPage', () => {
  async function open(role: Role) {
    await TestBed.configureTestingModule({
      imports: [TargetsPage],
      providers: [provideTestEnvironment(), provideApiTesting()],
    }).compileComponents();
    useLanguage('zh-CN');
    signIn(role, ['640106']);
    const fixture = TestBed.createComponent(TargetsPage);
    fixture.componentRef.setInput('year', '2022');
    fixture.detectChanges();
    const http = TestBed.inject(HttpTestingController);
    http.expectOne(`${TEST_API}/regions`).flush([]);
    http.expectOne(`${TEST_API}/indicators`).flush(INDICATORS);
    http.expectOne(`${TEST_API}/targets?region=640106&year=2022`).flush([INHERITED, OWN]);
    await settle(fixture);
    return { fixture, http, el: fixture.nativeElement as HTMLElement };
  }

  it('shows each target as printed, and where it was set', async () => {
    const { el } = await open('county-admin');
    const inherited = el.querySelector('tr[data-indicator="offline_evaluation_rate"]');
    expect(inherited?.querySelector('[data-testid="target-text"]')?.textContent?.trim()).toBe(
      '≥ 98.5%',
    );
    expect(inherited?.querySelector('[data-testid="target-origin"]')?.textContent?.trim()).toBe(
      '继承自银川市',
    );
    const own = el.querySelector('tr[data-indicator="bad_review_rectification_rate"]');
    expect(own?.querySelector('[data-testid="target-origin"]')?.textContent?.trim()).toBe(
      '本级设定',
    );
    expect(inherited?.querySelector('[data-testid="target-edit"]')?.textContent).toContain(
      '本级覆盖',
    );
    expect(own?.querySelector('[data-testid="target-edit"]')?.textContent).toContain('编辑');
  });

  it('hides adding and editing from a user without target:write', async () => {
    const { el } = await open('dept-staff');
    expect(el.querySelectorAll('tr[data-indicator]')).toHaveLength(2);
    expect(el.querySelector('[data-testid="target-add"]')).toBeNull();
    expect(el.querySelector('[data-testid="target-edit"]')).toBeNull();
  });

  it('overrides an inherited target on this region and shows the API’s refusal in the dialog', async () => {
    const { fixture, http, el } = await open('county-admin');
    el.querySelector<HTMLElement>(
      'tr[data-indicator="offline_evaluation_rate"] [data-testid="target-edit"]',
    )?.click();
    await settle(fixture);
    expect(document.querySelector('[data-testid="target-dialog"]')?.textContent).toContain(
      '此目标继承自银川市',
    );
    document.querySelector<HTMLElement>('[data-testid="target-save"]')?.click();
    const put = http.expectOne(`${TEST_API}/targets`);
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({
      indicator: 'offline_evaluation_rate',
      regionCode: '640106',
      year: 2022,
      comparator: '>=',
      value: 98.5,
      noteZh: '2022年评价率98.5%以上',
    });
    put.flush(
      { statusCode: 403, message: 'region 640100 (银川市) is above your scope' },
      { status: 403, statusText: 'Forbidden' },
    );
    await settle(fixture);
    expect(document.querySelector('[data-testid="target-error"]')?.textContent).toContain(
      'is above your scope',
    );
  });

  it('offers delete on the region’s own targets only, and deletes after a confirmation', async () => {
    const { fixture, http, el } = await open('county-admin');
    expect(
      el.querySelector(
        'tr[data-indicator="offline_evaluation_rate"] [data-testid="target-delete"]',
      ),
    ).toBeNull();
    el.querySelector<HTMLElement>(
      'tr[data-indicator="bad_review_rectification_rate"] [data-testid="target-delete"]',
    )?.click();
    await settle(fixture);
    expect(document.querySelector('.ant-popover')?.textContent).toContain(
      '删除本级设定的2022年「差评整改率」目标？',
    );
    http.expectNone(() => true);
    document.querySelector<HTMLElement>('.ant-popover .ant-btn-primary')?.click();
    const del = http.expectOne(
      `${TEST_API}/targets?indicator=bad_review_rectification_rate&region=640106&year=2022`,
    );
    expect(del.request.method).toBe('DELETE');
    del.flush({ removed: 1, target: 't2' });
    await settle(fixture);
    http.expectOne(`${TEST_API}/targets?region=640106&year=2022`).flush([INHERITED]);
    await settle(fixture);
    expect(el.querySelectorAll('tr[data-indicator]')).toHaveLength(1);
  });

  it('opens on the newest year that has targets when the address names none', async () => {
    await TestBed.configureTestingModule({
      imports: [TargetsPage],
      providers: [provideTestEnvironment(), provideApiTesting()],
    }).compileComponents();
    useLanguage('zh-CN');
    signIn('county-admin', ['640106']);
    const fixture = TestBed.createComponent(TargetsPage);
    fixture.detectChanges();
    const http = TestBed.inject(HttpTestingController);
    http.expectOne(`${TEST_API}/regions`).flush([]);
    http.expectOne(`${TEST_API}/indicators`).flush(INDICATORS);
    http.expectOne(`${TEST_API}/targets?region=640106`).flush([INHERITED, { ...OWN, year: 2021 }]);
    await settle(fixture);
    http.expectOne(`${TEST_API}/targets?region=640106&year=2022`).flush([INHERITED]);
    await settle(fixture);
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('[data-testid="target-year"]')?.textContent).toContain('2022');
    expect(el.querySelectorAll('tr[data-indicator]')).toHaveLength(1);
  });
});
