import { TestBed } from '@angular/core/testing';
import { HttpTestingController } from '@angular/common/http/testing';
import type { Assessment, Coverage, RegionDetail } from '@efficacy/api-contract';
import {
  JINFENG,
  SPJ_EXPLANATION,
  provideApiTesting,
  provideTestEnvironment,
  settle,
  signIn,
  TEST_API,
  useLanguage,
} from '@efficacy/console/core/testing';
import { DetailPage } from './detail.page';

const PERIOD = '2022-01..2022-08';
const JINFENG_REGION: RegionDetail = {
  code: '640106',
  level: 'county',
  nameZh: '金凤区',
  nameEn: 'Jinfeng',
  generatedCode: false,
  asOf: '2022-08-31',
  ancestors: [
    { code: '640100', nameZh: '银川市', nameEn: 'Yinchuan', inScope: false },
    { code: '640000', nameZh: '宁夏回族自治区', nameEn: 'Ningxia', inScope: false },
  ],
  children: [],
  units: [],
};

const YINCHUAN_REGION: RegionDetail = {
  code: '640100',
  level: 'city',
  nameZh: '银川市',
  nameEn: 'Yinchuan',
  generatedCode: false,
  asOf: '2022-08-31',
  ancestors: [{ code: '640000', nameZh: '宁夏回族自治区', nameEn: 'Ningxia', inScope: false }],
  children: [],
  units: [],
};

/** 银川市 is 金凤区 alone: 灵武市 sent nothing (the engine's answer, trimmed to one indicator). */
const YINCHUAN_COVERAGE: Coverage = {
  memberLevel: 'county',
  expected: 2,
  reported: 1,
  withFigures: 1,
  notApplicable: [],
  notConnected: [],
  missing: [{ subject: { kind: 'region', code: '640181' }, nameZh: '灵武市', status: 'missing' }],
  minShare: 1,
  printedTotal: false,
  partial: true,
};
const RATE = JINFENG.indicators[0];
const YINCHUAN: Assessment = {
  ...JINFENG,
  regionCode: '640100',
  regionNameZh: '银川市',
  regionNameEn: 'Yinchuan',
  indicators: [
    {
      ...RATE,
      region: {
        ...RATE.region,
        subject: { kind: 'region', code: '640100' },
        nameZh: '银川市',
        nameEn: 'Yinchuan',
        kind: 'city',
        coverage: YINCHUAN_COVERAGE,
        ...(RATE.region.target
          ? { target: { ...RATE.region.target, status: 'partial', asIfComplete: 'met' } }
          : {}),
      },
      children: [
        { ...RATE.region, rank: 1 },
        {
          subject: { kind: 'region', code: '640181' },
          nameZh: '灵武市',
          nameEn: 'Lingwu',
          kind: 'county',
          value: { status: 'missing', display: '', source: 'none' },
          change: {},
        },
      ],
      ranked: 1,
      expected: 2,
    },
  ],
};

describe('DetailPage', () => {
  async function open(kind: 'region' | 'unit', key: string) {
    await TestBed.configureTestingModule({
      imports: [DetailPage],
      providers: [provideTestEnvironment(), provideApiTesting()],
    }).compileComponents();
    useLanguage('zh-CN');
    signIn('county-admin', ['640106']);
    const fixture = TestBed.createComponent(DetailPage);
    fixture.componentRef.setInput('kind', kind);
    fixture.componentRef.setInput(kind === 'unit' ? 'id' : 'code', key);
    fixture.componentRef.setInput('period', PERIOD);
    fixture.detectChanges();
    const http = TestBed.inject(HttpTestingController);
    http.expectOne(`${TEST_API}/regions`).flush([]);
    return { fixture, http, el: fixture.nativeElement as HTMLElement };
  }

  it('shows 金凤区’s indicators with status, target origin and gap', async () => {
    const { fixture, http, el } = await open('region', '640106');
    http.expectOne(`${TEST_API}/regions/640106`).flush(JINFENG_REGION);
    http.expectOne(`${TEST_API}/assessments?region=640106&period=${PERIOD}`).flush(JINFENG);
    await settle(fixture);
    const row = el.querySelector('tr[data-indicator="offline_evaluation_rate"]');
    expect(row?.querySelector('[data-testid="value"]')?.textContent?.trim()).toBe('98.95%');
    expect(row?.querySelector('[data-status]')?.textContent?.trim()).toBe('达标');
    expect(row?.querySelector('[data-testid="target"]')?.textContent?.trim()).toBe('≥ 98.5%');
    expect(row?.querySelector('[data-testid="target-origin"]')?.textContent).toContain('继承自');
    expect(el.querySelector('[data-testid="children-card"]')).not.toBeNull();
    // The parent is out of this county administrator's scope: no rank to show, no request for it.
    expect(row?.querySelector('[data-testid="rank"]')?.textContent?.trim()).toBe('—');
    http.verify();
  });

  it('shows 银川市 as partial: "2 个县区中 1 个已报送", uncoloured, 灵武市 "未报" unlike "-"', async () => {
    const { fixture, http, el } = await open('region', '640100');
    http.expectOne(`${TEST_API}/regions/640100`).flush(YINCHUAN_REGION);
    http.expectOne(`${TEST_API}/assessments?region=640100&period=${PERIOD}`).flush(YINCHUAN);
    await settle(fixture);
    const row = el.querySelector('tr[data-indicator="offline_evaluation_rate"]');
    expect(row?.querySelector('[data-testid="value"]')?.textContent?.replace(/\s+/g, '')).toBe(
      '98.95%2个县区中1个已报送',
    );
    expect(row?.querySelector('[data-status]')?.textContent?.trim()).toBe('部分报送');
    expect(row?.querySelector('[data-testid="rank"]')?.textContent?.trim()).toBe(
      '部分报送，不排名',
    );
    const matrix = el.querySelector('[data-testid="assessment-matrix"]');
    const total = matrix?.querySelector('tr[data-subject="640100"] td[data-indicator]');
    expect(total?.getAttribute('data-status')).toBe('partial');
    expect(total?.querySelector('[data-testid="coverage"]')?.textContent?.trim()).toBe(
      '2 个县区中 1 个已报送',
    );
    const lingwu = matrix?.querySelector('tr[data-subject="640181"] [data-state]');
    expect(lingwu?.getAttribute('data-state')).toBe('missing');
    expect(lingwu?.textContent?.trim()).toBe('未报');
    expect(el.textContent).toContain('“未报”为文件中没有该项');

    row?.querySelector<HTMLElement>('[data-testid="explain"]')?.click();
    http
      .expectOne(
        `${TEST_API}/explanations?region=640100&period=${PERIOD}&indicator=offline_evaluation_rate`,
      )
      .flush({
        ...SPJ_EXPLANATION,
        subject: { kind: 'region', code: '640100' },
        nameZh: '银川市',
        coverage: YINCHUAN_COVERAGE,
        target: {
          targetId: 't',
          comparator: '>=',
          value: 99,
          setOn: '640100',
          inherited: false,
          status: 'partial',
          asIfComplete: 'close',
          gap: 0.004,
          roundingNote: { display: '99.00', exact: '98.996', displayWouldMeet: true },
        },
      });
    await settle(fixture);
    const drawer = document.querySelector('[data-testid="explain-drawer"]');
    expect(drawer?.querySelector('[data-testid="explain-coverage"]')?.textContent).toContain(
      '2 个县区中 1 个已报送',
    );
    expect(
      drawer?.querySelector('[data-testid="explain-coverage-missing"]')?.textContent?.trim(),
    ).toBe('未报送：灵武市');
    expect(drawer?.querySelector('[data-testid="explain-rounding"]')?.textContent).toContain(
      '按精确值 98.996 判定为未达标，虽显示为 99.00',
    );
  });

  it('shows the designed "no access" page for a region outside the scope', async () => {
    const { fixture, http, el } = await open('region', '640181');
    http
      .expectOne(`${TEST_API}/regions/640181`)
      .flush(
        { statusCode: 404, error: 'not found', message: 'region "640181" not found' },
        { status: 404, statusText: 'Not Found' },
      );
    http
      .expectOne(`${TEST_API}/assessments?region=640181&period=${PERIOD}`)
      .flush(
        { statusCode: 404, message: 'region "640181" not found' },
        { status: 404, statusText: 'Not Found' },
      );
    await settle(fixture);
    expect(el.querySelector('[data-testid="no-access"]')?.textContent).toContain('无权访问');
    expect(el.querySelector('[data-testid="indicator-table"]')).toBeNull();
  });

  it('explains a department’s number: formula, version, fraction and the cells read', async () => {
    const { fixture, http, el } = await open('unit', '640106:spj');
    http.expectOne(`${TEST_API}/units/640106%3Aspj`).flush({
      id: '640106:spj',
      kind: 'department',
      nameZh: '金凤区审批服务管理局',
      regionCode: '640106',
      aliases: ['审批局'],
      region: { code: '640106', nameZh: '金凤区', nameEn: 'Jinfeng' },
      aliasDetails: [],
    });
    await settle(fixture);
    http.expectOne(`${TEST_API}/regions/640106`).flush(JINFENG_REGION);
    http.expectOne(`${TEST_API}/assessments?region=640106&period=${PERIOD}`).flush(JINFENG);
    await settle(fixture);
    const row = el.querySelector('tr[data-indicator="offline_evaluation_rate"]');
    expect(row?.querySelector('[data-testid="value"]')?.textContent?.trim()).toBe('98.87%');
    // Ranked among the units that reported, not "8 / 11" as if the 11 were everyone.
    expect(row?.querySelector('[data-testid="rank"]')?.textContent?.replace(/\s+/g, '')).toBe(
      '11个已报送中第8（应报17）',
    );

    row?.querySelector<HTMLElement>('[data-testid="explain"]')?.click();
    http
      .expectOne(
        `${TEST_API}/explanations?unit=640106:spj&period=${PERIOD}&indicator=offline_evaluation_rate`,
      )
      .flush(SPJ_EXPLANATION);
    await settle(fixture);
    const drawer = document.querySelector('[data-testid="explain-drawer"]');
    expect(drawer?.querySelector('[data-testid="explain-value"]')?.textContent?.trim()).toBe(
      '98.87%',
    );
    expect(drawer?.querySelector('[data-testid="explain-formula"]')?.textContent).toContain(
      '线下评价数 ÷ 线下办件数 × 100',
    );
    expect(drawer?.querySelector('[data-testid="explain-version"]')?.textContent).toContain(
      '第 1 版',
    );
    expect(drawer?.querySelector('[data-testid="explain-fraction"]')?.textContent?.trim()).toBe(
      '5,769 ÷ 5,835',
    );
    expect(drawer?.querySelector('[data-testid="explain-cell"]')?.textContent).toContain(
      '附件2 · F4',
    );
  });

  it('exports only after the API has audited the export, and says why when it has not', async () => {
    const created: Blob[] = [];
    const url = URL as unknown as {
      createObjectURL?: (b: Blob) => string;
      revokeObjectURL?: () => void;
    };
    url.createObjectURL = (b: Blob) => {
      created.push(b);
      return 'blob:test';
    };
    url.revokeObjectURL = () => undefined;
    const { fixture, http, el } = await open('region', '640106');
    http.expectOne(`${TEST_API}/regions/640106`).flush(JINFENG_REGION);
    http.expectOne(`${TEST_API}/assessments?region=640106&period=${PERIOD}`).flush(JINFENG);
    await settle(fixture);

    el.querySelector<HTMLButtonElement>('[data-testid="export-xlsx"]')?.click();
    const audit = await waitForRequest(http, `${TEST_API}/assessments/exports`, fixture);
    expect(audit.request.body).toEqual({
      format: 'xlsx',
      layout: 'bulletin-annex',
      region: '640106',
      period: PERIOD,
      indicators: ['offline_evaluation_rate', 'satisfaction'],
      rows: 2,
      fileName: '金凤区2022年1-8月政务服务效能指标.xlsx',
    });
    audit.flush(
      { statusCode: 503, message: 'audit log unavailable' },
      { status: 503, statusText: 'Unavailable' },
    );
    await settle(fixture);
    expect(created).toHaveLength(0);
    expect(document.body.textContent).toContain('audit log unavailable');

    el.querySelector<HTMLButtonElement>('[data-testid="export-xlsx"]')?.click();
    (await waitForRequest(http, `${TEST_API}/assessments/exports`, fixture)).flush({
      audited: '1',
    });
    await settle(fixture);
    expect(created).toHaveLength(1);
  });
});

/** The export builds the workbook (exceljs, loaded on demand) before it calls the API. */
async function waitForRequest(
  http: HttpTestingController,
  url: string,
  fixture: { detectChanges(): void; whenStable(): Promise<unknown> },
) {
  // Loading exceljs can take seconds on a loaded machine: up to about 20 s of polls.
  for (let i = 0; i < 1000; i++) {
    const found = http.match(url);
    if (found.length > 0) return found[0];
    await new Promise((r) => setTimeout(r, 20));
    await settle(fixture);
  }
  throw new Error(`no request to ${url}`);
}
